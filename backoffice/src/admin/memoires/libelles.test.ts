import { TYPES_IDENTIFIANT_STRUCTURE } from "@frais-justice/core/structure";
import { describe, expect, it } from "vitest";
import { identifiantLisible } from "./libelles.js";

describe("a prestataire's identifier on the show page", () => {
  it("writes its type in words, never core's code", () => {
    expect(identifiantLisible("SIRET", "73282932000074")).toBe("SIRET 73282932000074");
    expect(identifiantLisible("PARTICULIER", "2650633063")).toBe("Particulier 2650633063");
    for (const type of TYPES_IDENTIFIANT_STRUCTURE.filter((t) => !["SIRET", "RIDET", "TAHITI"].includes(t))) expect(identifiantLisible(type, "X")).not.toContain(type);
  });
});
