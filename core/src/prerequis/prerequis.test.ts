import { Either } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ActeurUtilisateur } from "../autorisation/index.js";
import {
  ajouterCoordonneeBancaire,
  aucuneCoordonneeBancaire,
  desactiverCoordonneeBancaire,
  type CoordonneesBancairesStructure,
} from "../coordonnees-bancaires/index.js";
import { aucunMandat, signerMandat, souscrireMandat, type MandatsStructure } from "../mandat/index.js";
import { contexteDeterministe } from "../shared/index.js";
import type { Structure } from "../structure/index.js";
import { prerequisManquants, verifierPrerequis } from "./prerequis.regles.js";

const t0 = new Date("2026-03-02T09:00:00Z");
const ctx = (p: string) => contexteDeterministe(t0, p);
const acteur: ActeurUtilisateur = { _tag: "Utilisateur", id: "u-1", rattachements: [{ structureId: "s-1", role: "GESTIONNAIRE_PRINCIPAL" }], habilitations: [] };

const particulier = (regime: boolean, identifiantConforme: boolean): Structure => ({
  id: "s-1",
  identifiant: { type: "PARTICULIER", valeur: identifiantConforme ? "1931035248" : "1931335248" },
  raisonSociale: "Alexandre Chevalier",
  adresse: { ligne: "12 rue de la Paix", codePostal: "35000", ville: "Rennes", pays: "FR" },
  statut: "ACTIF",
  services: [],
  informationsMemoire: regime ? { categoriePrestataire: "INTERPRETE_TRADUCTEUR", regime: "COSP", droitOption: false } : { droitOption: false },
  espacesOuverts: [],
  dateCreation: t0,
});
const societe: Structure = { ...particulier(false, true), identifiant: { type: "SIRET", valeur: "73282932000074" } };

const avecCoordonnees = (): CoordonneesBancairesStructure =>
  Either.getOrThrow(
    ajouterCoordonneeBancaire(
      aucuneCoordonneeBancaire("s-1"),
      {
        acteur,
        donnees: {
          libelle: "Compte courant",
          compte: { type: "IBAN", iban: "FR1420041010050500013M02606" },
          bic: "PSSTFRPPREN",
          affactureur: false,
          fichier: { reference: "rib.pdf", typeContenu: "application/pdf", taille: 1000 },
        },
      },
      ctx("cb"),
    ),
  ).state;
const souscrit = (): MandatsStructure =>
  Either.getOrThrow(
    souscrireMandat(aucunMandat("s-1"), { acteur, donnees: { libelle: "Mandat", signataire: { nom: "Chevalier", prenom: "Alexandre", email: "a@b.fr" } }, secretSignature: "sig" }, ctx("m")),
  ).state;
const signe = (): MandatsStructure => Either.getOrThrow(signerMandat(souscrit(), { mandatId: "m-000001", jeton: "sig" }, ctx("x"))).state;

const numeros = (s: Structure, c: CoordonneesBancairesStructure, m: MandatsStructure) => prerequisManquants(s, c, m).map((p) => p.numero);

describe("prerequisManquants (seed 002)", () => {
  it("is empty when everything is met", () => {
    expect(prerequisManquants(particulier(true, true), avecCoordonnees(), signe())).toEqual([]);
    expect(Either.isRight(verifierPrerequis(particulier(true, true), avecCoordonnees(), signe()))).toBe(true);
  });

  it("lists all four for a personne physique with nothing done, with French libellés", () => {
    const manquants = prerequisManquants(particulier(false, false), aucuneCoordonneeBancaire("s-1"), aucunMandat("s-1"));
    expect(manquants.map((m) => [m._tag, m.numero])).toEqual([
      ["CoordonneesBancairesManquantes", "01"],
      ["MandatNonSigne", "02"],
      ["IdentifiantNonConforme", "03"],
      ["RegimeNonRenseigne", "04"],
    ]);
    expect(manquants.every((m) => m.libelle.length > 0)).toBe(true);
    expect(manquants[2]).toMatchObject({ raison: expect.stringContaining("rangs 4 et 5") as unknown });
  });

  it("asks only 01 and 02 of a structure with a SIRET", () => {
    expect(numeros(societe, aucuneCoordonneeBancaire("s-1"), aucunMandat("s-1"))).toEqual(["01", "02"]);
  });

  it("reports a mandat waiting for its signature", () => {
    expect(prerequisManquants(particulier(true, true), avecCoordonnees(), souscrit())).toEqual([
      expect.objectContaining({ _tag: "MandatNonSigne", mandatEnAttenteId: "m-000001" }),
    ]);
  });

  it("does not count deactivated bank details, nor another structure's", () => {
    const desactivees = Either.getOrThrow(desactiverCoordonneeBancaire(avecCoordonnees(), { acteur, donnees: { coordonneeBancaireId: "cb-000001" } }, ctx("d"))).state;
    expect(numeros(particulier(true, true), desactivees, signe())).toEqual(["01"]);
    expect(numeros(particulier(true, true), { ...avecCoordonnees(), structureId: "s-2" }, { ...signe(), structureId: "s-2" })).toEqual(["01", "02"]);
  });

  it("reports exactly the missing items, for any combination (property)", () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), (banque, mandat, identifiant, regime) => {
        const attendus = [...(banque ? [] : ["01"]), ...(mandat ? [] : ["02"]), ...(identifiant ? [] : ["03"]), ...(regime ? [] : ["04"])];
        const c = banque ? avecCoordonnees() : aucuneCoordonneeBancaire("s-1");
        const m = mandat ? signe() : aucunMandat("s-1");
        expect(numeros(particulier(regime, identifiant), c, m)).toEqual(attendus);
        const garde = verifierPrerequis(particulier(regime, identifiant), c, m);
        expect(Either.isRight(garde)).toBe(attendus.length === 0);
      }),
      { numRuns: 32 },
    );
  });

  it("the guard's refusal lists every missing item in its message", () => {
    const e = Either.getOrThrowWith(Either.flip(verifierPrerequis(societe, aucuneCoordonneeBancaire("s-1"), aucunMandat("s-1"))), () => new Error("Left expected"));
    expect(e._tag).toBe("PrerequisNonRemplis");
    expect(e.message).toContain("01 Valider ses coordonnées bancaires");
    expect(e.message).toContain("02 Signer son mandat");
  });
});
