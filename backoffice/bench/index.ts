/**
 * Persistence benchmark: the project's write and read paths against raw SQL through the same driver
 * (node `sqlite3` on SQLite, the `pg` module MikroORM's knex loads on PostgreSQL; prepared statements,
 * explicit transactions), measured in the same run, on each database asked for.
 *   node --conditions=source --import tsx backoffice/bench/index.ts [--memoires 1000000] [--requetes 300]
 *     [--certifications 2000] [--echantillon-brut 10] [--postgres postgresql://…] [--bases sqlite,postgresql]
 * The PostgreSQL URL may also come from FJ_BENCH_POSTGRES_URL: the run creates two throwaway databases
 * on that server (project, raw baseline) and drops them at the end. `--bases` defaults to SQLite, plus
 * PostgreSQL when a URL is given. Prints one table per database: ingest rows/s, query p50/p95 (ms),
 * certify transitions/s, each with its ratio to raw.
 */
import type { ActeurAgent } from "@frais-justice/core/autorisation";
import { decoderCriteresRecherche, executer, type Memoire } from "@frais-justice/core/memoire";
import { Either } from "effect";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import sqlite3 from "sqlite3";
import type { ConfigurationBase, Dialecte } from "../src/base/configuration.js";
import { ouvrirOrm, type Orm } from "../src/base/orm.js";
import { sqlDe, type ValeurSql } from "../src/base/sql.js";
import { table, type Table } from "../src/base/tables.js";
import { evenementVersLigne } from "../src/memoire/memoire.evenement.mapper.js";
import { versLignes } from "../src/memoire/memoire.mapper.js";
import { DepotMemoires, type ResultatEcriture } from "../src/memoire/memoire.repository.js";
import { DepotVues } from "../src/memoire/memoire.vues.repository.js";
import { sqlAttenteJuridiction, sqlParNumero, sqlRecherche, sqlTableauDeBord, sqlTableauDeBordPage, sqlTotauxNationaux, type RequeteSql } from "../src/memoire/memoire.vues.sql.js";
import { hasard, type Hasard } from "../src/seed/hasard.js";
import { clonerMemoire, genererMemoire, JURIDICTIONS, type StructureGeneration } from "../src/seed/memoires.generateur.js";

const texteArg = (nom: string): string | undefined => {
  const i = process.argv.indexOf(`--${nom}`);
  return i < 0 ? undefined : process.argv[i + 1];
};
const arg = (nom: string, defaut: number): number => Number(texteArg(nom) ?? defaut);
const N = arg("memoires", 1_000_000);
const REQUETES = arg("requetes", 300);
const CERTIFICATIONS = arg("certifications", 2000);
const PAR_LOT = 2000;
/** The raw baseline ingests one batch in `ECHANTILLON` (1 = all): its smaller database only favours the baseline. */
const ECHANTILLON = arg("echantillon-brut", 1);
const URL_POSTGRES = texteArg("postgres") ?? process.env["FJ_BENCH_POSTGRES_URL"];
const BASES = (texteArg("bases") ?? (URL_POSTGRES === undefined ? "sqlite" : "sqlite,postgresql")).split(",").filter((b): b is Dialecte => b === "sqlite" || b === "postgresql");
if (BASES.includes("postgresql") && URL_POSTGRES === undefined) throw new Error("PostgreSQL demandé sans URL : --postgres postgresql://… ou FJ_BENCH_POSTGRES_URL");

// ---------------------------------------------------------------------------------------------------
// The raw baseline: one connection of the driver, statements prepared once and reused.

interface Brut {
  /** Runs a prepared statement (`?` placeholders) and returns its rows. */
  requete<T = Record<string, unknown>>(texte: string, params: ReadonlyArray<ValeurSql>): Promise<Array<T>>;
  /** Runs plain SQL (BEGIN, COMMIT, settings). */
  exec(texte: string): Promise<void>;
  fermer(): Promise<void>;
}

