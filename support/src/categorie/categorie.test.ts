import { Either } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estAutorise } from "@frais-justice/core/autorisation";
import { paris, marseille, JURIDICTIONS, supportNational, supportParis } from "../test-support/fixtures.js";
import {
  REFERENTIEL_2026,
  SUPPORT_NATIONAL,
  cibleDeLaFile,
  filesExistantes,
  libelleFile,
  memeFile,
  referentielApplicable,
  router,
  serviceMetier,
  trouverSousCategorie,
  type JuridictionFile,
  type ReferentielCategories,
  type SousCategorie,
} from "./index.js";

const toutes = REFERENTIEL_2026.categories.flatMap((c) => c.sousCategories.map((s) => ({ categorie: c, sousCategorie: s })));
const libelles = toutes.map((x) => `${x.categorie.libelle} / ${x.sousCategorie.libelle}`);

describe("the catégories tree", () => {
  it("holds the seed's topics and the account, structure and access topics", () => {
    expect(libelles).toEqual(
      expect.arrayContaining([
        "Mémoire de frais de justice / M - Suivi du traitement d'un mémoire",
        "Factures émises / M - Question pour une entité publique",
        "Factures émises / M - Question pour le destinataire de ma facture",
        "Mon compte / Connexion, mot de passe",
        "Ma structure / Création, modification, rattachement",
        "Habilitations / Demande d'accès",
      ]),
    );
  });

  it("has unique codes and routes every « M - » topic to a service métier, the others to the national support", () => {
    const codes = toutes.map((x) => `${x.categorie.code}/${x.sousCategorie.code}`);
    expect(new Set(codes).size).toBe(codes.length);
    for (const { sousCategorie } of toutes) {
      expect(sousCategorie.routage).toBe(sousCategorie.libelle.startsWith("M - ") ? "SERVICE_METIER" : "SUPPORT_NATIONAL");
    }
  });

  it("picks the version applicable at a date, and none before the first", () => {
    const v2027: ReferentielCategories = { ...REFERENTIEL_2026, version: "2027-01", applicableLe: "2027-01-01" };
    const refs = [v2027, REFERENTIEL_2026];
    expect(Either.getOrThrow(referentielApplicable("2026-06-30", refs)).version).toBe("2026-01");
    expect(Either.getOrThrow(referentielApplicable("2027-01-01", refs)).version).toBe("2027-01");
    const avant = referentielApplicable("2025-12-31", refs);
    expect(Either.isLeft(avant) && avant.left._tag).toBe("ReferentielIntrouvable");
  });

  it("finds a pair of codes, refuses an unknown one", () => {
    const ok = trouverSousCategorie(REFERENTIEL_2026, "FACTURES_EMISES", "M_QUESTION_ENTITE_PUBLIQUE");
    expect(Either.getOrThrow(ok).sousCategorie.libelle).toBe("M - Question pour une entité publique");
    const ko = trouverSousCategorie(REFERENTIEL_2026, "MON_COMPTE", "M_QUESTION_ENTITE_PUBLIQUE");
    expect(Either.isLeft(ko) && ko.left._tag).toBe("CategorieInconnue");
  });
});

describe("routing", () => {
  const suivi = Either.getOrThrow(trouverSousCategorie(REFERENTIEL_2026, "MEMOIRE_FRAIS_DE_JUSTICE", "M_SUIVI_TRAITEMENT_MEMOIRE")).sousCategorie;
  const compte = Either.getOrThrow(trouverSousCategorie(REFERENTIEL_2026, "MON_COMPTE", "CONNEXION_MOT_DE_PASSE")).sousCategorie;

  it("sends « M - Suivi du traitement d'un mémoire » to the service métier of the mémoire's juridiction", () => {
    expect(router(suivi, paris, JURIDICTIONS)).toEqual(serviceMetier(paris));
    expect(router(suivi, marseille, JURIDICTIONS)).toEqual(serviceMetier(marseille));
    expect(libelleFile(router(suivi, paris, JURIDICTIONS))).toBe("Service métier — 75 - Tribunal judiciaire de Paris");
  });

  it("sends account questions, and service-métier topics without a known juridiction, to the national support", () => {
    expect(router(compte, paris, JURIDICTIONS)).toEqual(SUPPORT_NATIONAL);
    expect(router(suivi, undefined, JURIDICTIONS)).toEqual(SUPPORT_NATIONAL);
    expect(router(suivi, { code: "971" }, JURIDICTIONS)).toEqual(SUPPORT_NATIONAL);
  });

  it("gives each queue the autoriser target its agents are checked on", () => {
    expect(cibleDeLaFile(SUPPORT_NATIONAL)).toEqual({ _tag: "Global" });
    expect(estAutorise(supportParis, "ticket.traiter", cibleDeLaFile(serviceMetier(paris)))).toBe(true);
    expect(estAutorise(supportParis, "ticket.traiter", cibleDeLaFile(serviceMetier(marseille)))).toBe(false);
    expect(estAutorise(supportNational, "ticket.traiter", cibleDeLaFile(SUPPORT_NATIONAL))).toBe(true);
  });

  const arbJuridiction: fc.Arbitrary<JuridictionFile> = fc.record({
    code: fc.stringMatching(/^[0-9A-Z]{1,4}$/),
    libelle: fc.string({ minLength: 1, maxLength: 20 }),
    courAppel: fc.stringMatching(/^[0-9]{2}$/),
  });
  const arbSousCategorie: fc.Arbitrary<SousCategorie> = fc.oneof(
    fc.constantFrom(...toutes.map((x) => x.sousCategorie)),
    fc.record({
      code: fc.string(),
      libelle: fc.string(),
      typeObjet: fc.constantFrom("MEMOIRE" as const, "FACTURE" as const, "STRUCTURE" as const, "AUCUN" as const),
      routage: fc.constantFrom("SERVICE_METIER" as const, "SUPPORT_NATIONAL" as const),
    }),
  );

  it("property: the destination is always an existing queue, the service métier only when asked and known", () => {
    fc.assert(
      fc.property(
        arbSousCategorie,
        fc.uniqueArray(arbJuridiction, { selector: (j) => j.code, maxLength: 6 }),
        fc.option(fc.oneof(fc.stringMatching(/^[0-9A-Z]{1,4}$/).map((code) => ({ code })), arbJuridiction), { nil: undefined }),
        fc.boolean(),
        (sous, juridictions, objetLibre, prendreConnue) => {
          const objet = prendreConnue && juridictions.length > 0 ? juridictions[0] : objetLibre;
          const file = router(sous, objet, juridictions);
          expect(filesExistantes(juridictions).some((f) => memeFile(f, file))).toBe(true);
          if (file._tag === "ServiceMetier") {
            expect(sous.routage).toBe("SERVICE_METIER");
            expect(file.juridiction.code).toBe(objet?.code);
          } else if (sous.routage === "SERVICE_METIER" && objet !== undefined) {
            expect(juridictions.some((j) => j.code === objet.code)).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
