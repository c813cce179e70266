import { isIdentifiantValide } from "@frais-justice/core/structure";
import { Either } from "effect";
import { describe, expect, it } from "vitest";
import { sqlDe } from "../base/sql.js";
import { DepotMemoires } from "../memoire/memoire.repository.js";
import { depotsOrganisation } from "../organisation/organisation.repository.js";
import { BASES } from "../test-support/bases.js";
import { hasard } from "./hasard.js";
import { identifiantParticulier, nombreMemoires, semerAuPremierDemarrage, siretAleatoire } from "./jeu.js";

describe("identifiers of the dataset", () => {
  it("are valid for core's validators", () => {
    const h = hasard(3);
    for (let i = 0; i < 500; i += 1) {
      expect(isIdentifiantValide("SIRET", siretAleatoire(h))).toBe(true);
      expect(isIdentifiantValide("PARTICULIER", identifiantParticulier(h))).toBe(true);
    }
  });
});

describe.each(BASES)("jeu de démonstration sur $dialecte", (base) => {
  describe.skipIf(!base.disponible)("premier démarrage", () => {
    it("seeds once, reproducibly, with every state and consistent histories", async () => {
      const b = await base.creer();
      try {
        const bilan = await semerAuPremierDemarrage(b.orm, 300);
        expect(bilan?.memoires).toBe(300);
        expect(await semerAuPremierDemarrage(b.orm, 300)).toBeUndefined();
        expect(await nombreMemoires(b.orm)).toBe(300);
        const sql = sqlDe(b.orm);
        const etats = await sql.lignes<{ etat: string }>("SELECT DISTINCT etat FROM memoire");
        expect(etats.length).toBeGreaterThanOrEqual(10);
        const incoherents = await sql.lignes("SELECT id FROM memoire m WHERE nombre_evenements <> (SELECT count(*) FROM evenement_memoire e WHERE e.memoire_id = m.id) OR version <> nombre_evenements");
        expect(incoherents).toEqual([]);
        const [premiere] = await sql.lignes<{ id: string; numero: string }>("SELECT id, numero FROM memoire ORDER BY numero LIMIT 1");
        const depot = new DepotMemoires(b.orm);
        const memoire = Either.getOrThrow(await depot.charger(premiere?.id ?? ""));
        const historique = Either.getOrThrow(await depot.historique(memoire.id));
        expect(historique.at(-1)?.vers).toBe(memoire.etat);
        expect(historique[0]?.commande).toBe("memoire.creer");
        const structures = Either.getOrThrow(await depotsOrganisation(b.orm).structures.lister("statut", "ACTIF"));
        expect(structures.length).toBeGreaterThanOrEqual(12);
        // Numbers continue after the dataset's.
        const suivant = await sql.transaction(async (tx) => (await import("../base/sequences.js")).prochaineValeur(tx, "memoire_mj"));
        expect(suivant).toBe(301);
      } finally {
        await b.detruire();
      }
    });
  });
});