const brutSqlite = async (fichier: string): Promise<Brut> => {
  const db = await new Promise<sqlite3.Database>((ok, ko) => {
    const d = new sqlite3.Database(fichier, (e) => (e === null ? ok(d) : ko(e)));
  });
  const statements = new Map<string, sqlite3.Statement>();
  const exec = (texte: string) => new Promise<void>((ok, ko) => db.exec(texte, (e) => (e === null ? ok() : ko(e))));
  await exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA busy_timeout = 10000");
  const valeur = (v: ValeurSql): unknown => (v instanceof Date ? v.getTime() : typeof v === "boolean" ? (v ? 1 : 0) : v);
  return {
    exec,
    requete: <T>(texte: string, params: ReadonlyArray<ValeurSql>) => {
      let s = statements.get(texte);
      if (s === undefined) {
        s = db.prepare(texte);
        statements.set(texte, s);
      }
      const st = s;
      return new Promise<Array<T>>((ok, ko) => st.all(params.map(valeur), (e: Error | null, r: Array<T>) => (e === null ? ok(r) : ko(e))));
    },
    fermer: async () => {
      for (const s of statements.values()) await new Promise<void>((ok) => s.finalize(() => ok()));
      await new Promise<void>((ok) => db.close(() => ok()));
    },
  };
};

/** The parts of the `pg` module used here (the module itself is the one knex loaded for MikroORM). */
interface ClientPg {
  connect(): Promise<unknown>;
  query(q: string | { readonly name?: string; readonly text: string; readonly values?: ReadonlyArray<unknown> }): Promise<{ readonly rows: Array<unknown> }>;
  end(): Promise<void>;
}
type ModulePg = { readonly Client: new (options: { readonly connectionString: string }) => ClientPg };
const modulePg = (orm: Orm): ModulePg => (orm.em.getKnex().client as { driver: ModulePg }).driver;

/** `?` → `$n` outside quoted strings (what knex does for the project's side). */
const dollars = (texte: string): string => {
  let n = 0;
  let chaine = false;
  let sortie = "";
  for (const c of texte) {
    if (c === "'") chaine = !chaine;
    sortie += c === "?" && !chaine ? `$${(n += 1)}` : c;
  }
  return sortie;
};

const brutPostgres = async (pg: ModulePg, url: string): Promise<Brut> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const noms = new Map<string, { name: string; text: string }>();
  return {
    exec: async (texte) => void (await client.query(texte)),
    requete: async <T>(texte: string, params: ReadonlyArray<ValeurSql>) => {
      let s = noms.get(texte);
      if (s === undefined) {
        s = { name: `brut_${noms.size + 1}`, text: dollars(texte) };
        noms.set(texte, s);
      }
      return (await client.query({ ...s, values: params })).rows as Array<T>;
    },
    fermer: () => client.end(),
  };
};

// ---------------------------------------------------------------------------------------------------

const quantile = (xs: ReadonlyArray<number>, q: number): number => {
  const t = [...xs].sort((a, b) => a - b);
  return t[Math.min(t.length - 1, Math.floor(q * t.length))] ?? Number.NaN;
};
const ms = async (f: () => Promise<unknown>): Promise<number> => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};
const entier = (x: number) => Math.round(x).toLocaleString("fr-FR");

/** Where one run writes: the project's database and the baseline's (for the ingest), and how to clean up. */
interface Bases {
  readonly projet: ConfigurationBase;
  readonly brut: ConfigurationBase;
  readonly description: (orm: Orm) => Promise<string>;
  readonly taille: (orm: Orm) => Promise<number>;
  readonly nettoyer: () => Promise<void>;
}

const basesSqlite = (): Bases => {
  const dossier = mkdtempSync(join(tmpdir(), "fj-bench-"));
  const projet = join(dossier, "projet.sqlite");
  return {
    projet: { dialecte: "sqlite", fichier: projet },
    brut: { dialecte: "sqlite", fichier: join(dossier, "brut.sqlite") },
    description: async (orm) => `SQLite ${(await sqlDe(orm).lignes<{ v: string }>("SELECT sqlite_version() AS v"))[0]?.v ?? "?"} (sqlite3)`,
    taille: () => Promise.resolve(statSync(projet).size),
    nettoyer: () => Promise.resolve(rmSync(dossier, { recursive: true, force: true })),
  };
};

