/**
 * Dépôt flux benchmark: a generated lot of N mémoires (100,000 by default) imported end to end —
 * streaming read, core's validation and commands (creation, sending with the certificat de dépôt),
 * numbers, audit events, writes through `DepotMemoires`, item results — against the raw insert of the
 * same rows through the same driver (node sqlite3, prepared statements, one transaction per 2,000
 * mémoires) in the same run. Prints mémoires/s for both, their ratio (target ≥ 0.25) and the peak RSS.
 * Both sides are also measured in CPU time of the process (every thread, sqlite3's included): on a
 * machine shared with other jobs the wall-clock ratio moves with their load, the CPU-time ratio does not.
 *   node --conditions=source --import tsx backoffice/bench/flux.bench.ts [--memoires 100000]
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Either } from "effect";
import sqlite3 from "sqlite3";
import { ouvrirOrm } from "../src/base/orm.js";
import { sqlDe } from "../src/base/sql.js";
import { table } from "../src/base/tables.js";
import { ecrireLotGenere } from "../src/flux/flux.generateur.js";
import { importerFlux } from "../src/flux/flux.import.js";
import { EMETTEUR_EXEMPLE, preparerEmetteur } from "../src/flux/flux.test-support.js";
import { StockagePieces } from "../src/pieces-jointes/stockage.js";

const arg = (nom: string, defaut: number): number => {
  const i = process.argv.indexOf(`--${nom}`);
  return i < 0 ? defaut : Number(process.argv[i + 1]);
};
const N = arg("memoires", 100_000);
const PAR_TRANSACTION_BRUTE = 2000;

const ouvrirBrut = (fichier: string) =>
  new Promise<sqlite3.Database>((ok, ko) => {
    const db = new sqlite3.Database(fichier, (e) => (e === null ? ok(db) : ko(e)));
  });
const exec = (db: sqlite3.Database, sql: string) => new Promise<void>((ok, ko) => db.exec(sql, (e) => (e === null ? ok() : ko(e))));
const run = (s: sqlite3.Statement, p: ReadonlyArray<unknown>) => new Promise<void>((ok, ko) => s.run(p, (e: Error | null) => (e === null ? ok() : ko(e))));
const all = <T>(db: sqlite3.Database, sql: string, p: ReadonlyArray<unknown>) => new Promise<Array<T>>((ok, ko) => db.all(sql, p, (e: Error | null, r: Array<T>) => (e === null ? ok(r) : ko(e))));
const mo = (octets: number): string => `${(octets / 1024 / 1024).toFixed(0)} Mo`;

const dossier = mkdtempSync(join(tmpdir(), "fj-bench-flux-"));
try {
  const fichierLot = join(dossier, "lot.xml");
  const jour = new Date();
  const tGeneration = performance.now();
  await ecrireLotGenere(fichierLot, { id: "BENCH-FLUX", n: N, identifiant: EMETTEUR_EXEMPLE.siret, utilisateur: EMETTEUR_EXEMPLE.email, juridiction: EMETTEUR_EXEMPLE.juridiction, jour, graine: 11 });
  const tailleLot = statSync(fichierLot).size;
  process.stderr.write(`  lot généré : ${N.toLocaleString("fr-FR")} mémoires, ${mo(tailleLot)} (${((performance.now() - tGeneration) / 1000).toFixed(0)} s)\n`);

  // --- The project: the whole import, end to end.
  const fichierProjet = join(dossier, "projet.sqlite");
  const orm = await ouvrirOrm({ dialecte: "sqlite", fichier: fichierProjet });
  await preparerEmetteur(orm);
  const rssAvant = process.memoryUsage().rss;
  const rss: Array<[number, number]> = [];
  let dernier = 0;
  let dernierNombre = -1;
  const debut = performance.now();
  const cpuProjet = process.cpuUsage();
  const issue = await importerFlux({
    orm,
    stockage: new StockagePieces(join(dossier, "pieces")),
    fichier: fichierLot,
    canal: "CLI",
    progression: (p) => {
      const maintenant = performance.now();
      if ((maintenant - dernier < 5000 && p.memoires < N) || p.memoires === dernierNombre) return;
      dernier = maintenant;
      dernierNombre = p.memoires;
      const m = process.memoryUsage();
      rss.push([p.memoires, m.rss]);
      process.stderr.write(`  ${p.memoires} mémoires (${((maintenant - debut) / 1000).toFixed(0)} s, RSS ${mo(m.rss)}, tas ${mo(m.heapUsed)})\n`);
    },
  });
  const secondesProjet = (performance.now() - debut) / 1000;
  const cpu = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1e6;
  const cpuSecondesProjet = cpu(process.cpuUsage(cpuProjet));
  const picRss = process.resourceUsage().maxRSS * 1024;
  if (Either.isLeft(issue) || issue.right.type !== "traite" || issue.right.lot.statut !== "IN_INTEGRE") throw new Error(`import inattendu : ${JSON.stringify(issue)}`);
  const nombre = Number(Object.values((await sqlDe(orm).lignes("SELECT count(*) FROM memoire WHERE numero_lot = 'BENCH-FLUX'"))[0] ?? {})[0]);
  if (nombre !== N) throw new Error(`${nombre} mémoires écrits, ${N} attendus`);
  const versionSqlite = (await sqlDe(orm).lignes<{ v: string }>("SELECT sqlite_version() AS v"))[0]?.v ?? "?";
  const tables = ["Memoire", "LignePrestation", "PieceJointe", "EvenementMemoire"].map((e) => table(orm, e));
  await orm.close(true);

  // --- The baseline: the same rows, read back from the project's database, inserted raw.
  const fichierBrut = join(dossier, "brut.sqlite");
  await (await ouvrirOrm({ dialecte: "sqlite", fichier: fichierBrut })).close(true); // same migrated schema
  const source = await ouvrirBrut(fichierProjet);
  const brut = await ouvrirBrut(fichierBrut);
  await exec(brut, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON");
  const insertions = tables.map((t) => ({ t, s: brut.prepare(`INSERT INTO ${t.nom} (${[...t.colonnes.values()].join(", ")}) VALUES (${[...t.colonnes.values()].map(() => "?").join(", ")})`) }));
  const tableau = brut.prepare(
    "INSERT INTO tableau_de_bord (structure_id, etat, nombre, montant_ttc_centimes) VALUES (?, ?, ?, ?) ON CONFLICT (structure_id, etat) DO UPDATE SET nombre = nombre + excluded.nombre, montant_ttc_centimes = montant_ttc_centimes + excluded.montant_ttc_centimes",
  );
  let secondesBrut = 0;
  let cpuSecondesBrut = 0;
  let lignesBrutes = 0;
  const ids = (await all<{ id: string }>(source, "SELECT id FROM memoire WHERE numero_lot = 'BENCH-FLUX' ORDER BY id", [])).map((r) => r.id);
  for (let i = 0; i < ids.length; i += PAR_TRANSACTION_BRUTE) {
    const [premier, dernierId] = [ids[i], ids[Math.min(ids.length, i + PAR_TRANSACTION_BRUTE) - 1]];
    const parTable = await Promise.all(
      insertions.map(async ({ t }) => {
        const colonne = t.nom === "memoire" ? "id" : "memoire_id";
        return all<Record<string, unknown>>(source, `SELECT ${[...t.colonnes.values()].join(", ")} FROM ${t.nom} WHERE ${colonne} >= ? AND ${colonne} <= ?`, [premier, dernierId]);
      }),
    );
    const delta = new Map<string, [string, string, number, number]>();
    for (const m of parTable[0] ?? []) {
      const cle = `${String(m["structure_id"])}|${String(m["etat"])}`;
      const d = delta.get(cle) ?? [String(m["structure_id"]), String(m["etat"]), 0, 0];
      d[2] += 1;
      d[3] += Number(m["montant_ttc_centimes"]);
      delta.set(cle, d);
    }
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await exec(brut, "BEGIN");
    for (const [k, { s }] of insertions.entries()) for (const ligne of parTable[k] ?? []) await run(s, Object.values(ligne));
    for (const d of delta.values()) await run(tableau, d);
    await exec(brut, "COMMIT");
    secondesBrut += (performance.now() - t0) / 1000;
    cpuSecondesBrut += cpu(process.cpuUsage(c0));
    lignesBrutes += parTable.reduce((n, l) => n + l.length, 0) + delta.size;
  }
  for (const { s } of insertions) s.finalize();
  tableau.finalize();
  await new Promise<void>((ok) => source.close(() => ok()));
  await new Promise<void>((ok) => brut.close(() => ok()));

  const [debitProjet, debitBrut] = [N / secondesProjet, N / secondesBrut];
  const rssMax = Math.max(...rss.map(([, r]) => r));
  const rssMilieu = rss.filter(([n]) => n >= N / 10).map(([, r]) => r);
  process.stdout.write(`\nDépôt flux — charge moyenne ${loadavg().map((l) => l.toFixed(1)).join(" / ")}, SQLite ${versionSqlite}, Node ${process.version}, ${cpus().length} cœurs, lot de ${mo(tailleLot)} (${N.toLocaleString("fr-FR")} mémoires, ${(lignesBrutes / N).toFixed(1)} lignes SQL chacun)\n\n`);
  process.stdout.write("| mesure | projet (import complet) | SQL brut (mêmes lignes, requêtes préparées) | ratio | cible |\n| --- | --- | --- | --- | --- |\n");
  process.stdout.write(
    `| débit | ${Math.round(debitProjet).toLocaleString("fr-FR")} mémoires/s (${secondesProjet.toFixed(0)} s) | ${Math.round(debitBrut).toLocaleString("fr-FR")} mémoires/s (${secondesBrut.toFixed(0)} s) | ${(debitProjet / debitBrut).toFixed(2)} | ≥ 0.25 |\n`,
  );
  process.stdout.write(
    `| débit en temps CPU | ${Math.round(N / cpuSecondesProjet).toLocaleString("fr-FR")} mémoires/s CPU (${cpuSecondesProjet.toFixed(0)} s) | ${Math.round(N / cpuSecondesBrut).toLocaleString("fr-FR")} mémoires/s CPU (${cpuSecondesBrut.toFixed(0)} s) | ${(cpuSecondesBrut / cpuSecondesProjet).toFixed(2)} | ≥ 0.25 |\n`,
  );
  process.stdout.write(
    `| mémoire | RSS avant ${mo(rssAvant)}, pendant ${mo(Math.min(...rssMilieu))}–${mo(Math.max(...rssMilieu))}, pic ${mo(Math.max(picRss, rssMax))} | | | plate |\n`,
  );
} finally {
  rmSync(dossier, { recursive: true, force: true });
}
