import type { ActeurAgent, ActeurUtilisateur } from "@frais-justice/core/autorisation";
import { Either } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Orm } from "../base/orm.js";
import { sqlDe } from "../base/sql.js";
import { BASES } from "../test-support/bases.js";
import { executerCommandeOrganisation, messageRefus, statutHttp } from "./organisation.commandes.js";
import { EXEMPLE as E, ecrireExempleOrganisation } from "./organisation.exemple.js";
import { detailStructure } from "./organisation.lecture.js";
import { depotsOrganisation } from "./organisation.repository.js";

const principal: ActeurUtilisateur = {
  _tag: "Utilisateur",
  id: E.principal,
  rattachements: [{ structureId: E.structure, role: "GESTIONNAIRE_PRINCIPAL" }],
  habilitations: [],
};
const simple: ActeurUtilisateur = {
  _tag: "Utilisateur",
  id: E.simple,
  rattachements: [{ structureId: E.structure, serviceId: "PARIS", role: "UTILISATEUR" }],
  habilitations: [{ structureId: E.structure, serviceId: "PARIS", application: "FRAIS_DE_JUSTICE", mode: "CONSULTATION" }],
};
const administrateur: ActeurAgent = { _tag: "Agent", id: "demo-administrateur", roles: ["ADMINISTRATEUR"], perimetre: { juridictions: [], coursAppel: ["CA-PARIS"] }, actif: true };

let n = 0;
const contexte = () => ({ maintenant: new Date("2026-01-05T10:00:00Z"), genererId: () => `evt-${(n += 1)}` });

