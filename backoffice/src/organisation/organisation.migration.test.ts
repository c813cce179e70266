import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Orm } from "../base/orm.js";
import { migrer } from "../base/orm.js";
import { sqlDe } from "../base/sql.js";
import { BASES } from "../test-support/bases.js";
import { EXEMPLE as E, ecrireExempleOrganisation } from "./organisation.exemple.js";

/** The data migration `organisation_ecrans_donnees` fills the new query columns of rows written before them. */
describe.each(BASES)("organisation data migration on $dialecte", (base) => {
  describe.skipIf(!base.disponible)("", () => {
    let orm: Orm;
    let detruire: () => Promise<void>;
    beforeAll(async () => {
      const b = await base.creer();
      orm = b.orm;
      detruire = b.detruire;
    });
    afterAll(async () => detruire());

    it("fills structure.categorie and utilisateur.recherche (folded as the repository folds them), and only where empty", async () => {
      await ecrireExempleOrganisation(orm);
      const sql = sqlDe(orm);
      const attendu = {
        structures: await sql.lignes("SELECT id, categorie FROM structure ORDER BY id"),
        utilisateurs: await sql.lignes("SELECT id, recherche FROM utilisateur ORDER BY id"),
      };
      expect(attendu.utilisateurs).toContainEqual({ id: E.principal, recherche: "elise coeur elise.coeur@cabinet-coeur.example" });
      // Rows as an older version wrote them: the columns did not exist.
      await sql.lignes("UPDATE structure SET categorie = NULL");
      await sql.lignes("UPDATE utilisateur SET recherche = NULL");
      await sql.lignes("UPDATE utilisateur SET recherche = 'deja rempli' WHERE id = ?", [E.simple]);
      await sql.lignes("DELETE FROM mikro_orm_migrations WHERE name LIKE '%organisation_ecrans_donnees'");
      expect((await migrer(orm)).filter((n) => n.endsWith("organisation_ecrans_donnees"))).toHaveLength(1);
      expect(await sql.lignes("SELECT id, categorie FROM structure ORDER BY id")).toEqual(attendu.structures);
      expect(await sql.lignes("SELECT id, recherche FROM utilisateur ORDER BY id")).toEqual(
        attendu.utilisateurs.map((u) => (u["id"] === E.simple ? { id: E.simple, recherche: "deja rempli" } : u)),
      );
    });
  });
});
