import { BigDecimal, Either, Schema } from "effect";
import { describe, expect, it } from "vitest";
import { SaisieInvalide } from "../shared/index.js";
import {
  calculerMontants,
  calculerMontantsEntree,
  MemoireMontantsEntree,
  montantsEnJson,
  unsafeCalculerMontants,
  type MemoireMontantsEntree as Entree,
  type MontantsJson,
} from "./index.js";

const json = (saisie: unknown): MontantsJson => montantsEnJson(unsafeCalculerMontants(saisie));
const erreurs = (saisie: unknown) => {
  const r = calculerMontants(saisie);
  if (Either.isRight(r)) throw new Error("saisie acceptée à tort");
  return r.left.erreurs;
};
const chemins = (saisie: unknown) => erreurs(saisie).map((e) => e.chemin);
const d = BigDecimal.unsafeFromString;

describe("calculerMontants — examples", () => {
  it("seed check: 1 × 150.00 at 5.5 % → HT 150.00, TVA 8.25, TTC 158.25 (exact CLI shape)", () => {
    const saisie = {
      typeTva: "TVA_SUR_DEBIT",
      remiseGlobaleTtc: "0.00",
      lignes: [{ quantite: "1", tarifHt: "150.00", tauxTva: "5.5", fraisDivers: "0.00", debours: "0.00", remise: "0.00" }],
    };
    expect(json(saisie)).toStrictEqual({
      lignes: [{ montantPrestationHt: "150.00", montantHt: "150.00", montantTva: "8.25", montantTtc: "158.25" }],
      recapitulatifTva: [{ tauxTva: "5.5", baseHt: "150.00", montantTva: "8.25" }],
      totaux: {
        montantHt: "150.00",
        montantTva: "8.25",
        montantDebours: "0.00",
        montantTtcAvantRemiseGlobale: "158.25",
        montantRemiseGlobaleTtc: "0.00",
        montantTtc: "158.25",
      },
    });
  });

  it("accepts JSON numbers and absent optional fields (0.00)", () => {
    const m = json({ typeTva: "TVA_SUR_DEBIT", lignes: [{ quantite: 1, tarifHt: 150, tauxTva: 5.5 }] });
    expect(m.totaux.montantTtc).toBe("158.25");
    expect(m.totaux.montantRemiseGlobaleTtc).toBe("0.00");
  });

  it("two-line mémoire at 20 %: lines of 605.28 and 379.80 TTC", () => {
    // 8 hours of oral translation at 63.05 €; 10 pages at 30.00 € plus 16.50 € of frais divers.
    const m = json({
      typeTva: "TVA_SUR_DEBIT",
      lignes: [
        { quantite: "8", tarifHt: "63.05", tauxTva: "20" },
        { quantite: "10", tarifHt: "30.00", tauxTva: "20", fraisDivers: "16.50" },
      ],
    });
    expect(m.lignes).toStrictEqual([
      { montantPrestationHt: "504.40", montantHt: "504.40", montantTva: "100.88", montantTtc: "605.28" },
      { montantPrestationHt: "300.00", montantHt: "316.50", montantTva: "63.30", montantTtc: "379.80" },
    ]);
    expect(m.recapitulatifTva).toStrictEqual([{ tauxTva: "20", baseHt: "820.90", montantTva: "164.18" }]);
    expect(m.totaux).toStrictEqual({
      montantHt: "820.90",
      montantTva: "164.18",
      montantDebours: "0.00",
      montantTtcAvantRemiseGlobale: "985.08",
      montantRemiseGlobaleTtc: "0.00",
      montantTtc: "985.08",
    });
  });

  it("débours are outside VAT (CGI 267-II-2°), remise reduces the HT, remise globale the TTC", () => {
    const m = json({
      typeTva: "TVA_SUR_ENCAISSEMENT",
      remiseGlobaleTtc: "10.00",
      lignes: [
        { quantite: "2.5", tarifHt: "40.00", tauxTva: "20", fraisDivers: "12.34", debours: "7.66", remise: "2.34" },
        { quantite: "1", tarifHt: "100", tauxTva: "5.5" },
      ],
    });
    expect(m.lignes[0]).toStrictEqual({ montantPrestationHt: "100.00", montantHt: "110.00", montantTva: "22.00", montantTtc: "139.66" });
    expect(m.recapitulatifTva).toStrictEqual([
      { tauxTva: "5.5", baseHt: "100.00", montantTva: "5.50" },
      { tauxTva: "20", baseHt: "110.00", montantTva: "22.00" },
    ]);
    expect(m.totaux).toStrictEqual({
      montantHt: "210.00",
      montantTva: "27.50",
      montantDebours: "7.66",
      montantTtcAvantRemiseGlobale: "245.16",
      montantRemiseGlobaleTtc: "10.00",
      montantTtc: "235.16",
    });
  });

  it("VAT of the summary is computed on the summed base, not summed per line (EN 16931)", () => {
    const ligne = { quantite: "1", tarifHt: "0.10", tauxTva: "5.5" };
    const m = json({ typeTva: "TVA_SUR_DEBIT", lignes: [ligne, ligne, ligne] });
    expect(m.lignes.map((l) => l.montantTva)).toStrictEqual(["0.01", "0.01", "0.01"]);
    expect(m.recapitulatifTva).toStrictEqual([{ tauxTva: "5.5", baseHt: "0.30", montantTva: "0.02" }]);
    expect(m.totaux.montantTva).toBe("0.02");
  });

  it("rounds the prestation half away from zero: 0.005 → 0.01, 2.675 → 2.68", () => {
    expect(json({ typeTva: "SANS_TVA", lignes: [{ quantite: "0.001", tarifHt: "5", tauxTva: "0" }] }).lignes[0]?.montantPrestationHt).toBe("0.01");
    expect(json({ typeTva: "SANS_TVA", lignes: [{ quantite: "1", tarifHt: "2.675", tauxTva: "0" }] }).lignes[0]?.montantPrestationHt).toBe("2.68");
    expect(json({ typeTva: "SANS_TVA", lignes: [{ quantite: "0.001", tarifHt: "4.9999", tauxTva: "0" }] }).lignes[0]?.montantPrestationHt).toBe("0.00");
    // VAT: 0.10 × 5 % would be 0.005 … at 5.5 %: 0.09 × 5.5 % = 0.00495 → 0.00; 0.10 × 5.5 % = 0.0055 → 0.01
    expect(json({ typeTva: "TVA_SUR_DEBIT", lignes: [{ quantite: "1", tarifHt: "0.09", tauxTva: "5.5" }] }).totaux.montantTva).toBe("0.00");
    expect(json({ typeTva: "TVA_SUR_DEBIT", lignes: [{ quantite: "1", tarifHt: "0.50", tauxTva: "1.05" }] }).totaux.montantTva).toBe("0.01");
  });

  it("a remise equal to the line and a remise globale equal to the TTC give zero, not an error", () => {
    const m = json({
      typeTva: "TVA_SUR_DEBIT",
      remiseGlobaleTtc: "12.00",
      lignes: [
        { quantite: "1", tarifHt: "10", tauxTva: "20", remise: "10" },
        { quantite: "1", tarifHt: "10", tauxTva: "20" },
      ],
    });
    expect(m.lignes[0]?.montantTtc).toBe("0.00");
    expect(m.totaux.montantTtc).toBe("0.00");
  });

  it("handles amounts far beyond 2^53 cents exactly", () => {
    const m = json({ typeTva: "TVA_SUR_DEBIT", lignes: [{ quantite: "999999999.999", tarifHt: "999999999.9999", tauxTva: "20" }] });
    expect(m.lignes[0]?.montantPrestationHt).toBe("999999999998900000.00");
    expect(m.totaux.montantTtc).toBe("1199999999998680000.00");
  });
});

