import { BigDecimal, Either } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHAMPS_TRI, decoderCriteresRecherche, paginer, rechercher, rechercherDepuisSaisie, type CriteresRecherche } from "./memoire.recherche.js";
import { consultantS1, gestionnaireS1S2, greffierParis, PARIS, portefeuille, S1, S2 } from "./test-support/lecteurs.fixtures.js";

const memoires = portefeuille();

const criteres = (c: Partial<CriteresRecherche> = {}): CriteresRecherche => ({
  numeroMode: "EXACT",
  tri: "NUMERO",
  sens: "ASC",
  page: 1,
  taille: 100,
  ...c,
});

const numeros = (c: Partial<CriteresRecherche>, lecteur = gestionnaireS1S2): ReadonlyArray<string> =>
  rechercher(lecteur, memoires, criteres(c)).elements.map((l) => l.memoire.numero);

describe("Rechercher: each criterion", () => {
  it("without criteria returns every readable mémoire, never a deleted draft", () => {
    expect(numeros({})).toEqual(["MJ0000000045", "MJ0000002117", "MJ0000002118", "MJ0000002200", "MJ0000002300", "TMP201900000005"]);
  });

  it("finds the seed's mémoire by its number with its totals and visible status", () => {
    const page = rechercher(consultantS1, memoires, criteres({ numero: "MJ0000002117" }));
    expect(page.total).toBe(1);
    const [ligne] = page.elements;
    expect(ligne?.statut).toBe("ENVOYE");
    expect(ligne?.memoire.lignes.map((l) => BigDecimal.format(l.tarifHt))).toEqual(["504.4", "316.5"]);
    expect(ligne?.memoire.montants.lignes.map((l) => BigDecimal.format(l.montantTtc))).toEqual(["605.28", "379.8"]);
    expect(ligne && BigDecimal.format(ligne.memoire.montants.montantTtc)).toBe("985.08");
  });

  it("matches a number exactly, or by prefix", () => {
    expect(numeros({ numero: "MJ00000021" })).toEqual([]);
    expect(numeros({ numero: "MJ00000021", numeroMode: "PREFIXE" })).toEqual(["MJ0000002117", "MJ0000002118"]);
    expect(numeros({ numero: "TMP", numeroMode: "PREFIXE" })).toEqual(["TMP201900000005"]);
  });

  it("filters on juridiction, engagement juridique, lot, catégorie, structure, service and texte de référence", () => {
    expect(numeros({ juridiction: "13" })).toEqual(["MJ0000002300"]);
    expect(numeros({ numeroEngagementJuridique: "EJ-1" })).toEqual(["MJ0000002118"]);
    expect(numeros({ numeroLot: "LOT-7" })).toEqual(["MJ0000002118"]);
    expect(numeros({ categoriePrestataire: "INTERPRETE_TRADUCTEUR" })).toEqual(["MJ0000002118"]);
    expect(numeros({ structureId: S2 })).toEqual(["MJ0000002300"]);
    expect(numeros({ serviceId: "SVC-A" })).toEqual(["MJ0000002118"]);
    expect(numeros({ texteReference: "Article R 93 CPP" })).toEqual(["MJ0000002118"]);
  });

  it("filters on the visible état courant (court-side states are « Mis à disposition »)", () => {
    expect(numeros({ statut: "MIS_A_DISPOSITION" })).toEqual(["MJ0000002118", "MJ0000002300"]);
    expect(numeros({ statut: "BROUILLON" })).toEqual(["TMP201900000005"]);
  });

  it("filters on dates de dépôt, inclusive, on the Paris calendar; drafts have none", () => {
    // MJ0000002300 was sent at 23:30 UTC on 24/07/2019, i.e. 01:30 on 25/07 in Paris.
    expect(numeros({ dateDepotDu: "2019-07-25", dateDepotAu: "2019-07-25" })).toEqual(["MJ0000002117", "MJ0000002300"]);
    expect(numeros({ dateDepotAu: "2019-07-24" })).toEqual(["MJ0000000045"]);
    expect(numeros({ dateDepotDu: "2019-07-26" })).toEqual(["MJ0000002118", "MJ0000002200"]);
  });

  it("combines criteria with AND", () => {
    expect(numeros({ structureId: S1, statut: "MIS_A_DISPOSITION", dateDepotDu: "2019-07-01" })).toEqual(["MJ0000002118"]);
    expect(numeros({ structureId: S1, juridiction: "13" })).toEqual([]);
  });
});

describe("Rechercher: habilitations", () => {
  it("shows a consultation user only their structure's mémoires", () => {
    expect(numeros({}, consultantS1)).toEqual(["MJ0000000045", "MJ0000002117", "MJ0000002118", "MJ0000002200", "TMP201900000005"]);
    expect(numeros({ structureId: S2 }, consultantS1)).toEqual([]);
  });

  it("shows a greffier the sent mémoires of their juridiction, never drafts", () => {
    expect(numeros({}, greffierParis)).toEqual(["MJ0000000045", "MJ0000002117", "MJ0000002118", "MJ0000002200"]);
  });

  it("shows nothing when the espace « Mémoires de frais de justice » is not open", () => {
    expect(numeros({}, { ...consultantS1, espacesOuverts: {} })).toEqual([]);
  });
});

