import { BigDecimal, Either, Schema } from "effect";
import { describe, expect, it } from "vitest";
import { LigneMontantsEntree, MemoireMontantsEntree, Montant, Quantite, TAUX_TVA_AUTORISES, TarifHt, TauxTva, TypeTva, formaterTaux } from "./index.js";

const decode = <A, I>(s: Schema.Schema<A, I>) => Schema.decodeUnknownEither(s, { errors: "all", onExcessProperty: "error" });

describe("input schemas", () => {
  it("decode strings and JSON numbers to BigDecimal at the field's scale", () => {
    const m = Either.getOrThrow(decode(Montant)("150"));
    expect([m.value, m.scale]).toStrictEqual([15000n, 2]);
    const q = Either.getOrThrow(decode(Quantite)(2.5));
    expect([q.value, q.scale]).toStrictEqual([2500n, 3]);
    const t = Either.getOrThrow(decode(TarifHt)("0.0001"));
    expect([t.value, t.scale]).toStrictEqual([1n, 4]);
    const r = Either.getOrThrow(decode(TauxTva)(5.5));
    expect([r.value, r.scale]).toStrictEqual([550n, 2]);
  });

  it("encode back to strings: amounts with 2 decimals, others without trailing zeros", () => {
    const d = BigDecimal.unsafeFromString;
    expect(Schema.encodeSync(Montant)(d("150"))).toBe("150.00");
    expect(Schema.encodeSync(Quantite)(d("2.500"))).toBe("2.5");
    expect(Schema.encodeSync(TarifHt)(d("63.0500"))).toBe("63.05");
    expect(Schema.encodeSync(TauxTva)(d("20.00"))).toBe("20");
  });

  it("accept exactly the ten allowed rates", () => {
    expect(TAUX_TVA_AUTORISES.map(formaterTaux)).toStrictEqual(["0", "0.9", "1.05", "1.75", "2.1", "5.5", "8.5", "10", "13", "20"]);
    for (const taux of ["0", "0.90", "1.05", "1.75", "2.10", "5.5", "8.50", "10", "13.0", "20.00", 0, 0.9, 1.05, 20]) {
      expect(Either.isRight(decode(TauxTva)(taux)), String(taux)).toBe(true);
    }
    for (const taux of ["19.6", "7", "5.55", "5.501", "-5.5", "100", "2.2", 21, "5,5", "", null]) {
      expect(Either.isLeft(decode(TauxTva)(taux)), String(taux)).toBe(true);
    }
  });

  it("TypeTva is one of the four regimes", () => {
    expect(Either.isRight(decode(TypeTva)("SANS_TVA"))).toBe(true);
    expect(Either.isLeft(decode(TypeTva)("sans_tva"))).toBe(true);
  });

  it("a line defaults frais divers, débours and remise to 0.00 and refuses unknown fields", () => {
    const ligne = Either.getOrThrow(decode(LigneMontantsEntree)({ quantite: "1", tarifHt: "10", tauxTva: "20" }));
    expect([ligne.fraisDivers, ligne.debours, ligne.remise].map((x) => [x.value, x.scale])).toStrictEqual([
      [0n, 2],
      [0n, 2],
      [0n, 2],
    ]);
    expect(Either.isLeft(decode(LigneMontantsEntree)({ quantite: "1", tarifHt: "10", tauxTva: "20", montantHt: "10" }))).toBe(true);
  });

  it("a mémoire needs at least one line; the remise globale defaults to 0.00", () => {
    expect(Either.isLeft(decode(MemoireMontantsEntree)({ typeTva: "SANS_TVA", lignes: [] }))).toBe(true);
    const m = Either.getOrThrow(decode(MemoireMontantsEntree)({ typeTva: "SANS_TVA", lignes: [{ quantite: 1, tarifHt: 1, tauxTva: 0 }] }));
    expect(BigDecimal.isZero(m.remiseGlobaleTtc)).toBe(true);
  });
});