describe.each(BASES)("organisation commands on $dialecte", (base) => {
  describe.skipIf(!base.disponible)("", () => {
    let orm: Orm;
    let detruire: () => Promise<void>;
    const audit = async () =>
      sqlDe(orm).lignes<{ type: string; auteurType: string; auteurId: string; cibleId: string; donnees: string }>(
        `SELECT type, auteur_type AS "auteurType", auteur_id AS "auteurId", cible_id AS "cibleId", donnees FROM evenement_organisation WHERE structure_id = ? ORDER BY le, id`,
        [E.structure],
      );
    const coordonnee = async (id: string) => Either.getOrThrow(await depotsOrganisation(orm).coordonneesBancaires.charger(id));

    beforeAll(async () => {
      const b = await base.creer();
      orm = b.orm;
      detruire = b.detruire;
      await ecrireExempleOrganisation(orm);
    });
    afterAll(async () => detruire());

    it("refuses an agent (no court-side role holds coordonnees-bancaires.gerer) and writes nothing", async () => {
      const r = await executerCommandeOrganisation(orm, administrateur, { type: "desactiverCoordonneeBancaire", structureId: E.structure, coordonneeBancaireId: E.coordonneeActive }, contexte());
      expect(Either.isLeft(r) && r.left._tag).toBe("NonAutorise");
      if (Either.isLeft(r)) {
        expect(statutHttp(r.left)).toBe(403);
        expect(messageRefus(r.left)).toMatch(/^Action refusée : .*coordonnees-bancaires\.gerer/);
      }
      expect((await coordonnee(E.coordonneeActive)).valeur.active).toBe(true);
      expect(await audit()).toEqual([]);
    });

    it("refuses a simple user holding a consultation habilitation only", async () => {
      const r = await executerCommandeOrganisation(orm, simple, { type: "revoquerMandat", structureId: E.structure, mandatId: E.mandatSigne }, contexte());
      expect(Either.isLeft(r) && r.left._tag).toBe("NonAutorise");
      expect(await audit()).toEqual([]);
    });

    it("refuses, as core's rule says, to reactivate an account that is already active on the structure", async () => {
      const r = await executerCommandeOrganisation(orm, principal, { type: "reactiverCoordonneeBancaire", structureId: E.structure, coordonneeBancaireId: E.coordonneeDesactivee }, contexte());
      expect(Either.isLeft(r) && r.left._tag).toBe("CompteDejaEnregistre");
      if (Either.isLeft(r)) expect(statutHttp(r.left)).toBe(422);
      expect((await coordonnee(E.coordonneeDesactivee)).valeur.active).toBe(false);
    });

    it("answers 'not found' for a sub-record of another structure (a guessed id), without touching it", async () => {
      const r = await executerCommandeOrganisation(orm, principal, { type: "desactiverCoordonneeBancaire", structureId: E.structure, coordonneeBancaireId: E.coordonneeAutre }, contexte());
      expect(Either.isLeft(r) && r.left._tag).toBe("CibleHorsStructure");
      if (Either.isLeft(r)) expect(statutHttp(r.left)).toBe(404);
      expect((await coordonnee(E.coordonneeAutre)).valeur.active).toBe(true);
    });

    it("lets the gestionnaire principal deactivate then reactivate bank details: versioned rows, one audit entry each", async () => {
      const avant = await coordonnee(E.coordonneeActive);
      const r = await executerCommandeOrganisation(orm, principal, { type: "desactiverCoordonneeBancaire", structureId: E.structure, coordonneeBancaireId: E.coordonneeActive }, contexte());
      expect(Either.getOrThrow(r)).toEqual({ message: "Coordonnée bancaire désactivée", evenements: ["CoordonneeBancaireDesactivee"] });
      const apres = await coordonnee(E.coordonneeActive);
      expect(apres.valeur.active).toBe(false);
      expect(apres.valeur.dateDesactivation).toEqual(new Date("2026-01-05T10:00:00Z"));
      expect(apres.version).toBe(avant.version + 1);
      // The same account may now be reactivated through the old RIB.
      expect(Either.isRight(await executerCommandeOrganisation(orm, principal, { type: "reactiverCoordonneeBancaire", structureId: E.structure, coordonneeBancaireId: E.coordonneeDesactivee }, contexte()))).toBe(true);
      expect((await coordonnee(E.coordonneeDesactivee)).valeur.active).toBe(true);
      const entrees = await audit();
      expect(entrees.map((e) => [e.type, e.auteurType, e.auteurId, e.cibleId])).toEqual([
        ["CoordonneeBancaireDesactivee", "UTILISATEUR", E.principal, E.coordonneeActive],
        ["CoordonneeBancaireReactivee", "UTILISATEUR", E.principal, E.coordonneeDesactivee],
      ]);
      expect(JSON.parse(entrees[0]?.donnees ?? "{}")).toMatchObject({ _tag: "CoordonneeBancaireDesactivee", coordonneeBancaireId: E.coordonneeActive, parId: E.principal });
    });

    it("revokes the signed mandat through the mandat machine; a second revocation is refused by the machine", async () => {
      const r = await executerCommandeOrganisation(orm, principal, { type: "revoquerMandat", structureId: E.structure, mandatId: E.mandatSigne }, contexte());
      expect(Either.getOrThrow(r).evenements).toEqual(["MandatRevoque"]);
      const m = Either.getOrThrow(await depotsOrganisation(orm).mandats.charger(E.mandatSigne)).valeur;
      expect([m.statut, m.dateRevocation]).toEqual(["REVOQUE", new Date("2026-01-05T10:00:00Z")]);
      const encore = await executerCommandeOrganisation(orm, principal, { type: "revoquerMandat", structureId: E.structure, mandatId: E.mandatSigne }, contexte());
      expect(Either.isLeft(encore) && encore.left._tag).toBe("TransitionMandatRefusee");
      const vue = Either.getOrThrow(await detailStructure(orm, E.structure, new Date("2026-01-05T11:00:00Z"), (_t, id) => id));
      expect(vue.prerequisManquants.map((p) => p.slice(0, 2))).toEqual(["02"]);
    });

    it("revokes a habilitation: the row goes, the audit stays", async () => {
      const r = await executerCommandeOrganisation(orm, principal, { type: "revoquerHabilitation", structureId: E.structure, habilitationId: E.habilitation }, contexte());
      expect(Either.getOrThrow(r).message).toBe("Habilitation révoquée");
      expect(Either.isLeft(await depotsOrganisation(orm).habilitations.charger(E.habilitation))).toBe(true);
      expect((await audit()).map((e) => e.type).at(-1)).toBe("HabilitationRevoquee");
    });
  });
});