describe("Rechercher: sorting and paging", () => {
  it("sorts by montant TTC, both ways", () => {
    expect(numeros({ tri: "MONTANT_TTC", sens: "ASC" })).toEqual([
      "TMP201900000005", // 12.00
      "MJ0000002300", // 60.00
      "MJ0000002118", // 180.00
      "MJ0000000045", // 320.70
      "MJ0000002117", // 985.08
      "MJ0000002200", // 1200.00
    ]);
    expect(numeros({ tri: "MONTANT_TTC", sens: "DESC" })[0]).toBe("MJ0000002200");
  });

  it("sorts by date de dépôt, drafts last in both directions", () => {
    expect(numeros({ tri: "DATE_DEPOT", sens: "ASC" })).toEqual([
      "MJ0000000045",
      "MJ0000002300",
      "MJ0000002117",
      "MJ0000002118",
      "MJ0000002200",
      "TMP201900000005",
    ]);
    expect(numeros({ tri: "DATE_DEPOT", sens: "DESC" })).toEqual([
      "MJ0000002200",
      "MJ0000002118",
      "MJ0000002117",
      "MJ0000002300",
      "MJ0000000045",
      "TMP201900000005",
    ]);
  });

  it("sorts by état in the tableau de bord's order, ties by numéro ascending whatever the direction", () => {
    expect(numeros({ tri: "ETAT", sens: "ASC" })).toEqual([
      "TMP201900000005", // Brouillon
      "MJ0000002117", // Envoyé
      "MJ0000002118", // Mis à disposition
      "MJ0000002300",
      "MJ0000000045", // Refusé
      "MJ0000002200", // Mis en paiement
    ]);
    expect(numeros({ tri: "ETAT", sens: "DESC" })).toEqual([
      "MJ0000002200",
      "MJ0000000045",
      "MJ0000002118",
      "MJ0000002300",
      "MJ0000002117",
      "TMP201900000005",
    ]);
  });

  it("does not depend on the order of the input", () => {
    const c = criteres({ tri: "ETAT", sens: "DESC" });
    expect(rechercher(gestionnaireS1S2, [...memoires].reverse(), c)).toEqual(rechercher(gestionnaireS1S2, memoires, c));
  });

  it("pages: total, number of pages, a page past the last is empty", () => {
    const page2 = rechercher(gestionnaireS1S2, memoires, criteres({ taille: 4, page: 2 }));
    expect(page2.elements.map((l) => l.memoire.numero)).toEqual(["MJ0000002300", "TMP201900000005"]);
    expect({ total: page2.total, nombrePages: page2.nombrePages, page: page2.page, taille: page2.taille }).toEqual({
      total: 6,
      nombrePages: 2,
      page: 2,
      taille: 4,
    });
    expect(rechercher(gestionnaireS1S2, memoires, criteres({ taille: 4, page: 3 })).elements).toEqual([]);
    expect(paginer([], 1, 5)).toEqual({ elements: [], total: 0, page: 1, taille: 5, nombrePages: 0 });
  });
});

describe("Rechercher: paging property", () => {
  it("pages put end to end give every match once, in the same order as one big page, whatever the input order", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CHAMPS_TRI),
        fc.constantFrom<"ASC" | "DESC">("ASC", "DESC"),
        fc.integer({ min: 1, max: 7 }),
        fc.shuffledSubarray([...memoires], { minLength: 0 }),
        (tri, sens, taille, sousEnsemble) => {
          const complet = rechercher(gestionnaireS1S2, sousEnsemble, criteres({ tri, sens, taille: 100 }));
          const pages = Array.from({ length: Math.ceil(complet.total / taille) }, (_, i) =>
            rechercher(gestionnaireS1S2, [...sousEnsemble].reverse(), criteres({ tri, sens, taille, page: i + 1 })),
          );
          expect(pages.every((p) => p.total === complet.total && p.nombrePages === Math.ceil(complet.total / taille))).toBe(true);
          expect(pages.flatMap((p) => p.elements.map((l) => l.memoire.id))).toEqual(complet.elements.map((l) => l.memoire.id));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("Rechercher: criteria decoded from raw input", () => {
  it("applies defaults and reads numbers typed as text", () => {
    expect(decoderCriteresRecherche({ numero: "  mj0000002117 ", page: "2", taille: "5" })).toEqual(
      Either.right({ numero: "MJ0000002117", numeroMode: "EXACT", tri: "DATE_DEPOT", sens: "DESC", page: 2, taille: 5 }),
    );
    expect(decoderCriteresRecherche({})).toEqual(Either.right({ numeroMode: "EXACT", tri: "DATE_DEPOT", sens: "DESC", page: 1, taille: 20 }));
  });

  it("names every offending field", () => {
    const resultat = decoderCriteresRecherche({
      taille: 101,
      page: 0,
      statut: "PAYE",
      dateDepotDu: "2019-02-30",
      numero: "   ",
      tri: "PRESTATAIRE",
      juridication: "75",
    });
    expect(Either.isLeft(resultat)).toBe(true);
    if (Either.isLeft(resultat)) {
      expect(resultat.left._tag).toBe("SaisieInvalide");
      expect(resultat.left.erreurs.map((e) => e.chemin).sort()).toEqual(["dateDepotDu", "juridication", "numero", "page", "statut", "taille", "tri"]);
      expect(resultat.left.message).toContain("taille: doit être un entier entre 1 et 100");
    }
  });

  it("refuses a date range that ends before it starts, naming dateDepotAu", () => {
    const resultat = decoderCriteresRecherche({ dateDepotDu: "2019-07-26", dateDepotAu: "2019-07-25" });
    expect(Either.isLeft(resultat) && resultat.left.erreurs.map((e) => e.chemin)).toEqual(["dateDepotAu"]);
  });

  it("searches from raw input", () => {
    const resultat = rechercherDepuisSaisie(consultantS1, memoires, { juridiction: PARIS.code, statut: "REFUSE" });
    expect(Either.map(resultat, (p) => p.elements.map((l) => l.memoire.numero))).toEqual(Either.right(["MJ0000000045"]));
  });
});
