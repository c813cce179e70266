/**
 * Back-office benchmark: latency of the mémoires list page and show page (HTTP, signed in, through
 * AdminJS, the scoped resource and core) over a large dataset, with the raw SQL of the same queries
 * (sqlite3 prepared statements on the same file) as baseline in the same run.
 *   node --conditions=source --import tsx backoffice/bench/backoffice.bench.ts [--memoires 1000000] [--requetes 200] [--fichier F] [--preparer]
 * `--fichier F` keeps the database in F and reuses it on the next run when it already holds the
 * mémoires (pending migrations are applied on open); `--preparer` only builds it. `--copies-sql B`
 * writes only the first B mémoires through the project's write path and the rest as SQL copies of
 * those rows (new ids and numbers, same lines and audit events; the tableau de bord counters are
 * not updated): minutes instead of the better part of an hour on a loaded machine.
 * Each request, its raw SQL and its bound take turns by blocks of 25. Target: list p95 ≤ 3 × raw and ≤ 300 ms.
 * Two rows measure floors: the list route with SQL that reads nothing (what express, the session,
 * AdminJS and the answer cost whatever the query), and a bare node:http server (what any HTTP request
 * costs on the machine). Each row also measures its bound: a bare node:http server that runs the same
 * raw SQL and answers its rows in JSON, measured by the same client (the least any HTTP server could
 * do on this machine for that request), and its bound with the session: the same server reading the
 * request's session row first, with the back-office's own statement (the issue keeps sessions in the
 * database, so every signed-in request reads one). When a bound's p95 is itself above 3 × raw, the
 * verdict says the ratio is out of reach here: of any server (the bound), or of any server that reads
 * its session from the database (the bound with the session).
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { Worker } from "node:worker_threads";
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
import { agentConnecte, DepotAcces } from "../src/admin/acces/agents.js";
import { requeteLectureSession } from "../src/admin/acces/session-store.js";
import {
  motsRecherche,
  numeroComplet,
  requeteCompte,
  requeteFrequenceNumero,
  requeteFrequenceTexte,
  requeteListe,
  requeteStructuresPrestataire,
} from "../src/admin/memoires/memoires.requete.js";
import { criteresDepuisFiltre } from "../src/admin/memoires/memoires.ressource.js";

const arg = (nom: string, defaut: number): number => {
  const i = process.argv.indexOf(`--${nom}`);
  return i < 0 ? defaut : Number(process.argv[i + 1]);
};
const N = arg("memoires", 1_000_000);
const REQUETES = arg("requetes", 200);
const texteArg = (nom: string): string | undefined => {
  const i = process.argv.indexOf(`--${nom}`);
  return i < 0 ? undefined : process.argv[i + 1];
};
const FICHIER = texteArg("fichier");
const PREPARER = process.argv.includes("--preparer");
const COPIES_SQL = arg("copies-sql", 0);

const quantile = (xs: ReadonlyArray<number>, q: number): number => {
  const t = [...xs].sort((a, b) => a - b);
  return t[Math.min(t.length - 1, Math.floor(q * t.length))] ?? Number.NaN;
};

/** The HTTP client's thread (plain JavaScript): GETs each URL in turn on one kept-alive connection, returns the durations. */
const CODE_CLIENT = `
const { parentPort } = require("node:worker_threads");
const http = require("node:http");
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const obtenir = (url, cookie) => new Promise((ok, ko) => {
  const r = http.get(url, { agent, headers: { cookie } }, (res) => {
    res.on("data", () => undefined);
    res.on("end", () => (res.statusCode === 200 ? ok() : ko(new Error(url + " : " + res.statusCode))));
    res.on("error", ko);
  });
  r.on("error", ko);
});
parentPort.on("message", async ({ urls, cookie, echauffement }) => {
  try {
    for (let i = 0; i < echauffement; i += 1) await obtenir(urls[i % urls.length], cookie);
    const durees = [];
    for (const u of urls) {
      const t = performance.now();
      await obtenir(u, cookie);
      durees.push(performance.now() - t);
    }
    parentPort.postMessage({ durees });
  } catch (e) {
    parentPort.postMessage({ erreur: String(e) });
  }
});
`;

