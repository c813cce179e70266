import { Either, Schema } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Orm } from "../base/orm.js";
import { sqlDe } from "../base/sql.js";
import { BASES } from "../test-support/bases.js";
import * as F from "../test-support/organisation.fixtures.js";
import { StructureStockee } from "./organisation.documents.js";
import { depotsOrganisation, type DepotsOrganisation } from "./organisation.repository.js";

describe.each(BASES)("organisation sur $dialecte", (base) => {
  describe.skipIf(!base.disponible)("dépôts", () => {
    let orm: Orm;
    let depots: DepotsOrganisation;
    let detruire: () => Promise<void>;
    beforeAll(async () => {
      const b = await base.creer();
      orm = b.orm;
      detruire = b.detruire;
      depots = depotsOrganisation(orm);
    });
    afterAll(async () => detruire());

    it("round-trips every aggregate through its Schema", async () => {
      const s = F.structureDeTest("s1");
      expect(Either.isRight(await depots.structures.enregistrer(s))).toBe(true);
      expect(Schema.encodeSync(StructureStockee)(Either.getOrThrow(await depots.structures.charger("s1")).valeur)).toEqual(Schema.encodeSync(StructureStockee)(s));
      const services = await sqlDe(orm).lignes<{ code: string }>("SELECT code FROM service WHERE structure_id = ?", ["s1"]);
      expect(services.map((x) => x.code)).toEqual(["PARIS"]);
      const c = F.coordonneeDeTest("cb1", "s1");
      await depots.coordonneesBancaires.enregistrer(c);
      expect(Either.getOrThrow(await depots.coordonneesBancaires.lister("structureId", "s1")).map((x) => x.valeur)).toEqual([c]);
      const u = F.utilisateurDeTest("u1", "elise.martin@example.fr");
      await depots.utilisateurs.enregistrer(u);
      expect(Either.getOrThrow(await depots.utilisateurs.charger("u1")).valeur).toEqual(u);
      await depots.rattachements.enregistrer(F.rattachementDeTest("s1", "u1"));
      expect(Either.getOrThrow(await depots.rattachements.lister("utilisateurId", "u1")).map((r) => r.valeur.role)).toEqual(["GESTIONNAIRE_PRINCIPAL"]);
      const h = F.habilitationDeTest("h1", "u1", "s1");
      await depots.habilitations.enregistrer(h);
      expect(Either.getOrThrow(await depots.habilitations.charger("h1")).valeur).toEqual(h);
      await depots.juridictions.enregistrerNouveaux([F.juridictionDeTest("CA-PARIS", "CA-PARIS"), F.juridictionDeTest("750", "CA-PARIS")]);
      expect(Either.getOrThrow(await depots.juridictions.duRessort("CA-PARIS")).map((j) => j.code)).toEqual(["750", "CA-PARIS"]);
      const a = F.agentDeTest("greffier-1", "750");
      await depots.agents.enregistrerNouveaux([a]);
      expect(Either.getOrThrow(await depots.agents.charger("greffier-1"))).toEqual(a);
    });

    it("versions writes: a stale version is a ConflitDeVersion", async () => {
      const s = F.structureDeTest("s2", "35600000049837");
      await depots.structures.enregistrer(s);
      expect(Either.getOrThrow(await depots.structures.enregistrer({ ...s, raisonSociale: "Nouvelle raison" }, 1))).toBe(2);
      const conflit = await depots.structures.enregistrer({ ...s, raisonSociale: "Perdue" }, 1);
      expect(Either.isLeft(conflit) && conflit.left._tag).toBe("ConflitDeVersion");
      expect(Either.getOrThrow(await depots.structures.charger("s2")).valeur.raisonSociale).toBe("Nouvelle raison");
    });

    it("lets the database refuse a second signed mandat for a structure", async () => {
      await depots.mandats.enregistrer(F.mandatDeTest("m1", "s1", "SIGNE"));
      await depots.mandats.enregistrer(F.mandatDeTest("m0", "s1", "REVOQUE"));
      await expect(depots.mandats.enregistrer(F.mandatDeTest("m2", "s1", "SIGNE"))).rejects.toThrow();
    });

    it("reports a corrupted row (an invalid SIRET written behind the code's back)", async () => {
      await depots.structures.enregistrer(F.structureDeTest("s3", "44306184100047"));
      const ligne = (await sqlDe(orm).lignes<{ donnees: string }>("SELECT donnees FROM structure WHERE id = ?", ["s3"]))[0];
      await sqlDe(orm).lignes("UPDATE structure SET donnees = ? WHERE id = ?", [ligne?.donnees.replace("44306184100047", "12345678912345") ?? "", "s3"]);
      const lu = await depots.structures.charger("s3");
      expect(Either.isLeft(lu) && lu.left._tag).toBe("DonneesCorrompues");
      if (Either.isLeft(lu) && lu.left._tag === "DonneesCorrompues") expect(lu.left.erreurs[0]?.chemin).toBe("identifiant.valeur");
    });
  });
});
