import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Orm } from "../base/orm.js";
import { lireInstant, sqlDe } from "../base/sql.js";
import express from "express";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import request from "supertest";
import { creerApi } from "../api/index.js";
import { StockagePieces } from "../pieces-jointes/stockage.js";
import { COMPTE_PRESTATAIRE_DEMO, semerAuPremierDemarrage } from "../seed/jeu.js";
import { BASES } from "../test-support/bases.js";
import { chargerDemo } from "./demo.js";
import { DepotAcces } from "../admin/acces/agents.js";
import { estAutorise, type Action } from "@frais-justice/core/autorisation";
import { EXECUTION_SUSPENDUE } from "../memoire/memoire.mapper.js";
import { DepotMemoires } from "../memoire/memoire.repository.js";
import { executableLe, produireCertificat, verifierCertificat } from "@frais-justice/core/memoire";
import { BigDecimal, Either } from "effect";

describe.each(BASES)("first-run demo data on $dialecte", (base) => {
  describe.skipIf(!base.disponible)("after the persistence seed", () => {
    let orm: Orm;
    let detruire: () => Promise<void>;
    // Made in beforeAll: a skipped suite (no PostgreSQL) runs this body but not its hooks.
    let dossier: string;
    let pieces: StockagePieces;
    /** The persistence seed's mémoires (written before the demo's). */
    const duJeu = new Set<string>();
    beforeAll(async () => {
      dossier = mkdtempSync(join(tmpdir(), "fj-demo-"));
      pieces = new StockagePieces(join(dossier, "pieces"));
      const b = await base.creer();
      orm = b.orm;
      detruire = b.detruire;
      await semerAuPremierDemarrage(orm, 20);
      for (const { id } of await sqlDe(orm).lignes<{ id: string }>('SELECT "id" FROM "memoire"')) duJeu.add(id);
      expect(await chargerDemo(orm, { nombre: 60, pieces })).toBe(true);
    });
    afterAll(async () => {
      await detruire();
      rmSync(dossier, { recursive: true, force: true });
    });

    it("bills every demo mémoire from a seeded prestataire of the same catégorie, with that structure's active bank details", async () => {
      const sql = sqlDe(orm);
      const orphelins = await sql.lignes<{ n: unknown }>('SELECT count(*) AS "n" FROM "memoire" m WHERE NOT EXISTS (SELECT 1 FROM "structure" s WHERE s."id" = m."structure_id")');
      expect(Number(orphelins[0]?.n)).toBe(0);
      const demo = await sql.lignes<{ id: unknown; categorie_prestataire: unknown; categorie: unknown }>(
        'SELECT m."id", m."categorie_prestataire", s."categorie" FROM "memoire" m JOIN "structure" s ON s."id" = m."structure_id" WHERE m."juridiction_code" IN (?, ?)',
        ["750", "690"],
      );
      expect(demo.length).toBeGreaterThanOrEqual(60);
      for (const m of demo) expect(m.categorie_prestataire).toBe(m.categorie);
      const sansCoordonnees = await sql.lignes<{ n: unknown }>(
        'SELECT count(*) AS "n" FROM "memoire" m WHERE m."reference_coordonnees_bancaires" IS NULL OR NOT EXISTS (SELECT 1 FROM "coordonnee_bancaire" c WHERE c."id" = m."reference_coordonnees_bancaires" AND c."structure_id" = m."structure_id" AND c."active" = ?)',
        [true],
      );
      expect(Number(sansCoordonnees[0]?.n)).toBe(0);
    });

    it("dates every step of a demo mémoire before the start: no deposit, decision or payment in the future", async () => {
      const maintenant = Date.now();
      const sql = sqlDe(orm);
      const evenements = (await sql.lignes<{ memoireId: string; le: unknown }>('SELECT "memoire_id" AS "memoireId", "le" AS "le" FROM "evenement_memoire"')).filter((e) => !duJeu.has(e.memoireId));
      expect(evenements.length).toBeGreaterThan(60);
      expect(evenements.filter((e) => lireInstant(e.le).getTime() > maintenant)).toEqual([]);
      const memoires = (await sql.lignes<{ id: string; envoyeLe: unknown; etatLe: unknown }>('SELECT "id", "envoye_le" AS "envoyeLe", "etat_le" AS "etatLe" FROM "memoire"')).filter((m) => !duJeu.has(m.id));
      const futurs = memoires.filter((m) => [m.envoyeLe, m.etatLe].some((v) => v !== null && lireInstant(v).getTime() > maintenant));
      expect(futurs).toEqual([]);
    });

    it("gives every sent demo mémoire a certificat de dépôt that core verifies (its juridiction included)", async () => {
      const depot = new DepotMemoires(orm);
      const envoyes = await sqlDe(orm).lignes<{ id: string; numero: string }>(
        'SELECT "id", "numero" FROM "memoire" WHERE "envoye_le" IS NOT NULL AND "juridiction_code" IN (?, ?)',
        ["750", "690"],
      );
      expect(envoyes.length).toBeGreaterThanOrEqual(60);
      for (const { id, numero } of envoyes) {
        const m = Either.getOrThrow(await depot.charger(id));
        const certificat = produireCertificat(m, { dateDepot: m.envoyeLe ?? new Date(0), prestataire: { identifiant: m.enTete.structureId, raisonSociale: m.enTete.structureId } });
        expect(Either.isRight(verifierCertificat(m, { ...certificat, empreinte: m.empreinteDepot ?? "" })), numero).toBe(true);
      }
    });

    it("sends each demo mémoire with the réquisition of its first line (a PDF in the attachment store), but the ones refused for a missing attachment", async () => {
      const depot = new DepotMemoires(orm);
      const demo = (await sqlDe(orm).lignes<{ id: string }>('SELECT "id" FROM "memoire"')).filter(({ id }) => !duJeu.has(id));
      expect(demo).toHaveLength(60);
      let avec = 0;
      let refusesSans = 0;
      for (const { id } of demo) {
        const m = Either.getOrThrow(await depot.charger(id));
        if (m.refus?.motif === "PIECE_JOINTE_MANQUANTE") {
          expect(m.piecesJointes).toEqual([]);
          refusesSans += 1;
          continue;
        }
        const [piece, ...autres] = m.piecesJointes;
        expect(autres).toEqual([]);
        const premiere = m.lignes[0];
        expect(piece?.type).toBe("REQUISITION");
        expect(piece?.ligneId).toBe(premiere?.id);
        expect(piece?.designation).toContain(premiere?.numeroAffaire ?? "?");
        expect(piece?.typeContenu).toBe("application/pdf");
        const octets = Either.getOrThrow(await pieces.lire(piece?.empreinte ?? ""));
        expect(Buffer.from(octets.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
        expect(octets.byteLength).toBe(piece?.taille);
        avec += 1;
      }
      expect(avec).toBeGreaterThan(30);
      expect(refusesSans).toBeGreaterThan(0);
    });

    it("has every court-side step of its histories (seed and demo) signed by an agent core allows to run it on that mémoire", async () => {
      const sql = sqlDe(orm);
      const agents = await new DepotAcces(orm).lister();
      const evenements = await sql.lignes<{ commande: string; auteur: string; juridiction: string; courAppel: string; structureId: string }>(
        'SELECT e."commande" AS "commande", e."auteur_id" AS "auteur", m."juridiction_code" AS "juridiction", m."cour_appel" AS "courAppel", m."structure_id" AS "structureId" FROM "evenement_memoire" e JOIN "memoire" m ON m."id" = e."memoire_id" WHERE e."auteur_type" = ? AND m."juridiction_code" IN (?, ?)',
        ["AGENT", "750", "690"],
      );
      expect(evenements.length).toBeGreaterThan(100);
      expect(new Set(evenements.map((e) => e.auteur))).toContain("demo-comptable-paris");
      const commandes = new Set<string>();
      for (const e of evenements) {
        const agent = agents.find((a) => a.id === e.auteur);
        expect(agent, `${e.commande} signé par ${e.auteur}`).toBeDefined();
        if (agent === undefined) continue;
        const cible = { _tag: "Memoire" as const, structureId: e.structureId, juridiction: { code: e.juridiction, courAppel: e.courAppel } };
        expect(estAutorise({ _tag: "Agent", ...agent }, e.commande as Action, cible), `${e.commande} sur ${e.juridiction} par ${agent.id}`).toBe(true);
        commandes.add(e.commande);
      }
      expect([...commandes].sort()).toEqual(
        [
          "memoire.certifier",
          "memoire.constater-notification-taxe",
          "memoire.constater-recours-taxe",
          "memoire.envoyer-en-taxation",
          "memoire.mettre-en-paiement",
          "memoire.prendre-en-charge",
          "memoire.refuser",
          "memoire.taxer",
          "memoire.valider-paiement",
        ].sort(),
      );
      // The demo's Lyon mémoires (Lyon has a demo greffier only) stop where that greffier can bring them.
      const lyon = await sql.lignes<{ etat: string }>(
        'SELECT DISTINCT m."etat" AS "etat" FROM "memoire" m WHERE m."juridiction_code" = ? AND EXISTS (SELECT 1 FROM "evenement_memoire" e WHERE e."memoire_id" = m."id" AND e."auteur_id" = ?)',
        ["690", "demo-greffier-lyon"],
      );
      expect(lyon.length).toBeGreaterThan(0);
      for (const { etat } of lyon) expect(["MIS_A_DISPOSITION", "A_TAXER", "CERTIFIE", "REFUSE"]).toContain(etat);
    });

    it("has taxed mémoires below their request (« montant modifié »), by core's taxation of their magistrat", async () => {
      const depot = new DepotMemoires(orm);
      const taxes = await sqlDe(orm).lignes<{ id: string; modifie: unknown }>('SELECT "id", "montant_modifie" AS "modifie" FROM "memoire" WHERE "etat" = ? AND "juridiction_code" = ?', ["TAXE", "750"]);
      const reduits = taxes.filter((t) => t.modifie === true || t.modifie === 1);
      expect(reduits.length).toBeGreaterThan(0);
      expect(reduits.length).toBeLessThan(taxes.length);
      for (const { id } of reduits) {
        const m = Either.getOrThrow(await depot.charger(id));
        expect(m.taxation?.magistratId).toBe("demo-magistrat-paris");
        expect(BigDecimal.lessThan(m.montants.montantTtc, m.montantsDemandes?.montantTtc ?? BigDecimal.make(0n, 0))).toBe(true);
      }
    });

    it("has the greffe's side of two of them: one ordonnance notified, one appealed by the prestataire and waiting for the chambre (CPP R228-1)", async () => {
      const depot = new DepotMemoires(orm);
      const taxes = await sqlDe(orm).lignes<{ id: string; jour: string | null }>(
        'SELECT "id", "taxe_executable_le" AS "jour" FROM "memoire" WHERE "etat" = ? AND "juridiction_code" = ? AND "montant_modifie" = ?',
        ["TAXE", "750", base.dialecte === "sqlite" ? 1 : true],
      );
      const charges = await Promise.all(taxes.map(async (t) => ({ ...t, m: Either.getOrThrow(await depot.charger(t.id)) })));
      const notifiees = charges.filter((c) => c.m.taxation?.notifieeLe !== undefined);
      expect(notifiees).toHaveLength(2);
      const [enRecours, ...autres] = notifiees.filter((c) => c.m.taxation?.recours !== undefined);
      expect(autres).toEqual([]);
      expect(enRecours?.m.taxation?.recours).toMatchObject({ par: "PARTIE_PRENANTE", formeLe: enRecours?.m.taxation?.notifieeLe });
      expect(enRecours?.jour).toBe(EXECUTION_SUSPENDUE);
      // The other one's day of execution is the day after its delay; the rest wait for their notification.
      const seule = notifiees.find((c) => c.m.taxation?.recours === undefined);
      expect(seule?.jour).toBe(executableLe(seule?.m.taxation?.notifieeLe ?? "2000-01-01").toString());
      expect(charges.filter((c) => c.m.taxation?.notifieeLe === undefined).every((c) => c.jour === null)).toBe(true);
    });

    it("writes, for each of its own taxations that changed the amount, the e-mails to the prestataire (waiting: no SMTP); none for the seed's", async () => {
      const taxes = await sqlDe(orm).lignes<{ id: string; numero: string }>(
        'SELECT "id", "numero" FROM "memoire" WHERE "taxation" IS NOT NULL AND "montant_modifie" = ?',
        [base.dialecte === "sqlite" ? 1 : true],
      );
      const avis = await sqlDe(orm).lignes<{ memoireId: string; numero: string; statut: string; sujet: string }>(
        'SELECT "memoire_id" AS "memoireId", "numero", "statut", "sujet" FROM "notification_memoire"',
      );
      const demo = taxes.filter((t) => !duJeu.has(t.id));
      expect(demo.length).toBeGreaterThan(0);
      // Every demo structure has an active gestionnaire principal: each such taxation has its e-mail.
      for (const t of demo) expect(avis.filter((a) => a.memoireId === t.id).length, t.numero).toBeGreaterThan(0);
      expect(avis.every((a) => a.statut === "EN_ATTENTE" && a.sujet.startsWith(`Ordonnance de taxe - mémoire ${a.numero}`))).toBe(true);
      expect(avis.filter((a) => duJeu.has(a.memoireId))).toEqual([]);
    });

    it("has a documented prestataire account that gets an API token and sees its own structure only", async () => {
      const app = express();
      app.use("/api/v1", creerApi({ orm, stockage: new StockagePieces(join(dossier, "pieces-api")) }).routeur);
      const connexion = await request(app).post("/api/v1/jetons").send({ email: COMPTE_PRESTATAIRE_DEMO.email, motDePasse: COMPTE_PRESTATAIRE_DEMO.motDePasse, libelle: "démonstration" });
      expect(connexion.status).toBe(201);
      const jeton = (connexion.body as { jeton: string }).jeton;
      const structures = await request(app).get("/api/v1/structures").set("Authorization", `Bearer ${jeton}`);
      expect(structures.status).toBe(200);
      expect(JSON.stringify(structures.body)).toContain("structure-00001");
      expect(JSON.stringify(structures.body)).not.toContain("structure-00002");
      const mauvais = await request(app).post("/api/v1/jetons").send({ email: COMPTE_PRESTATAIRE_DEMO.email, motDePasse: "Pas-le-bon-2026!", libelle: "x" });
      expect(mauvais.status).toBe(401);
    });

    it("does nothing on a second start", async () => {
      expect(await chargerDemo(orm, { nombre: 60 })).toBe(false);
    });
  });
});