type OrmBanc = Awaited<ReturnType<typeof ouvrirOrm>>;

/** The secondary indexes of the mémoire table, from the entity metadata (dropped during a load, rebuilt after). */
const indexMemoire = (orm: OrmBanc) => {
  const tMemoire = table(orm, "Memoire");
  return orm
    .getMetadata()
    .get("Memoire")
    .indexes.map((i) => ({ nom: String(i.name), colonnes: (Array.isArray(i.properties) ? i.properties : [i.properties]).map((p) => tMemoire.colonne(String(p))) }));
};

/**
 * Copies mémoires in SQL until the table holds `cible` rows: each round copies the rows written by
 * the project's path (their lines, attachments and events too) under new ids (a counter in the first
 * 8 hex digits of the UUIDs) and new MJ / TMP numbers. Indexes are rebuilt after.
 */
async function copierEnSql(orm: OrmBanc, cible: number): Promise<void> {
  const sql = sqlDe(orm);
  const t = performance.now();
  const colonnes = async (nom: string) => (await sql.lignes<{ name: string }>(`PRAGMA table_info(${nom})`)).map((c) => c.name);
  const [base] = await sql.lignes<{ n: unknown; max: unknown }>("SELECT COUNT(*) AS n, MAX(rowid) AS max FROM memoire");
  const nBase = Number(base?.n);
  const maxBase = Number(base?.max);
  const nouvelId = (col: string, k: number) => `printf('%08x', ${0xfc000000 + k}) || substr(${col}, 9)`;
  const cMemoire = await colonnes("memoire");
  const cLigne = await colonnes("ligne_prestation");
  const cPiece = await colonnes("piece_jointe");
  const cEvenement = await colonnes("evenement_memoire");
  if (nBase < cible) for (const i of indexMemoire(orm)) await sql.lignes(`DROP INDEX IF EXISTS ${i.nom}`);
  let total = nBase;
  for (let k = 1; total < cible; k += 1) {
    const n = Math.min(nBase, cible - total);
    const numero = (m: string) => `'MJ' || printf('%010d', ${5_000_000_000 + k * 1_000_000} + ${m}.rowid)`;
    const provisoire = (m: string) => `'TMP2099' || printf('%08d', ${k * 1_000_000} + ${m}.rowid)`;
    const expr: Record<string, string> = {
      id: nouvelId("m.id", k),
      numero: numero("m"),
      numero_provisoire: provisoire("m"),
      recherche: `replace(replace(m.recherche, lower(m.numero), lower(${numero("m")})), lower(m.numero_provisoire), lower(${provisoire("m")}))`,
    };
    await sql.transaction(async (tx) => {
      const choix = `(SELECT rowid AS r FROM memoire WHERE rowid <= ${String(maxBase)} ORDER BY rowid LIMIT ${String(n)})`;
      await tx.lignes(`INSERT INTO memoire (${cMemoire.join(", ")}) SELECT ${cMemoire.map((c) => expr[c] ?? `m.${c}`).join(", ")} FROM memoire m WHERE m.rowid IN ${choix}`);
      const depuis = (alias: string) => `FROM ${alias} x JOIN memoire m ON m.id = x.memoire_id WHERE m.rowid IN ${choix}`;
      const copie = (nomTable: string, cols: ReadonlyArray<string>, plus: Record<string, string>) =>
        tx.lignes(`INSERT INTO ${nomTable} (${cols.join(", ")}) SELECT ${cols.map((c) => plus[c] ?? `x.${c}`).join(", ")} ${depuis(nomTable)}`);
      await copie("ligne_prestation", cLigne, { id: nouvelId("x.id", k), memoire_id: nouvelId("x.memoire_id", k) });
      await copie("piece_jointe", cPiece, { id: nouvelId("x.id", k), memoire_id: nouvelId("x.memoire_id", k) });
      await copie("evenement_memoire", cEvenement, {
        id: nouvelId("x.id", k),
        memoire_id: nouvelId("x.memoire_id", k),
        numero: `CASE x.numero WHEN m.numero THEN ${numero("m")} WHEN m.numero_provisoire THEN ${provisoire("m")} ELSE x.numero END`,
      });
    });
    total += n;
    process.stderr.write(`  ${total} mémoires (copies SQL, ${((performance.now() - t) / 1000).toFixed(0)} s)\n`);
  }
}