describe("calculerMontants — refusals name every offending field", () => {
  it("reports all faults at once, mémoire fields first then line by line", () => {
    const e = erreurs({
      typeTva: "EXONERATION",
      remiseGlobaleTtc: "1,5",
      devise: "EUR",
      lignes: [
        { quantite: "0", tarifHt: "150.00001", tauxTva: "5.5", note: "x" },
        { quantite: 1, tarifHt: 10, tauxTva: 20, remise: "20" },
        { quantite: 1e21, tarifHt: "1e3", tauxTva: "7", debours: true },
        null,
        { quantite: 1, tarifHt: 10 },
      ],
    });
    expect(e.map((x) => x.chemin)).toStrictEqual([
      "devise",
      "remiseGlobaleTtc",
      "lignes[0].note",
      "lignes[0].quantite",
      "lignes[0].tarifHt",
      "lignes[1].tauxTva",
      "lignes[1].remise",
      "lignes[2].quantite",
      "lignes[2].tarifHt",
      "lignes[2].tauxTva",
      "lignes[2].debours",
      "lignes[3]",
      "lignes[4].tauxTva",
    ]);
    const raison = (chemin: string) => e.find((x) => x.chemin === chemin)?.raison;
    expect(raison("devise")).toBe("champ inconnu, non accepté");
    expect(raison("remiseGlobaleTtc")).toContain("séparateur décimal « , » non accepté");
    expect(raison("lignes[0].quantite")).toContain("strictement positif");
    expect(raison("lignes[0].tarifHt")).toContain("au plus 4 décimales");
    expect(raison("lignes[1].tauxTva")).toBe("avec le type de TVA EXONERATION, le taux de TVA doit être 0");
    expect(raison("lignes[1].remise")).toContain("la remise (20.00) dépasse");
    expect(raison("lignes[2].quantite")).toContain("l'écrire en chaîne décimale");
    expect(raison("lignes[2].tarifHt")).toContain("notation exponentielle");
    expect(raison("lignes[2].tauxTva")).toBe("taux de TVA 7 non autorisé (autorisés : 0, 0.9, 1.05, 1.75, 2.1, 5.5, 8.5, 10, 13, 20)");
    expect(raison("lignes[2].debours")).toContain("doit être un nombre décimal");
    expect(raison("lignes[3]")).toBe("doit être un objet");
    expect(raison("lignes[4].tauxTva")).toBe("champ obligatoire manquant");
  });

  it("refuses an unknown regime and an empty list of lines together", () => {
    const e = erreurs({ typeTva: "FOO", lignes: [] });
    expect(e).toStrictEqual([
      { chemin: "typeTva", raison: "type de TVA inconnu (attendus : TVA_SUR_DEBIT, TVA_SUR_ENCAISSEMENT, EXONERATION, SANS_TVA)" },
      { chemin: "lignes", raison: "au moins une ligne de prestation est requise" },
    ]);
  });

  it("refuses a remise globale above the TTC before it", () => {
    expect(erreurs({ typeTva: "SANS_TVA", remiseGlobaleTtc: 10.01, lignes: [{ quantite: 1, tarifHt: 10, tauxTva: 0 }] })).toStrictEqual([
      { chemin: "remiseGlobaleTtc", raison: "la remise globale TTC (10.01) dépasse le montant TTC avant remise globale (10.00)" },
    ]);
  });

  it("refuses non-objects, missing and mistyped lists, NaN and infinities", () => {
    expect(chemins(null)).toStrictEqual([""]);
    expect(chemins([])).toStrictEqual([""]);
    expect(chemins({ typeTva: "SANS_TVA" })).toStrictEqual(["lignes"]);
    expect(erreurs({ typeTva: "SANS_TVA", lignes: 3 })).toStrictEqual([{ chemin: "lignes", raison: "doit être une liste" }]);
    expect(erreurs({ typeTva: "SANS_TVA", lignes: [{ quantite: Number.NaN, tarifHt: Infinity, tauxTva: 0 }] }).map((e) => e.raison)).toStrictEqual([
      "NaN n'est pas un nombre fini",
      "Infinity n'est pas un nombre fini",
    ]);
  });

  it("returns a SaisieInvalide whose message lists the fields", () => {
    const r = calculerMontants({ typeTva: "SANS_TVA", lignes: [{ quantite: 1, tarifHt: 10, tauxTva: 5.5 }] });
    expect(Either.isLeft(r)).toBe(true);
    if (Either.isLeft(r)) {
      expect(r.left).toBeInstanceOf(SaisieInvalide);
      expect(r.left.message).toBe("lignes[0].tauxTva: avec le type de TVA SANS_TVA, le taux de TVA doit être 0");
    }
    expect(() => unsafeCalculerMontants({})).toThrow(SaisieInvalide);
  });
});

