import { Memoire } from "@frais-justice/core/memoire";
import { Either, Schema } from "effect";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqlDe } from "../base/sql.js";
import { BASES } from "../test-support/bases.js";
import { certifierPourTest, memoiresDeTest } from "../test-support/jeu.js";
import type { Orm } from "../base/orm.js";
import { DepotMemoires } from "./memoire.repository.js";

const encoder = Schema.encodeSync(Memoire);
const equivalent = Schema.equivalence(Memoire);

describe.each(BASES)("mémoires sur $dialecte", (base) => {
  describe.skipIf(!base.disponible)("dépôt", () => {
    let orm: Orm;
    let depot: DepotMemoires;
    let detruire: () => Promise<void>;
    beforeAll(async () => {
      const b = await base.creer();
      orm = b.orm;
      detruire = b.detruire;
      depot = new DepotMemoires(orm);
    });
    afterAll(async () => detruire());

    it("applies the migrations (and WAL on SQLite)", async () => {
      const sql = sqlDe(orm);
      const tables = await sql.lignes<{ n: number | string }>(
        base.dialecte === "sqlite"
          ? "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('memoire', 'ligne_prestation', 'piece_jointe', 'evenement_memoire', 'tableau_de_bord', 'compteur')"
          : "SELECT count(*) AS n FROM information_schema.tables WHERE table_name IN ('memoire', 'ligne_prestation', 'piece_jointe', 'evenement_memoire', 'tableau_de_bord', 'compteur')",
      );
      expect(Number(tables[0]?.n)).toBe(6);
      if (base.dialecte === "sqlite") {
        const [mode] = await sql.lignes<{ journal_mode: string }>("PRAGMA journal_mode");
        expect(mode?.journal_mode).toBe("wal");
        const [sync] = await sql.lignes<{ synchronous: number }>("PRAGMA synchronous");
        expect(sync?.synchronous).toBe(1);
      }
    });

    it("round-trips any generated aggregate exactly (property)", async () => {
      let numero = 1;
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (graine) => {
          // The counter keeps ids and numbers fresh when fast-check replays or shrinks a seed.
          const [r] = memoiresDeTest((graine + numero * 7919) >>> 0, 1, numero);
          numero += 1;
          if (r === undefined) throw new Error("générateur vide");
          await depot.enregistrerNouveaux([r]);
          const charge = await depot.charger(r.memoire.id);
          expect(Either.isRight(charge)).toBe(true);
          if (Either.isRight(charge)) {
            expect(encoder(charge.right)).toEqual(encoder(r.memoire));
            expect(equivalent(charge.right, r.memoire)).toBe(true);
          }
          const historique = await depot.historique(r.memoire.id);
          expect(Either.getOrThrow(historique).map((e) => e.commande)).toEqual(r.evenements.map((e) => e.commande));
        }),
        { numRuns: 25 },
      );
    });

    it("certifies in one transaction: state, version, audit event, counters", async () => {
      const [r] = memoiresDeTest(11, 1, 10_000, "MIS_A_DISPOSITION");
      if (r === undefined) throw new Error("générateur vide");
      await depot.enregistrerNouveaux([r]);
      const v = r.memoire.version;
      const resultat = await depot.executer(r.memoire.id, v, certifierPourTest("agent-x", new Date("2026-01-05T10:00:00Z")));
      expect(Either.isRight(resultat)).toBe(true);
      const charge = Either.getOrThrow(await depot.charger(r.memoire.id));
      expect(charge.etat).toBe("CERTIFIE");
      expect(charge.version).toBe(v + 1);
      const historique = Either.getOrThrow(await depot.historique(r.memoire.id));
      expect(historique.length).toBe(r.evenements.length + 1);
      expect(historique.at(-1)?.commande).toBe("memoire.certifier");
      // Again with the old version: a typed conflict, nothing written.
      const conflit = await depot.executer(r.memoire.id, v, certifierPourTest("agent-y", new Date("2026-01-05T11:00:00Z")));
      expect(Either.isLeft(conflit) && conflit.left._tag).toBe("ConflitDeVersion");
      // With the right version, the command's own refusal rolls back too.
      const refus = await depot.executer(r.memoire.id, v + 1, certifierPourTest("agent-y", new Date("2026-01-05T11:00:00Z")));
      expect(Either.isLeft(refus) && refus.left._tag).toBe("RefusDeTest");
      expect(Either.getOrThrow(await depot.historique(r.memoire.id)).length).toBe(r.evenements.length + 1);
    });

    it("writes only what a command changed: untouched child rows stay, replaced ones are rewritten, the load equals the command's output", async () => {
      // The identity of a stored row version: SQLite's rowid changes when a row is deleted and inserted again, PostgreSQL's xmin when it is written at all.
      const identites = async (table: string, id: string) =>
        (await sqlDe(orm).lignes<{ i: unknown }>(`SELECT ${base.dialecte === "sqlite" ? "rowid" : "xmin::text"} AS i FROM ${table} WHERE memoire_id = ? ORDER BY id`, [id])).map((x) => String(x.i));
      const r = Array.from({ length: 40 }, (_, i) => memoiresDeTest(300 + i, 1, 30_000 + i, "MIS_A_DISPOSITION")[0]).find((x) => x !== undefined && x.memoire.lignes.length >= 2);
      if (r === undefined) throw new Error("aucun mémoire de deux lignes");
      await depot.enregistrerNouveaux([r]);
      const [lignesAvant, piecesAvant] = [await identites("ligne_prestation", r.memoire.id), await identites("piece_jointe", r.memoire.id)];
      const certifie = Either.getOrThrow(await depot.executer(r.memoire.id, r.memoire.version, certifierPourTest("agent-x", new Date("2026-02-01T10:00:00Z"))));
      expect(await identites("ligne_prestation", r.memoire.id)).toEqual(lignesAvant);
      expect(await identites("piece_jointe", r.memoire.id)).toEqual(piecesAvant);
      expect(encoder(Either.getOrThrow(await depot.charger(r.memoire.id)))).toEqual(encoder(certifie.memoire));
      // A command that replaces the lines (here: the same lines in reverse order) has them rewritten.
      const inverse = Either.getOrThrow(
        await depot.executer(r.memoire.id, certifie.memoire.version, (m) =>
          Either.right({
            memoire: { ...m, lignes: [...m.lignes].reverse(), montants: { ...m.montants, lignes: [...m.montants.lignes].reverse() }, version: m.version + 1 },
            evenements: [],
          }),
        ),
      );
      expect(await identites("ligne_prestation", r.memoire.id)).not.toEqual(lignesAvant);
      const recharge = Either.getOrThrow(await depot.charger(r.memoire.id));
      expect(recharge.lignes.map((l) => l.id)).toEqual([...r.memoire.lignes].reverse().map((l) => l.id));
      expect(encoder(recharge)).toEqual(encoder(inverse.memoire));
    });

    it("a command racing another on the same version: one wins, the other gets ConflitDeVersion and leaves nothing", async () => {
      const [r] = memoiresDeTest(13, 1, 40_000, "MIS_A_DISPOSITION");
      if (r === undefined) throw new Error("générateur vide");
      await depot.enregistrerNouveaux([r]);
      const resultats = await Promise.all(
        Array.from({ length: 8 }, (_, i) => depot.executer(r.memoire.id, r.memoire.version, certifierPourTest(`agent-${i}`, new Date(Date.UTC(2026, 1, 2, 10, i)), 100 + i))),
      );
      expect(resultats.filter(Either.isRight).length).toBe(1);
      expect(resultats.filter((x) => Either.isLeft(x) && x.left._tag === "ConflitDeVersion").length).toBe(7);
      const gagnant = resultats.find(Either.isRight);
      const charge = Either.getOrThrow(await depot.charger(r.memoire.id));
      expect(charge.version).toBe(r.memoire.version + 1);
      expect(charge.agentEnCharge).toBe(gagnant?.right.memoire.agentEnCharge);
      expect(Either.getOrThrow(await depot.historique(r.memoire.id)).length).toBe(r.evenements.length + 1);
    });

    it("keeps the tableau de bord counters equal to a recount", async () => {
      const sql = sqlDe(orm);
      const recompte = await sql.lignes<{ s: string; e: string; n: number | string; c: number | string }>(
        "SELECT structure_id AS s, etat AS e, count(*) AS n, sum(montant_ttc_centimes) AS c FROM memoire GROUP BY structure_id, etat ORDER BY structure_id, etat",
      );
      const compteurs = await sql.lignes<{ s: string; e: string; n: number | string; c: number | string }>(
        "SELECT structure_id AS s, etat AS e, nombre AS n, montant_ttc_centimes AS c FROM tableau_de_bord WHERE nombre <> 0 ORDER BY structure_id, etat",
      );
      const norm = (xs: typeof recompte) => xs.map((x) => [x.s, x.e, Number(x.n), Number(x.c)]);
      expect(norm(compteurs)).toEqual(norm(recompte));
      expect(recompte.length).toBeGreaterThan(3);
      // The national counters too (one row per état), after the certification above moved one mémoire.
      const recompteNational = await sql.lignes<{ s: string; e: string; n: number | string; c: number | string }>(
        "SELECT '' AS s, etat AS e, count(*) AS n, sum(montant_ttc_centimes) AS c FROM memoire GROUP BY etat ORDER BY etat",
      );
      const national = await sql.lignes<{ s: string; e: string; n: number | string; c: number | string }>(
        "SELECT '' AS s, etat AS e, nombre AS n, montant_ttc_centimes AS c FROM tableau_de_bord_national WHERE nombre <> 0 ORDER BY etat",
      );
      expect(norm(national)).toEqual(norm(recompteNational));
      expect(national.some((x) => x.e === "CERTIFIE")).toBe(true);
    });

    it("reports a corrupted row as DonneesCorrompues naming the field", async () => {
      const [r] = memoiresDeTest(12, 1, 20_000, "BROUILLON");
      if (r === undefined) throw new Error("générateur vide");
      await depot.enregistrerNouveaux([r]);
      await sqlDe(orm).lignes("UPDATE ligne_prestation SET taux_tva = ? WHERE memoire_id = ?", ["7.77", r.memoire.id]);
      const charge = await depot.charger(r.memoire.id);
      expect(Either.isLeft(charge) && charge.left._tag).toBe("DonneesCorrompues");
      if (Either.isLeft(charge) && charge.left._tag === "DonneesCorrompues") expect(charge.left.erreurs.map((e) => e.chemin).join(" ")).toContain("tauxTva");
    });
  });
});