async function construire(orm: OrmBanc, cible: number): Promise<void> {
  const t = performance.now();
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
  for (const i of indexMemoire(orm)) await sqlDe(orm).lignes(`DROP INDEX IF EXISTS ${i.nom}`);
  for (let fait = bilan.memoires; fait < cible; fait += 2000) {
    const n = Math.min(2000, cible - fait);
    await depot.enregistrerNouveaux(Array.from({ length: n }, (_, i) => clonerMemoire(h, h.choisir(modeles), 10_000 + fait + i, h.choisir(structures))));
    if (fait % 100_000 < 2000) process.stderr.write(`  ${fait} mémoires écrits (${((performance.now() - t) / 1000).toFixed(0)} s)\n`);
  }
  process.stderr.write(`jeu : ${cible} mémoires en ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
}

/** Rebuilds the mémoire table's secondary indexes that a load dropped, then ANALYZE. */
async function indexer(orm: OrmBanc): Promise<void> {
  const t = performance.now();
  for (const i of indexMemoire(orm)) await sqlDe(orm).lignes(`CREATE INDEX IF NOT EXISTS ${i.nom} ON memoire (${i.colonnes.join(", ")})`);
  await sqlDe(orm).lignes("ANALYZE");
  process.stderr.write(`index et ANALYZE en ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
}

const dossier = mkdtempSync(join(tmpdir(), "fj-bench-bo-"));
const fichier = FICHIER ?? join(dossier, "bo.sqlite");
try {
  process.env["ADMIN_JS_SKIP_BUNDLE"] = "true";
  const existant = existsSync(fichier);
  let t = performance.now();
  const orm = await ouvrirOrm({ dialecte: "sqlite", fichier });
  if (existant) process.stderr.write(`base existante ${fichier} ouverte et migrée en ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  const [deja] = existant ? await sqlDe(orm).lignes<{ n: unknown }>("SELECT COUNT(*) AS n FROM memoire") : [];
  const presents = Number(deja?.n ?? 0);
  if (presents < N) {
    if (presents === 0) await construire(orm, COPIES_SQL > 0 ? Math.min(COPIES_SQL, N) : N);
    await copierEnSql(orm, N);
    await indexer(orm);
  }
  if (PREPARER) {
    await orm.close(true);
    rmSync(dossier, { recursive: true, force: true });
    process.exit(0);
  }
  t = performance.now();
  const { app, memoires } = await creerApplication({ orm, secret: "bench" });
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
  // The measuring client runs in its own thread (as a browser runs on another machine), on one
  // kept-alive node:http connection: the figures are the server's, not the client's work on the
  // server's event loop.
  const client = new Worker(CODE_CLIENT, { eval: true });
  const dureesHttp = (chemins: ReadonlyArray<string>, echauffement: number, racine: string = base): Promise<Array<number>> =>
    new Promise((ok, ko) => {
      client.once("message", (m: { durees?: Array<number>; erreur?: string }) => (m.durees === undefined ? ko(new Error(m.erreur ?? "client HTTP")) : ok(m.durees)));
      client.postMessage({ urls: chemins.map((c) => `${racine}${c}`), cookie, echauffement });
    });
  /**
   * The HTTP requests and their raw SQL take turns by blocks of BLOC (after 10 untimed of each), so
   * that what drifts during the run (the machine's other work, caches) weighs on both alike.
   */
  const BLOC = 25;
  // The bound's server: a bare node:http server running the raw SQL of the row being measured
  // (`?i=` its index) and answering its rows in JSON; with `&s=1`, after reading the session row of
  // the signed-in agent (the back-office's statement, prepared on the raw connection) and parsing it.
  let brutCourant: (i: number) => Promise<unknown> = () => Promise.resolve(null);
  const sid = /^s:(.+)\.[^.]+$/.exec(decodeURIComponent(cookie.slice(cookie.indexOf("=") + 1)))?.[1] ?? "";
  let lireSession: () => Promise<unknown> = () => Promise.reject(new Error("session non préparée"));
  const borne = createServer((req, res) => {
    const parametres = new URL(req.url ?? "/", "http://x").searchParams;
    const i = Number(parametres.get("i") ?? 0);
    (parametres.get("s") === "1" ? lireSession().then(() => brutCourant(i)) : brutCourant(i)).then(
      (lignes) => {
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify(lignes));
      },
      (e: unknown) => {
        res.statusCode = 500;
        res.end(String(e));
      },
    );
  }).listen(0, "127.0.0.1");
  await new Promise((ok) => borne.once("listening", ok));
  const baseBorne = `http://127.0.0.1:${(borne.address() as AddressInfo).port}`;
  const stats = (xs: ReadonlyArray<number>) => ({ p50: quantile(xs, 0.5), p95: quantile(xs, 0.95) });
  /** The raw SQL, the application's request and the bound, in turn by blocks. */
  const comparer = async (n: number, brut: (i: number) => Promise<unknown>, chemin: (i: number) => string) => {
    brutCourant = brut;
    for (let i = 0; i < Math.min(10, n); i += 1) await brut(i);
    await dureesHttp([chemin(0)], 10);
    await dureesHttp(["/?i=0", "/?i=0&s=1"], 10, baseBorne);
    const [tb, th, tn, ts]: [Array<number>, Array<number>, Array<number>, Array<number>] = [[], [], [], []];
    for (let debut = 0; debut < n; debut += BLOC) {
      const bloc = Array.from({ length: Math.min(BLOC, n - debut) }, (_, k) => debut + k);
      for (const i of bloc) {
        const t0 = performance.now();
        await brut(i);
        tb.push(performance.now() - t0);
      }
      th.push(...(await dureesHttp(bloc.map(chemin), 0)));
      tn.push(...(await dureesHttp(bloc.map((i) => `/?i=${i}`), 0, baseBorne)));
      ts.push(...(await dureesHttp(bloc.map((i) => `/?i=${i}&s=1`), 0, baseBorne)));
    }
    return { brut: stats(tb), http: stats(th), borne: stats(tn), borneSession: stats(ts) };
  };
  /** A row of the table; `cible` false for the rows the issue sets no target on (floors, show page). */
  const ligne = (nom: string, m: Awaited<ReturnType<typeof comparer>>, cible: boolean, sansCible = "(pas de cible)"): ReadonlyArray<string> => {
    const ratio = m.http.p95 / m.brut.p95;
    const verdict = !cible
      ? sansCible
      : m.http.p95 <= 300 && ratio <= 3
        ? "✔"
        : m.borne.p95 > 3 * m.brut.p95
          ? `✘ hors d'atteinte ici : la borne seule fait ${(m.borne.p95 / m.brut.p95).toFixed(1)} × brut`
          : m.borneSession.p95 > 3 * m.brut.p95
            ? `✘ hors d'atteinte avec la session en base : la borne qui lit la session fait ${(m.borneSession.p95 / m.brut.p95).toFixed(1)} × brut`
            : "✘";
    return [
      nom,
      m.http.p50.toFixed(1),
      m.http.p95.toFixed(1),
      m.brut.p50.toFixed(2),
      m.brut.p95.toFixed(2),
      ratio.toFixed(1),
      m.borne.p50.toFixed(2),
      m.borne.p95.toFixed(2),
      m.borneSession.p50.toFixed(2),
      m.borneSession.p95.toFixed(2),
      verdict,
    ];
  };

  // The same queries in raw SQL, prepared once, on the same file.
  const acces = new DepotAcces(orm);
  const agent = await acces.parEmail(compte.email);
  if (agent === undefined) throw new Error("agent absent");
  const connecte = agentConnecte(agent);
  const visibles = await memoires.juridictionsVisibles(connecte);
  // A prestataire with mémoires in the agent's juridiction, searched by its raison sociale.
  const [unPrestataire] = await sqlDe(orm).lignes<{ raisonSociale: string }>(
    `SELECT s.raison_sociale AS "raisonSociale" FROM structure s WHERE s.id = (SELECT structure_id FROM memoire WHERE juridiction_code = ? LIMIT 1)`,
    [visibles[0] ?? "750"],
  );
  const prestataire = unPrestataire?.raisonSociale ?? "";
  // A numéro d'affaire of one mémoire of the juridiction (a rare word of the free text).
  const [uneAffaire] = await sqlDe(orm).lignes<{ affaire: string }>(
    `SELECT l.numero_affaire AS "affaire" FROM ligne_prestation l WHERE l.memoire_id = (SELECT id FROM memoire WHERE juridiction_code = ? ORDER BY envoye_le LIMIT 1 OFFSET 5000)`,
    [visibles[0] ?? "750"],
  );
  const affaire = uneAffaire?.affaire ?? "";
  // A mémoire's number (the agent pastes it in the numéro filter).
  const [unNumero] = await sqlDe(orm).lignes<{ numero: string }>(`SELECT numero FROM memoire WHERE juridiction_code = ? ORDER BY envoye_le LIMIT 1 OFFSET 7000`, [visibles[0] ?? "750"]);
  const numero = unNumero?.numero ?? "";
  const cas = [
    { nom: "liste « à traiter » (défaut)", chemin: "/admin/api/resources/memoires/actions/list?filters.aTraiter=oui&sortBy=envoyeLe&direction=asc", filtres: { aTraiter: "oui" } },
    { nom: "liste de la juridiction, tous états", chemin: "/admin/api/resources/memoires/actions/list?sortBy=envoyeLe&direction=desc", filtres: {} },
    { nom: "liste, recherche libre « paris »", chemin: "/admin/api/resources/memoires/actions/list?filters.texte=paris&sortBy=envoyeLe&direction=desc", filtres: { texte: "paris" } },
    { nom: "liste, recherche libre d'un n° d'affaire", chemin: `/admin/api/resources/memoires/actions/list?filters.texte=${encodeURIComponent(affaire)}&sortBy=envoyeLe&direction=desc`, filtres: { texte: affaire } },
    { nom: "liste, numéro d'un mémoire", chemin: `/admin/api/resources/memoires/actions/list?filters.numero=${encodeURIComponent(numero)}&sortBy=envoyeLe&direction=desc`, filtres: { numero } },
    // The beginning of a number (8 of its 12 characters): in the file built here, thousands of numbers of the country, hundreds of the juridiction.
    {
      nom: "liste, début d'un numéro (8 caractères)",
      chemin: `/admin/api/resources/memoires/actions/list?filters.numero=${encodeURIComponent(numero.slice(0, 8))}&sortBy=envoyeLe&direction=desc`,
      filtres: { numero: numero.slice(0, 8) },
    },
    { nom: "liste, prestataire (raison sociale)", chemin: `/admin/api/resources/memoires/actions/list?filters.prestataire=${encodeURIComponent(prestataire)}&sortBy=envoyeLe&direction=desc`, filtres: { prestataire } },
    // The floor of a list request: the same route and pipeline, with SQL that reads nothing (a numéro
    // with a character no number has is `1 = 0`: the probe, the page and the count return at once).
    { nom: "plancher : même route, aucune ligne (numéro « # »)", chemin: "/admin/api/resources/memoires/actions/list?filters.numero=%23&sortBy=envoyeLe&direction=desc", filtres: { numero: "#" } },
  ] as const;
  const db = await new Promise<sqlite3.Database>((ok, ko) => {
    const d = new sqlite3.Database(fichier, sqlite3.OPEN_READONLY, (e) => (e === null ? ok(d) : ko(e)));
  });
  const tous = <T>(s: sqlite3.Statement, p: ReadonlyArray<unknown>) => new Promise<Array<T>>((ok, ko) => s.all(p, (e: Error | null, r: Array<T>) => (e === null ? ok(r) : ko(e))));
  const sSession = db.prepare(requeteLectureSession("sqlite"));
  lireSession = async () => {
    const [l] = await tous<{ donnees: string }>(sSession, [sid]);
    if (l === undefined) throw new Error("session absente");
    return JSON.parse(l.donnees) as unknown;
  };
  const param = (v: unknown): unknown => (v instanceof Date ? v.getTime() : typeof v === "boolean" ? (v ? 1 : 0) : v);

  const lignes: Array<ReadonlyArray<string>> = [];
  for (const c of cas) {
    const filtres: Record<string, unknown> = c.filtres;
    // The page's and the count's clauses as the application builds them (its probes included).
    const { page: where, compte: whereCompte } = await memoires.clauses(connecte, (cle) => filtres[cle]);
    const page = requeteListe(where, { colonne: "envoyeLe", sens: c.chemin.includes("desc") ? "desc" : "asc" }, { limite: 20, decalage: 0 });
    const sPage = db.prepare(page.sql);
    const compte = requeteCompte(whereCompte);
    const sCompte = db.prepare(compte.sql);
    // The raw side also runs the statements the application runs before the page, once per request: a
    // prestataire's structures, the frequency of a free text's words, and of a numéro that is not a
    // whole number.
    const criteres = criteresDepuisFiltre((cle) => filtres[cle], connecte);
    const structures = criteres.prestataire === undefined ? undefined : requeteStructuresPrestataire(criteres.prestataire);
    const sStructures = structures === undefined ? undefined : db.prepare(structures.sql);
    const mots = criteres.texte === undefined ? [] : motsRecherche(criteres.texte);
    const frequence = mots.length === 0 ? undefined : requeteFrequenceTexte(mots);
    const sFrequence = frequence === undefined ? undefined : db.prepare(frequence.sql);
    const frequenceNumero = criteres.numero === undefined || numeroComplet(criteres.numero) ? undefined : requeteFrequenceNumero(criteres.numero);
    const sFrequenceNumero = frequenceNumero === undefined ? undefined : db.prepare(frequenceNumero.sql);
    const mesure = await comparer(
      REQUETES,
      async () => {
        if (frequence !== undefined && sFrequence !== undefined) await tous(sFrequence, frequence.params.map(param));
        if (frequenceNumero !== undefined && sFrequenceNumero !== undefined) await tous(sFrequenceNumero, frequenceNumero.params.map(param));
        if (structures !== undefined && sStructures !== undefined) await tous(sStructures, structures.params.map(param));
        const lignesPage = await tous(sPage, page.params.map(param));
        const total = await tous(sCompte, compte.params.map(param));
        return { lignes: lignesPage, total };
      },
      () => c.chemin,
    );
    lignes.push(ligne(c.nom, mesure, !c.chemin.includes("numero=%23"), "(plancher)"));
    sPage.finalize();
    sCompte.finalize();
    sFrequence?.finalize();
    sFrequenceNumero?.finalize();
    sStructures?.finalize();
  }

  // Show page: one mémoire of the juridiction (lines, attachments, history) vs the raw reads by id.
  const ids = (await sqlDe(orm).lignes<{ id: string }>(`SELECT id FROM memoire WHERE juridiction_code = ? AND etat = 'MIS_EN_PAIEMENT' LIMIT ?`, [visibles[0] ?? "750", REQUETES])).map((l) => l.id);
  const sM = db.prepare("SELECT * FROM memoire WHERE id = ?");
  const sL = db.prepare("SELECT * FROM ligne_prestation WHERE memoire_id = ?");
  const sP = db.prepare("SELECT * FROM piece_jointe WHERE memoire_id = ?");
  const sE = db.prepare("SELECT * FROM evenement_memoire WHERE memoire_id = ? ORDER BY rang");
  const sS = db.prepare("SELECT raison_sociale, identifiant_type, identifiant_valeur FROM structure WHERE id = (SELECT structure_id FROM memoire WHERE id = ?)");
  const id = (i: number) => ids[i % ids.length] ?? "";
  const fiche = await comparer(
    REQUETES,
    async (i) => {
      const lus: Array<unknown> = [];
      for (const s of [sM, sL, sP, sE, sS]) lus.push(await tous(s, [id(i)]));
      return lus;
    },
    (i) => `/admin/api/resources/memoires/records/${id(i)}/show`,
  );
  lignes.push(ligne("fiche d'un mémoire (show)", fiche, false));
  borne.close();

  // The machine's own floor: a bare node:http server in the same process answering an empty JSON
  // object, measured by the same client (what any HTTP request costs here, before any application).
  const nu = createServer((_req, res) => {
    res.setHeader("content-type", "application/json");
    res.end("{}");
  }).listen(0, "127.0.0.1");
  await new Promise((ok) => nu.once("listening", ok));
  const baseNue = `http://127.0.0.1:${(nu.address() as AddressInfo).port}`;
  await dureesHttp(["/"], 10, baseNue);
  const dureesNues: Array<number> = [];
  for (let debut = 0; debut < REQUETES; debut += BLOC) dureesNues.push(...(await dureesHttp(Array.from({ length: Math.min(BLOC, REQUETES - debut) }, () => "/"), 0, baseNue)));
  nu.close();
  lignes.push(["plancher de la machine : serveur node:http nu, « {} »", quantile(dureesNues, 0.5).toFixed(2), quantile(dureesNues, 0.95).toFixed(2), "—", "—", "—", "—", "—", "—", "—", "(plancher)"]);

  t = performance.now();
  const [n] = await sqlDe(orm).lignes<{ n: unknown }>("SELECT COUNT(*) AS n FROM memoire WHERE juridiction_code = ?", [visibles[0] ?? "750"]);
  process.stdout.write(
    `\nBack-office, ${N} mémoires (SQLite, ${Number(n?.n)} dans la juridiction de l'agent), ${REQUETES} requêtes par ligne, Node ${process.version}\n\n` +
      `| Requête | HTTP p50 (ms) | HTTP p95 (ms) | SQL brut p50 (ms) | SQL brut p95 (ms) | p95 / brut | borne p50 (ms) | borne p95 (ms) | borne avec session p50 (ms) | borne avec session p95 (ms) | cible (≤ 300 ms, ≤ 3 × brut) |\n|---|---|---|---|---|---|---|---|---|---|---|\n` +
      lignes.map((l) => `| ${l.join(" | ")} |`).join("\n") +
      "\n",
  );
  // A target missed while its bound is within it is a failure of the application: the run says so.
  if (lignes.some((l) => l.at(-1) === "✘")) process.exitCode = 1;
  sSession.finalize();
  await new Promise((ok) => db.close(ok));
  await client.terminate();
  serveur.close();
  await orm.close(true);
} finally {
  rmSync(dossier, { recursive: true, force: true });
}