describe("calculerMontantsEntree — hand-built decoded input", () => {
  const valide: Entree = Schema.decodeUnknownSync(MemoireMontantsEntree)({
    typeTva: "TVA_SUR_DEBIT",
    lignes: [{ quantite: "1", tarifHt: "150", tauxTva: "5.5" }],
  });

  it("accepts values at any scale when they are exact", () => {
    const entree: Entree = {
      ...valide,
      lignes: [{ quantite: d("1"), tarifHt: d("150"), tauxTva: d("5.500"), fraisDivers: d("0"), debours: d("0.000"), remise: d("0") }],
    };
    const r = calculerMontantsEntree(entree);
    expect(Either.isRight(r) && montantsEnJson(r.right).totaux.montantTtc).toBe("158.25");
  });

  it("refuses what the schemas would have refused, naming the fields", () => {
    const entree: Entree = {
      typeTva: "TVA_SUR_DEBIT",
      remiseGlobaleTtc: d("-1"),
      lignes: [
        { quantite: d("0.0001"), tarifHt: d("-1"), tauxTva: d("7"), fraisDivers: d("0.001"), debours: d("-0.01"), remise: d("0") },
        { quantite: d("0"), tarifHt: d("1.00001"), tauxTva: d("20"), fraisDivers: d("0"), debours: d("0"), remise: d("0") },
      ],
    };
    const r = calculerMontantsEntree(entree);
    expect(Either.isLeft(r) && r.left.erreurs.map((e) => e.chemin)).toStrictEqual([
      "lignes[0].quantite",
      "lignes[0].tarifHt",
      "lignes[0].fraisDivers",
      "lignes[0].debours",
      "lignes[0].tauxTva",
      "lignes[1].quantite",
      "lignes[1].tarifHt",
      "remiseGlobaleTtc",
    ]);
  });

  it("refuses an empty list of lines", () => {
    const r = calculerMontantsEntree({ ...valide, lignes: [] });
    expect(Either.isLeft(r) && r.left.erreurs).toStrictEqual([{ chemin: "lignes", raison: "au moins une ligne de prestation est requise" }]);
  });
});

describe("calculerMontants — cross-field rules judged despite other faults", () => {
  it("checks the remise globale even when an unknown field is present", () => {
    expect(
      erreurs({ typeTva: "SANS_TVA", devise: "EUR", remiseGlobaleTtc: "10.01", lignes: [{ quantite: 1, tarifHt: 10, tauxTva: 0 }] }),
    ).toStrictEqual([
      { chemin: "devise", raison: "champ inconnu, non accepté" },
      { chemin: "remiseGlobaleTtc", raison: "la remise globale TTC (10.01) dépasse le montant TTC avant remise globale (10.00)" },
    ]);
  });

  it("checks the remise of a valid line when another line is malformed", () => {
    expect(
      chemins({
        typeTva: "TVA_SUR_DEBIT",
        lignes: [
          { quantite: 1, tarifHt: "abc", tauxTva: 20 },
          { quantite: 1, tarifHt: 10, tauxTva: 20, remise: "10.01" },
        ],
      }),
    ).toStrictEqual(["lignes[0].tarifHt", "lignes[1].remise"]);
  });
});