const basesPostgres = async (url: string): Promise<Bases> => {
  const noms = [`fj_bench_projet_${process.pid}`, `fj_bench_brut_${process.pid}`] as const;
  const avec = (nom: string) => {
    const u = new URL(url);
    u.pathname = `/${nom}`;
    return u.href;
  };
  const admin = await ouvrirOrm({ dialecte: "postgresql", url }, { migrer: false, connexionsMax: 1 });
  const sql = sqlDe(admin);
  for (const n of noms) {
    await sql.lignes(`DROP DATABASE IF EXISTS ${n}`);
    await sql.lignes(`CREATE DATABASE ${n}`);
  }
  return {
    projet: { dialecte: "postgresql", url: avec(noms[0]) },
    brut: { dialecte: "postgresql", url: avec(noms[1]) },
    description: async (o) => `PostgreSQL ${(await sqlDe(o).lignes<{ v: string }>("SELECT current_setting('server_version') AS v"))[0]?.v ?? "?"} (pg)`,
    taille: async (o) => Number((await sqlDe(o).lignes<{ t: unknown }>("SELECT pg_database_size(current_database()) AS t"))[0]?.t ?? 0),
    nettoyer: async () => {
      for (const n of noms) await sql.lignes(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`);
      await admin.close(true);
    },
  };
};

/**
 * The dataset: templates generated per catégorie and copied onto structures of that catégorie (the
 * seed's fast path), the same stream for both sides.
 */
const jeu = (h: Hasard) => {
  const categories = ["INTERPRETE_TRADUCTEUR", "EXPERT", "LABORATOIRE", "ENQUETEUR_SOCIAL"] as const;
  const structures: Array<StructureGeneration> = Array.from({ length: Math.max(12, Math.ceil(N / 400)) }, (_, i) => ({
    id: `structure-${String(i + 1).padStart(5, "0")}`,
    categorie: categories[i % categories.length] ?? "EXPERT",
    coordonneesId: `coordonnees-${i + 1}`,
  }));
  const parametres = { agents: ["agent-1", "agent-2"], utilisateurs: ["u-1", "u-2"] };
  const modeles = new Map(categories.map((c) => [c, Array.from({ length: 750 }, (_, i) => genererMemoire(h, { ...parametres, structures: structures.filter((s) => s.categorie === c), numero: i + 1 }))] as const));
  const lot = (debut: number, n: number): Array<ResultatEcriture> =>
    Array.from({ length: n }, (_, i) => {
      const s = h.choisir(structures);
      return clonerMemoire(h, h.choisir(modeles.get(s.categorie as (typeof categories)[number]) ?? []), debut + i, s);
    });
  return { structures, lot };
};

const mesurer = async (dialecte: Dialecte): Promise<void> => {
  const bases = dialecte === "sqlite" ? basesSqlite() : await basesPostgres(URL_POSTGRES ?? "");
  const lignesTableau: Array<ReadonlyArray<string>> = [];
  const ajouter = (...cols: ReadonlyArray<string>) => lignesTableau.push(cols);
  try {
    const orm = await ouvrirOrm(bases.projet);
    const ormBrut = await ouvrirOrm(bases.brut); // same migrated schema for the baseline
    await ormBrut.close(true);
    const description = await bases.description(orm);
    const pg = dialecte === "postgresql" ? modulePg(orm) : undefined;
    const ouvrirBrut = (c: ConfigurationBase): Promise<Brut> => (c.dialecte === "sqlite" ? brutSqlite(c.fichier) : brutPostgres(pg as ModulePg, c.url));
    const depot = new DepotMemoires(orm);
    const h = hasard(7);
    const { structures, lot } = jeu(h);

    // --- Ingest: project write path (mapping + multi-row INSERTs + counters, one transaction per batch)
    let lignesEcrites = 0;
    let tempsProjet = 0;
    const [tM, tL, tE] = [table(orm, "Memoire"), table(orm, "LignePrestation"), table(orm, "EvenementMemoire")];
    const brut = await ouvrirBrut(bases.brut);
    const insertion = (t: Table) => `INSERT INTO ${t.nom} (${[...t.colonnes.values()].join(", ")}) VALUES (${[...t.colonnes.keys()].map(() => "?").join(", ")})`;
    const [iM, iL, iE] = [insertion(tM), insertion(tL), insertion(tE)];
    const iT = "INSERT INTO tableau_de_bord AS t (structure_id, etat, nombre, montant_ttc_centimes) VALUES (?, ?, ?, ?) ON CONFLICT (structure_id, etat) DO UPDATE SET nombre = t.nombre + excluded.nombre, montant_ttc_centimes = t.montant_ttc_centimes + excluded.montant_ttc_centimes";
    const iN = "INSERT INTO tableau_de_bord_national AS t (etat, nombre, montant_ttc_centimes) VALUES (?, ?, ?) ON CONFLICT (etat) DO UPDATE SET nombre = t.nombre + excluded.nombre, montant_ttc_centimes = t.montant_ttc_centimes + excluded.montant_ttc_centimes";
    let tempsBrut = 0;
    let lignesBrutes = 0;
    const debutIngestion = performance.now();
    for (let fait = 0; fait < N; fait += PAR_LOT) {
      const n = Math.min(PAR_LOT, N - fait);
      const resultats = lot(fait + 1, n);
      tempsProjet += await ms(() => depot.enregistrerNouveaux(resultats));
      lignesEcrites += resultats.reduce((t, r) => t + 1 + r.memoire.lignes.length + r.memoire.piecesJointes.length + r.evenements.length, 0);
      const progression = () => {
        if ((fait + n) % 100_000 === 0 || fait + n === N)
          process.stderr.write(`  [${dialecte}] ${fait + n} mémoires (${((performance.now() - debutIngestion) / 1000).toFixed(0)} s ; projet ${(tempsProjet / 1000).toFixed(1)} s, brut ${(tempsBrut / 1000).toFixed(1)} s)\n`);
      };
      if ((fait / PAR_LOT) % ECHANTILLON !== 0) {
        progression();
        continue;
      }
      // The same rows, already flattened (the baseline does no domain mapping), as prepared statements.
      const rows = resultats.map((r) => ({ l: versLignes(r.memoire, r.evenements.length), e: r.evenements.map((e, i) => evenementVersLigne(e, i + 1)) }));
      const valeurs = (t: Table, o: Readonly<Record<string, unknown>>) => [...t.colonnes.keys()].map((k) => (o[k] ?? null) as ValeurSql);
      const pm = rows.map((r) => valeurs(tM, r.l.memoire as unknown as Record<string, unknown>));
      const pl = rows.flatMap((r) => r.l.lignes.map((x) => valeurs(tL, x)));
      const pe = rows.flatMap((r) => r.e.map((x) => valeurs(tE, x)));
      const delta = new Map<string, [string, string, number, number]>();
      const national = new Map<string, [string, number, number]>();
      for (const r of rows) {
        const k = `${r.l.memoire.structureId}|${r.l.memoire.etat}`;
        const d = delta.get(k) ?? [r.l.memoire.structureId, r.l.memoire.etat, 0, 0];
        d[2] += 1;
        d[3] += r.l.memoire.montantTtcCentimes;
        delta.set(k, d);
        const e = national.get(r.l.memoire.etat) ?? [r.l.memoire.etat, 0, 0];
        e[1] += 1;
        e[2] += r.l.memoire.montantTtcCentimes;
        national.set(r.l.memoire.etat, e);
      }
      tempsBrut += await ms(async () => {
        await brut.exec("BEGIN");
        for (const p of pm) await brut.requete(iM, p);
        for (const p of pl) await brut.requete(iL, p);
        for (const p of pe) await brut.requete(iE, p);
        for (const d of [...delta.values()].sort()) await brut.requete(iT, d);
        for (const d of [...national.values()].sort()) await brut.requete(iN, d);
        await brut.exec("COMMIT");
      });
      lignesBrutes += pm.length + pl.length + pe.length + delta.size + national.size;
      progression();
    }
    await brut.fermer();
    const debitProjet = lignesEcrites / (tempsProjet / 1000);
    const debitBrut = lignesBrutes / (tempsBrut / 1000);
    ajouter(`ingestion de ${N.toLocaleString("fr-FR")} mémoires (${(lignesEcrites / N).toFixed(1)} lignes SQL chacun)`, `${entier(debitProjet)} lignes/s (${entier(N / (tempsProjet / 1000))} mémoires/s)`, `${entier(debitBrut)} lignes/s`, (debitProjet / debitBrut).toFixed(2), "≥ 0.25");
    // Statistics (and PostgreSQL's visibility map, which index-only scans need) as after any bulk load.
    await sqlDe(orm).lignes(dialecte === "sqlite" ? "ANALYZE" : "VACUUM ANALYZE");

    // --- Queries at N: the repository (row mapping, its own statement handling) vs the same SQL as prepared statements.
    const vues = new DepotVues(orm);
    const critere = (c: Record<string, unknown>) => Either.getOrThrow(decoderCriteresRecherche(c));
    const numero = () => `MJ${String(h.entier(1, N)).padStart(10, "0")}`;
    const filtre = () => critere({ structureId: h.choisir(structures).id, statut: "MIS_EN_PAIEMENT", dateDepotDu: "2020-01-01", dateDepotAu: "2024-12-31" });
    const structure = () => h.choisir(structures).id;
    const juridiction = () => h.choisir(JURIDICTIONS).code;
    /** [name, random input (drawn outside the timing, the same kind for both sides), project call, raw statements]. */
    type Mesure<A> = readonly [string, () => A, (a: A) => Promise<unknown>, (a: A) => ReadonlyArray<RequeteSql>];
    const mesure = <A>(...m: Mesure<A>): Mesure<unknown> => m as unknown as Mesure<unknown>;
    const mesures: ReadonlyArray<Mesure<unknown>> = [
      mesure("recherche par numéro", numero, (n) => vues.parNumero(n), (n) => [sqlParNumero(n)]),
      mesure("page filtrée (structure + état + dates, 20, total plafonné)", filtre, (c) => vues.rechercher(c), (c) => {
        const r = sqlRecherche(c);
        return [r.page, r.total];
      }),
      mesure("tableau de bord d'une structure", structure, (s) => vues.tableauDeBord([s]), (s) => [sqlTableauDeBord([s])]),
      mesure("totaux nationaux par état (compteurs nationaux)", () => undefined, () => vues.totauxNationaux(), () => [sqlTotauxNationaux()]),
      mesure("tableau de bord de toutes les structures (une page de 20)", structure, (s) => vues.tableauDeBordPage({ apres: s }), (s) => [sqlTableauDeBordPage(s, 20)]),
      mesure("attente d'une juridiction (nombre)", juridiction, (j) => vues.attenteJuridiction(j), (j) => [sqlAttenteJuridiction(j)]),
    ];
    const lecteurBrut = await ouvrirBrut(bases.projet);
    for (const [nom, tirer, projet, requetes] of mesures) {
      for (let i = 0; i < 20; i += 1) await projet(tirer()); // warm-up
      const tp: Array<number> = [];
      for (let i = 0; i < REQUETES; i += 1) {
        const a = tirer();
        tp.push(await ms(() => projet(a)));
      }
      const tb: Array<number> = [];
      for (let i = 0; i < REQUETES + 20; i += 1) {
        const rs = requetes(tirer());
        const d = await ms(async () => {
          for (const r of rs) await lecteurBrut.requete(r.texte, r.params);
        });
        if (i >= 20) tb.push(d);
      }
      const [p50, p95, b50, b95] = [quantile(tp, 0.5), quantile(tp, 0.95), quantile(tb, 0.5), quantile(tb, 0.95)];
      ajouter(nom, `p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`, `p50 ${b50.toFixed(2)} ms, p95 ${b95.toFixed(2)} ms`, (p95 / b95).toFixed(2), "p95 ≤ 20 ms et ≤ 2 × brut");
    }

    // --- Certify loop: core's command through the repository vs raw SQL doing the same writes in one
    // transaction: SELECT, versioned UPDATE, INSERT of the audit row, and the tableau de bord counters
    // (per structure and national, one multi-row upsert each, as the project keeps them exact).
    // Each side first runs a few untimed transitions (JIT, statement caches), as the queries above do,
    // then the three take turns by rounds (below).
    const CHAUFFE = 20;
    const aCertifier = await sqlDe(orm).lignes<{ id: string; version: number }>("SELECT id, version FROM memoire WHERE etat = 'MIS_A_DISPOSITION' AND montant_ttc_centimes < 150000 ORDER BY id LIMIT ?", [(CERTIFICATIONS + CHAUFFE) * 3]);
    // Three equal shares: the project, the raw baseline of the issue (SELECT + versioned UPDATE + audit
    // INSERT), the same raw baseline plus the two counter upserts (the same work as the project).
    const parCote = Math.floor(aCertifier.length / 3);
    const greffier: ActeurAgent = { _tag: "Agent", id: "agent-bench", roles: ["GREFFIER"], perimetre: { juridictions: [], coursAppel: [...new Set(JURIDICTIONS.map((j) => j.courAppel))] } };
    let ids = 0;
    const certifierProjet = async (m: { id: string; version: number }) => {
      const r = await depot.executer(m.id, Number(m.version), (memoire: Memoire, numerotation) =>
        executer(memoire, { type: "memoire.certifier" }, { acteur: greffier, maintenant: new Date(), genererId: () => `bench-${(ids += 1)}`, numerotation }),
      );
      if (Either.isLeft(r)) throw new Error(`certification refusée : ${r.left.message}`);
    };
    const sel = "SELECT id, version, etat, numero, structure_id, montant_ttc_centimes FROM memoire WHERE id = ?";
    const upd = "UPDATE memoire SET etat = 'CERTIFIE', version = version + 1, certifie_le = ?, etat_le = ?, nombre_evenements = nombre_evenements + 1 WHERE id = ? AND version = ? RETURNING id";
    const ins = `INSERT INTO evenement_memoire (id, memoire_id, rang, numero, commande, auteur_type, auteur_id, le, de, vers, motif, montants_avant, montants_apres, details) VALUES (?, ?, ?, ?, 'memoire.certifier', 'AGENT', 'agent-bench', ?, 'MIS_A_DISPOSITION', 'CERTIFIE', NULL, '{}', '{}', '{}')`;
    const cpt = `${iT.replace("VALUES (?, ?, ?, ?)", "VALUES (?, ?, ?, ?), (?, ?, ?, ?)")}`;
    const cptN = `${iN.replace("VALUES (?, ?, ?)", "VALUES (?, ?, ?), (?, ?, ?)")}`;
    const certifierBrut = async (m: { id: string }, compteurs: boolean) => {
      await lecteurBrut.exec("BEGIN");
      const [l] = await lecteurBrut.requete<{ id: string; version: number | string; etat: string; numero: string; structure_id: string; montant_ttc_centimes: number | string }>(sel, [m.id]);
      if (l === undefined) throw new Error("introuvable");
      const maintenant = new Date();
      const c = Number(l.montant_ttc_centimes);
      if ((await lecteurBrut.requete(upd, [maintenant, maintenant, m.id, Number(l.version)])).length !== 1) throw new Error("conflit");
      await lecteurBrut.requete(ins, [`brut-${(ids += 1)}`, m.id, 1000 + Number(l.version), l.numero, maintenant]);
      if (compteurs) {
        await lecteurBrut.requete(cpt, [l.structure_id, "CERTIFIE", 1, c, l.structure_id, l.etat, -1, -c]);
        await lecteurBrut.requete(cptN, ["CERTIFIE", 1, c, l.etat, -1, -c]);
      }
      await lecteurBrut.exec("COMMIT");
    };
    // The three loops take turns by rounds of TOUR transitions, so that what drifts during the run
    // (caches, the machine's other work) weighs on each of them alike. On SQLite each round ends, inside
    // its timing, with a checkpoint of the WAL: every side pays for copying back the pages it wrote, and
    // none for the pages of another (an automatic checkpoint falls on whichever commit crosses the limit).
    const pointDeControle = dialecte === "sqlite" ? () => lecteurBrut.exec("PRAGMA wal_checkpoint(PASSIVE)") : () => Promise.resolve();
    const cotes = [
      { part: aCertifier.slice(0, parCote), faire: certifierProjet, ms: 0 },
      { part: aCertifier.slice(parCote, 2 * parCote), faire: (m: { id: string }) => certifierBrut(m, false), ms: 0 },
      { part: aCertifier.slice(2 * parCote, 3 * parCote), faire: (m: { id: string }) => certifierBrut(m, true), ms: 0 },
    ];
    for (const c of cotes) for (const m of c.part.slice(0, CHAUFFE)) await c.faire(m);
    await pointDeControle();
    const TOUR = 50;
    for (let i = CHAUFFE; i < parCote; i += TOUR) {
      for (const c of cotes) {
        const tour = c.part.slice(i, i + TOUR);
        c.ms += await ms(async () => {
          for (const m of tour) await c.faire(m);
          await pointDeControle();
        });
      }
    }
    await lecteurBrut.fermer();
    const [opsProjet, opsBrut, opsBrutCompteurs] = cotes.map((c) => (c.part.length - CHAUFFE) / (c.ms / 1000)) as [number, number, number];
    const projetCertif = cotes[0]?.part ?? [];
    ajouter(`certification (boucle de ${projetCertif.length - CHAUFFE}, événement d'audit et compteurs compris) / brut SELECT + UPDATE versionné + INSERT d'audit`, `${entier(opsProjet)} transitions/s`, `${entier(opsBrut)} transitions/s`, (opsProjet / opsBrut).toFixed(2), "≥ 0.25");
    ajouter("certification / brut avec les mêmes écritures (+ les deux compteurs)", `${entier(opsProjet)} transitions/s`, `${entier(opsBrutCompteurs)} transitions/s`, (opsProjet / opsBrutCompteurs).toFixed(2), "(même travail)");

    const taille = (await bases.taille(orm)) / 1024 / 1024;
    await orm.close(true);
    const pilote = dialecte === "sqlite" ? "sqlite3" : "pg";
    const entete = ["mesure", "projet (dépôts)", `SQL brut (${pilote}, requêtes préparées)`, "ratio", "cible"];
    const largeurs = entete.map((e, i) => Math.max(e.length, ...lignesTableau.map((l) => (l[i] ?? "").length)));
    const ligne = (cols: ReadonlyArray<string>) => `| ${cols.map((c, i) => c.padEnd(largeurs[i] ?? 0)).join(" | ")} |`;
    process.stdout.write(`\nPersistance — ${description}, Node ${process.version}, ${cpus().length} cœurs, base ${taille.toFixed(0)} Mo\n\n`);
    process.stdout.write(`${ligne(entete)}\n${ligne(largeurs.map((l) => "-".repeat(l)))}\n${lignesTableau.map(ligne).join("\n")}\n`);
  } finally {
    await bases.nettoyer();
  }
};

for (const dialecte of BASES) await mesurer(dialecte);
