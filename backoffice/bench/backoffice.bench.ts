/**
 * Back-office benchmark: latency of the mémoires list page and show page (HTTP, signed in, through
 * AdminJS, the scoped resource and core) over a large dataset, with the raw SQL of the same queries
 * (sqlite3 prepared statements on the same file) as baseline in the same run.
 *   node --conditions=source --import tsx backoffice/bench/backoffice.bench.ts [--memoires 1000000] [--requetes 200]
 * Target: list p95 ≤ 3 × raw and ≤ 300 ms.
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sqlite3 from "sqlite3";
import { ouvrirOrm } from "../src/base/orm.js";
import { sqlDe } from "../src/base/sql.js";
import { table } from "../src/base/tables.js";
import { ecrireJeu } from "../src/seed/jeu.js";
import { hasard } from "../src/seed/hasard.js";
import { clonerMemoire, genererMemoire } from "../src/seed/memoires.generateur.js";
import { DepotMemoires } from "../src/memoire/memoire.repository.js";
import { creerApplication } from "../src/serveur/application.js";
import { AGENTS_DEMO, chargerDemo } from "../src/serveur/demo.js";
import { acteurDe, agentConnecte, juridictionsPermises, DepotAcces } from "../src/admin/acces/agents.js";
import { clauseWhere, requeteListe } from "../src/admin/memoires/memoires.requete.js";
import { criteresDepuisFiltre } from "../src/admin/memoires/memoires.ressource.js";

const arg = (nom: string, defaut: number): number => {
  const i = process.argv.indexOf(`--${nom}`);
  return i < 0 ? defaut : Number(process.argv[i + 1]);
};
const N = arg("memoires", 1_000_000);
const REQUETES = arg("requetes", 200);

const quantile = (xs: ReadonlyArray<number>, q: number): number => {
  const t = [...xs].sort((a, b) => a - b);
  return t[Math.min(t.length - 1, Math.floor(q * t.length))] ?? Number.NaN;
};
const mesurer = async (n: number, f: (i: number) => Promise<unknown>): Promise<{ p50: number; p95: number }> => {
  for (let i = 0; i < Math.min(10, n); i += 1) await f(i); // warm-up
  const durees: Array<number> = [];
  for (let i = 0; i < n; i += 1) {
    const t = performance.now();
    await f(i);
    durees.push(performance.now() - t);
  }
  return { p50: quantile(durees, 0.5), p95: quantile(durees, 0.95) };
};

const dossier = mkdtempSync(join(tmpdir(), "fj-bench-bo-"));
const fichier = join(dossier, "bo.sqlite");
try {
  process.env["ADMIN_JS_SKIP_BUNDLE"] = "true";
  const orm = await ouvrirOrm({ dialecte: "sqlite", fichier });
  let t = performance.now();
  // The organisation from the persistence seed, then the mémoires by its fast path (templates cloned
  // onto structures, multi-row INSERTs by batches of 2,000), numbered after the seed's.
  const bilan = await ecrireJeu(orm, { memoires: 1000 });
  await chargerDemo(orm, { nombre: 0 });
  const h = hasard(11);
  const structures = (await sqlDe(orm).lignes<{ id: string }>("SELECT id FROM structure")).map((l) => l.id);
  const parametres = { structures: structures.map((id) => ({ id, categorie: "INTERPRETE_TRADUCTEUR" })), agents: ["demo-greffier-paris"], utilisateurs: ["u-1"] };
  const modeles = Array.from({ length: 2000 }, (_, i) => genererMemoire(h, { ...parametres, numero: 5_000_000 + i }));
  const depot = new DepotMemoires(orm);
  // Secondary indexes of the mémoire table are dropped during the load and rebuilt after (as the seed does).
  const tMemoire = table(orm, "Memoire");
  const index = orm
    .getMetadata()
    .get("Memoire")
    .indexes.map((i) => ({ nom: String(i.name), colonnes: (Array.isArray(i.properties) ? i.properties : [i.properties]).map((p) => tMemoire.colonne(String(p))) }));
  for (const i of index) await sqlDe(orm).lignes(`DROP INDEX IF EXISTS ${i.nom}`);
  for (let fait = bilan.memoires; fait < N; fait += 2000) {
    const n = Math.min(2000, N - fait);
    await depot.enregistrerNouveaux(Array.from({ length: n }, (_, i) => clonerMemoire(h, h.choisir(modeles), 10_000 + fait + i, h.choisir(structures))));
    if (fait % 100_000 < 2000) process.stderr.write(`  ${fait} mémoires écrits (${((performance.now() - t) / 1000).toFixed(0)} s)\n`);
  }
  for (const i of index) await sqlDe(orm).lignes(`CREATE INDEX ${i.nom} ON memoire (${i.colonnes.join(", ")})`);
  await sqlDe(orm).lignes("ANALYZE");
  process.stderr.write(`jeu : ${N} mémoires en ${((performance.now() - t) / 1000).toFixed(1)} s\n`);

  const { app } = await creerApplication({ orm, secret: "bench" });
  const serveur = app.listen(0);
  await new Promise((ok) => serveur.once("listening", ok));
  const base = `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`;
  const compte = AGENTS_DEMO.find((a) => a.id === "demo-greffier-paris");
  if (compte === undefined) throw new Error("compte de démonstration absent");
  const formulaire = new FormData();
  formulaire.set("email", compte.email);
  formulaire.set("password", compte.motDePasse);
  const connexion = await fetch(`${base}/admin/login`, { method: "POST", body: formulaire, redirect: "manual" });
  const cookie = (connexion.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const obtenir = async (chemin: string): Promise<void> => {
    const r = await fetch(`${base}${chemin}`, { headers: { cookie } });
    if (r.status !== 200) throw new Error(`${chemin} : ${r.status}`);
    await r.arrayBuffer();
  };

  // The same queries in raw SQL, prepared once, on the same file.
  const acces = new DepotAcces(orm);
  const agent = await acces.parEmail(compte.email);
  if (agent === undefined) throw new Error("agent absent");
  const visibles = juridictionsPermises(acteurDe(agentConnecte(agent)), "memoire.consulter-juridiction", await acces.juridictions());
  const cas = [
    { nom: "liste « à traiter » (défaut)", chemin: "/admin/api/resources/memoires/actions/list?filters.aTraiter=oui&sortBy=envoyeLe&direction=asc", filtres: { aTraiter: "oui" } },
    { nom: "liste de la juridiction, tous états", chemin: "/admin/api/resources/memoires/actions/list?sortBy=envoyeLe&direction=desc", filtres: {} },
    { nom: "liste, recherche libre « paris »", chemin: "/admin/api/resources/memoires/actions/list?filters.texte=paris&sortBy=envoyeLe&direction=desc", filtres: { texte: "paris" } },
  ] as const;
  const db = await new Promise<sqlite3.Database>((ok, ko) => {
    const d = new sqlite3.Database(fichier, sqlite3.OPEN_READONLY, (e) => (e === null ? ok(d) : ko(e)));
  });
  const tous = <T>(s: sqlite3.Statement, p: ReadonlyArray<unknown>) => new Promise<Array<T>>((ok, ko) => s.all(p, (e: Error | null, r: Array<T>) => (e === null ? ok(r) : ko(e))));
  const param = (v: unknown): unknown => (v instanceof Date ? v.getTime() : typeof v === "boolean" ? (v ? 1 : 0) : v);

  const lignes: Array<ReadonlyArray<string>> = [];
  for (const c of cas) {
    const filtres: Record<string, unknown> = c.filtres;
    const where = clauseWhere(visibles, criteresDepuisFiltre((cle) => filtres[cle], agentConnecte(agent)));
    const page = requeteListe(where, { colonne: "envoyeLe", sens: c.chemin.includes("desc") ? "desc" : "asc" }, { limite: 20, decalage: 0 });
    const sPage = db.prepare(page.sql);
    const sCompte = db.prepare(`SELECT COUNT(*) AS n FROM memoire WHERE ${where.sql}`);
    const brut = await mesurer(REQUETES, async () => {
      await tous(sPage, page.params.map(param));
      await tous(sCompte, where.params.map(param));
    });
    const http = await mesurer(REQUETES, () => obtenir(c.chemin));
    lignes.push([c.nom, http.p50.toFixed(1), http.p95.toFixed(1), brut.p50.toFixed(2), brut.p95.toFixed(2), (http.p95 / brut.p95).toFixed(1)]);
    sPage.finalize();
    sCompte.finalize();
  }

  // Show page: one mémoire of the juridiction (lines, attachments, history) vs the raw reads by id.
  const ids = (await sqlDe(orm).lignes<{ id: string }>(`SELECT id FROM memoire WHERE juridiction_code = ? AND etat = 'MIS_EN_PAIEMENT' LIMIT ?`, [visibles[0] ?? "750", REQUETES])).map((l) => l.id);
  const sM = db.prepare("SELECT * FROM memoire WHERE id = ?");
  const sL = db.prepare("SELECT * FROM ligne_prestation WHERE memoire_id = ?");
  const sP = db.prepare("SELECT * FROM piece_jointe WHERE memoire_id = ?");
  const sE = db.prepare("SELECT * FROM evenement_memoire WHERE memoire_id = ? ORDER BY rang");
  const id = (i: number) => ids[i % ids.length] ?? "";
  const brutFiche = await mesurer(REQUETES, async (i) => {
    for (const s of [sM, sL, sP, sE]) await tous(s, [id(i)]);
  });
  const httpFiche = await mesurer(REQUETES, (i) => obtenir(`/admin/api/resources/memoires/records/${id(i)}/show`));
  lignes.push(["fiche d'un mémoire (show)", httpFiche.p50.toFixed(1), httpFiche.p95.toFixed(1), brutFiche.p50.toFixed(2), brutFiche.p95.toFixed(2), (httpFiche.p95 / brutFiche.p95).toFixed(1)]);

  t = performance.now();
  const [n] = await sqlDe(orm).lignes<{ n: unknown }>("SELECT COUNT(*) AS n FROM memoire WHERE juridiction_code = ?", [visibles[0] ?? "750"]);
  process.stdout.write(
    `\nBack-office, ${N} mémoires (SQLite, ${Number(n?.n)} dans la juridiction de l'agent), ${REQUETES} requêtes par ligne, Node ${process.version}\n\n` +
      `| Requête | HTTP p50 (ms) | HTTP p95 (ms) | SQL brut p50 (ms) | SQL brut p95 (ms) | p95 / brut |\n|---|---|---|---|---|---|\n` +
      lignes.map((l) => `| ${l.join(" | ")} |`).join("\n") +
      "\n",
  );
  await new Promise((ok) => db.close(ok));
  serveur.close();
  await orm.close(true);
} finally {
  rmSync(dossier, { recursive: true, force: true });
}
