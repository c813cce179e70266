import { Either } from "effect";
import { describe, expect, it } from "vitest";
import { estNumeroProvisoire, formaterNumeroMj, formaterNumeroTmp, numerotationEnMemoire } from "./memoire.numerotation.js";

describe("numbering (DOMAIN.md §3; seed 001)", () => {
  it("formats the seed's numbers", () => {
    expect(formaterNumeroTmp(2019, 4)).toEqual(Either.right("TMP201900000004"));
    expect(formaterNumeroMj(2117)).toEqual(Either.right("MJ0000002117"));
    expect(estNumeroProvisoire("TMP201900000004")).toBe(true);
    expect(estNumeroProvisoire("MJ0000002117")).toBe(false);
  });

  it("refuses values the format cannot hold, naming the reason", () => {
    const trop = formaterNumeroTmp(2019, 100_000_000);
    expect(Either.isLeft(trop) && trop.left.raison).toContain("8 chiffres");
    expect(Either.isLeft(formaterNumeroMj(10_000_000_000))).toBe(true);
    expect(Either.isLeft(formaterNumeroMj(0))).toBe(true);
    expect(Either.isLeft(formaterNumeroMj(1.5))).toBe(true);
    expect(Either.isLeft(formaterNumeroTmp(99, 1))).toBe(true);
    expect(formaterNumeroMj(9_999_999_999)).toEqual(Either.right("MJ9999999999"));
  });

  it("the in-memory numbering counts per year for TMP and globally for MJ", () => {
    const n = numerotationEnMemoire({ mj: 2117 });
    expect([n.prochainNumeroTmp(2019), n.prochainNumeroTmp(2019), n.prochainNumeroTmp(2020)]).toEqual([1, 2, 1]);
    expect([n.prochainNumeroMj(), n.prochainNumeroMj()]).toEqual([2117, 2118]);
  });
});
