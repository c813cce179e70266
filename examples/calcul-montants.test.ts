import { describe, expect, it } from "vitest";
import { main } from "./calcul-montants.js";

describe("exemple : calculer les montants d'un mémoire", () => {
  it("computes lines, VAT summary and totals, and refuses bad input field by field", () => {
    const journal: Array<string> = [];
    const { montants, erreursSaisieInvalide } = main((l) => journal.push(l));
    // Line 1: 3 × 30 = 90 + 12.40 = 102.40 HT, TVA 20.48; line 2: 100 HT, TVA 20, + 8.50 débours.
    expect(montants.lignes).toEqual([
      { montantPrestationHt: "90.00", montantHt: "102.40", montantTva: "20.48", montantTtc: "122.88" },
      { montantPrestationHt: "100.00", montantHt: "100.00", montantTva: "20.00", montantTtc: "128.50" },
    ]);
    expect(montants.recapitulatifTva).toEqual([{ tauxTva: "20", baseHt: "202.40", montantTva: "40.48" }]);
    expect(montants.totaux).toEqual({
      montantHt: "202.40",
      montantTva: "40.48",
      montantDebours: "8.50",
      montantTtcAvantRemiseGlobale: "251.38",
      montantRemiseGlobaleTtc: "5.00",
      montantTtc: "246.38",
    });
    expect(erreursSaisieInvalide.some((e) => e.startsWith("lignes[0].tauxTva"))).toBe(true);
    expect(erreursSaisieInvalide.some((e) => e.startsWith("lignes[0].quantite"))).toBe(true);
    expect(journal.join("\n")).toContain("TTC 246.38 €");
  });
});
