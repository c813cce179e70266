import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Either } from "effect";
import { describe, expect, it } from "vitest";
import { ouvrirOrm, type Orm } from "../base/orm.js";
import { prochaineValeur } from "../base/sequences.js";
import { sqlDe } from "../base/sql.js";
import { BASES } from "../test-support/bases.js";
import { certifierPourTest, memoiresDeTest } from "../test-support/jeu.js";
import { DepotMemoires } from "./memoire.repository.js";

const ECRIVAIN = fileURLToPath(new URL("../test-support/ecrivain.ts", import.meta.url));

/** Checks the invariants a crash must not break; returns the number of mémoires. */
const verifierCoherence = async (orm: Orm): Promise<number> => {
  const sql = sqlDe(orm);
  const un = async (requete: string) => Number(Object.values((await sql.lignes(requete))[0] ?? {})[0]);
  expect(await un("SELECT count(*) FROM ligne_prestation l LEFT JOIN memoire m ON m.id = l.memoire_id WHERE m.id IS NULL")).toBe(0);
  expect(await un("SELECT count(*) FROM evenement_memoire e LEFT JOIN memoire m ON m.id = e.memoire_id WHERE m.id IS NULL")).toBe(0);
  // No partial mémoire: every mémoire has its lines (their HT amounts add up to its total).
  const memoires = await sql.lignes<{ id: string; montant_ht: string; n: number | string; nb: number | string; max: number | string | null; somme: number | string | null }>(
    `SELECT m.id, m.montant_ht, m.nombre_evenements AS nb,
       (SELECT count(*) FROM evenement_memoire e WHERE e.memoire_id = m.id) AS n,
       (SELECT max(rang) FROM evenement_memoire e WHERE e.memoire_id = m.id) AS max,
       (SELECT sum(CAST(replace(l.montant_ht, '.', '') AS INTEGER)) FROM ligne_prestation l WHERE l.memoire_id = m.id) AS somme
     FROM memoire m`,
  );
  for (const m of memoires) {
    expect(Number(m.n), `événements de ${m.id}`).toBe(Number(m.nb)); // no gap, no extra event
    expect(Number(m.max)).toBe(Number(m.nb));
    expect(Number(m.somme), `lignes de ${m.id}`).toBe(Number(m.montant_ht.replace(".", "")));
  }
  expect(await un("SELECT count(DISTINCT numero) FROM memoire")).toBe(memoires.length);
  const depot = new DepotMemoires(orm);
  for (const m of memoires.slice(0, 200)) expect(Either.isRight(await depot.charger(m.id))).toBe(true);
  return memoires.length;
};

describe.each(BASES)("fiabilité sur $dialecte", (base) => {
  describe.skipIf(!base.disponible)("écritures concurrentes et arrêts brutaux", () => {
    it("50 concurrent certifications: exactly one wins, the others get ConflitDeVersion, one audit event", async () => {
      const b = await base.creer();
      // PostgreSQL: 20 real connections of one pool. SQLite: 5 ORMs = 5 connections to the same file.
      const autres = base.dialecte === "sqlite" ? await Promise.all(Array.from({ length: 4 }, () => ouvrirOrm(b.config, { migrer: false }))) : [];
      try {
        const depots = [b.orm, ...autres].map((o) => new DepotMemoires(o));
        const depot = (i: number): DepotMemoires => depots[i % depots.length] ?? new DepotMemoires(b.orm);
        const [r] = memoiresDeTest(21, 1, 1, "MIS_A_DISPOSITION");
        if (r === undefined) throw new Error("générateur vide");
        await depot(0).enregistrerNouveaux([r]);
        const v = r.memoire.version;
        const resultats = await Promise.all(
          Array.from({ length: 50 }, (_, i) => depot(i).executer(r.memoire.id, v, certifierPourTest(`agent-${i}`, new Date(Date.UTC(2026, 0, 1, 0, i))))),
        );
        const gagnants = resultats.filter(Either.isRight);
        const conflits = resultats.filter((x) => Either.isLeft(x) && x.left._tag === "ConflitDeVersion");
        expect(gagnants.length).toBe(1);
        expect(conflits.length).toBe(49);
        const historique = Either.getOrThrow(await new DepotMemoires(b.orm).historique(r.memoire.id));
        expect(historique.filter((e) => e.commande === "memoire.certifier").length).toBe(1);
        expect(Either.getOrThrow(await new DepotMemoires(b.orm).charger(r.memoire.id)).version).toBe(v + 1);
      } finally {
        await Promise.all(autres.map((o) => o.close(true)));
        await b.detruire();
      }
    });

    it("draws unique MJ numbers under concurrent transactions", async () => {
      const b = await base.creer();
      try {
        const sql = sqlDe(b.orm);
        const valeurs = await Promise.all(Array.from({ length: 200 }, () => sql.transaction((tx) => prochaineValeur(tx, "memoire_mj"))));
        expect(new Set(valeurs).size).toBe(200);
        const tmp = await Promise.all(Array.from({ length: 50 }, () => sql.transaction((tx) => prochaineValeur(tx, "memoire_tmp_2031"))));
        expect([...tmp].sort((a, c) => a - c)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      } finally {
        await b.detruire();
      }
    });

    it("survives a SIGKILL in the middle of a batch: no partial mémoire, no orphan, no gap, unique numbers", async () => {
      const b = await base.creer();
      try {
        const enfant = spawn(process.execPath, ["--conditions=source", "--import", "tsx", ECRIVAIN, JSON.stringify(b.config), "5"], { stdio: ["ignore", "pipe", "pipe"] });
        let erreurs = "";
        enfant.stderr.on("data", (d: Buffer) => (erreurs += d.toString()));
        await new Promise<void>((resolve, reject) => {
          let sortie = "";
          enfant.stdout.on("data", (d: Buffer) => {
            sortie += d.toString();
            // Let a few batches commit, then kill it while the next one is being written.
            if (/lot 4\n/.test(sortie)) setTimeout(() => resolve(), 15);
          });
          enfant.on("exit", (code) => reject(new Error(`l'écrivain s'est arrêté seul (${code}) : ${erreurs}`)));
        });
        enfant.kill("SIGKILL");
        await new Promise((r) => enfant.once("exit", r));
        await b.orm.close(true);
        const rouvert = await ouvrirOrm(b.config);
        try {
          const n = await verifierCoherence(rouvert);
          expect(n).toBeGreaterThanOrEqual(200);
          expect(n % 50).toBe(0); // whole batches only
          // Writing goes on after the restart with fresh numbers.
          await new DepotMemoires(rouvert).creerLot(10, (numeros) => memoiresDeTest(99, numeros.length, 1).map((r, i) => ({ ...r, memoire: { ...r.memoire, numero: `MJ${String(numeros[i]).padStart(10, "0")}` as typeof r.memoire.numero, numeroProvisoire: `TMP2099${String(numeros[i]).padStart(8, "0")}` as typeof r.memoire.numeroProvisoire } })));
          expect(await verifierCoherence(rouvert)).toBe(n + 10);
        } finally {
          await rouvert.close(true);
        }
      } finally {
        await b.detruire().catch(() => undefined);
      }
    });
  });
});
