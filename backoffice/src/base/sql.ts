import type { Knex } from "@mikro-orm/knex";
import sqlite3 from "sqlite3";
import type { Dialecte } from "./configuration.js";
import { dialecteDe, PRAGMAS_LECTURE_SQLITE, type Orm } from "./orm.js";

/** A value bound to a SQL parameter. */
export type ValeurSql = string | number | boolean | Date | null;

/**
 * Parameterised SQL on the ORM's own connection pool, for the hot paths behind the repositories
 * (MikroORM's `em.execute` inlines the parameters into the text; this keeps them as bindings, and
 * prepares each statement once per connection on both databases).
 * `?` placeholders on both databases (knex turns them into `$n` for PostgreSQL).
 */
export interface Sql {
  readonly dialecte: Dialecte;
  /** Runs a statement and returns its rows (use `RETURNING` to learn what an UPDATE touched). */
  lignes<T = Record<string, unknown>>(sql: string, params?: ReadonlyArray<ValeurSql>): Promise<Array<T>>;
  /** Runs `travail` in one transaction (nested calls join the current one). */
  transaction<A>(travail: (sql: Sql) => Promise<A>): Promise<A>;
}

const convertir = (dialecte: Dialecte, params: ReadonlyArray<ValeurSql>): Array<ValeurSql> =>
  dialecte === "sqlite" ? params.map((p) => (p instanceof Date ? p.getTime() : typeof p === "boolean" ? (p ? 1 : 0) : p)) : [...params];

/** The parts of a node-sqlite3 connection used here. */
interface StatementSqlite3 {
  all(params: ReadonlyArray<unknown>, rappel: (erreur: Error | null, lignes: Array<unknown>) => void): void;
  reset(rappel?: () => void): void;
  finalize(rappel?: () => void): void;
}
interface ConnexionSqlite3 {
  prepare(texte: string, rappel?: (erreur: Error | null) => void): StatementSqlite3;
  close(rappel?: (erreur: Error | null) => void): void;
}
interface ClientKnex {
  acquireConnection(): Promise<ConnexionSqlite3>;
  releaseConnection(connexion: ConnexionSqlite3): Promise<unknown>;
}

const TAILLE_CACHE = 256;
const caches = new WeakMap<ConnexionSqlite3, Map<string, StatementSqlite3>>();

/**
 * Prepared statements of a SQLite connection, kept (LRU) and finalized before the connection closes:
 * the hot paths pay neither knex's query building nor SQLite's parsing on every call.
 */
const statement = (connexion: ConnexionSqlite3, texte: string): Promise<StatementSqlite3> => {
  let cache = caches.get(connexion);
  if (cache === undefined) {
    const c = new Map<string, StatementSqlite3>();
    cache = c;
    caches.set(connexion, c);
    const fermer = connexion.close.bind(connexion);
    connexion.close = (rappel) => {
      const restants = [...c.values()];
      c.clear();
      if (restants.length === 0) return fermer(rappel);
      let n = restants.length;
      for (const st of restants) st.finalize(() => (n -= 1) === 0 && fermer(rappel));
    };
  }
  const existant = cache.get(texte);
  if (existant !== undefined) {
    cache.delete(texte);
    cache.set(texte, existant);
    return Promise.resolve(existant);
  }
  const c = cache;
  return new Promise((ok, ko) => {
    const st = connexion.prepare(texte, (erreur) => {
      if (erreur !== null) return ko(erreur);
      c.set(texte, st);
      if (c.size > TAILLE_CACHE) {
        const [plusAncien] = c;
        if (plusAncien !== undefined) {
          c.delete(plusAncien[0]);
          plusAncien[1].finalize();
        }
      }
      ok(st);
    });
  });
};

/** Runs a statement on a SQLite connection (prepared once per connection). */
const executerSqlite = async <T>(connexion: ConnexionSqlite3, texte: string, params: ReadonlyArray<ValeurSql>): Promise<Array<T>> => {
  const st = await statement(connexion, texte);
  try {
    return await new Promise<Array<T>>((ok, ko) => st.all(params, (erreur, lignes) => (erreur === null ? ok(lignes as Array<T>) : ko(erreur))));
  } catch (erreur) {
    // node-sqlite3 leaves a statement that stopped on an error (SQLITE_BUSY under contention) active:
    // kept in the cache un-reset, it would pin the connection's read snapshot and every later read on
    // that connection would miss other connections' commits. Reset it before the connection is reused.
    // A statement that ran to SQLITE_DONE is no longer active (sqlite3_stmt_busy is false): no reset,
    // which saves a round trip through the thread pool on every query.
    await new Promise<void>((ok) => st.reset(() => ok()));
    throw erreur;
  }
};

const lignesSqlite = async <T>(client: ClientKnex, texte: string, params: ReadonlyArray<ValeurSql>): Promise<Array<T>> => {
  const connexion = await client.acquireConnection();
  try {
    return await executerSqlite<T>(connexion, texte, params);
  } finally {
    await client.releaseConnection(connexion);
  }
};

/** The parts of a node-postgres client used here. */
interface ConnexionPg {
  query(requete: string | { readonly name?: string; readonly text: string; readonly values: ReadonlyArray<unknown> }): Promise<{ readonly rows: Array<unknown> }>;
}
interface ClientKnexPg {
  acquireConnection(): Promise<ConnexionPg>;
  releaseConnection(connexion: ConnexionPg): Promise<unknown>;
}

/** `?` placeholders → `$1, $2…`, outside quoted strings (what knex does, without building a query each time). */
export const placeholdersPostgres = (texte: string): string => {
  let n = 0;
  let chaine = false;
  let sortie = "";
  for (const c of texte) {
    if (c === "'") chaine = !chaine;
    sortie += c === "?" && !chaine ? `$${(n += 1)}` : c;
  }
  return sortie;
};

const textesPg = new Map<string, { readonly name: string; readonly text: string }>();
let statementsPg = 0;

/**
 * PostgreSQL: the statement is prepared once per connection under a name (node-postgres keeps the
 * names a connection has parsed) when it has few parameters (the hot reads and single-row writes;
 * multi-row INSERTs vary in length and stay unnamed). Without parameters, the simple protocol (DDL,
 * VACUUM).
 */
const executerPostgres = async <T>(connexion: ConnexionPg, texte: string, params: ReadonlyArray<ValeurSql>): Promise<Array<T>> => {
  if (params.length === 0) return (await connexion.query(texte)).rows as Array<T>;
  let requete = textesPg.get(texte);
  if (requete === undefined) {
    requete = params.length <= 64 && textesPg.size < 1000 ? { name: `fj_${(statementsPg += 1)}`, text: placeholdersPostgres(texte) } : { name: "", text: placeholdersPostgres(texte) };
    if (requete.name !== "") textesPg.set(texte, requete);
  }
  return (await connexion.query(requete.name === "" ? { text: requete.text, values: params } : { ...requete, values: params })).rows as Array<T>;
};

const lignesPostgres = async <T>(client: ClientKnexPg, texte: string, params: ReadonlyArray<ValeurSql>): Promise<Array<T>> => {
  const connexion = await client.acquireConnection();
  try {
    return await executerPostgres<T>(connexion, texte, params);
  } finally {
    await client.releaseConnection(connexion);
  }
};

/**
 * One transaction on one connection of the pool: BEGIN, the statements of `travail`, COMMIT (ROLLBACK
 * when anything fails, the COMMIT included). No EntityManager fork nor knex transaction object: the
 * hot write paths pay two statements, not the ORM's unit-of-work machinery.
 */
const transactionDirecte = async <A>(dialecte: Dialecte, knex: Knex, travail: (sql: Sql) => Promise<A>): Promise<A> => {
  const client = knex.client as { acquireConnection(): Promise<unknown>; releaseConnection(connexion: unknown): Promise<unknown> };
  const connexion = await client.acquireConnection();
  const lignes = <T>(texte: string, params: ReadonlyArray<ValeurSql> = []): Promise<Array<T>> =>
    dialecte === "sqlite" ? executerSqlite<T>(connexion as ConnexionSqlite3, texte, convertir(dialecte, params)) : executerPostgres<T>(connexion as ConnexionPg, texte, params);
  const tx: Sql = { dialecte, lignes, transaction: (suite) => suite(tx) };
  try {
    await lignes("BEGIN");
    try {
      const resultat = await travail(tx);
      await lignes("COMMIT");
      return resultat;
    } catch (erreur) {
      await lignes("ROLLBACK").catch((echec: unknown) => {
        // SQLite may already have rolled back (then: "no transaction is active"). Any other failure
        // leaves the connection in an unknown state: knex's pool replaces a connection marked
        // disposed instead of lending it again (on SQLite it is the only one).
        if (!/no transaction is active/i.test(String(echec))) (connexion as { __knex__disposed?: unknown }).__knex__disposed = echec;
      });
      throw erreur;
    }
  } finally {
    await client.releaseConnection(connexion);
  }
};

const creer = (dialecte: Dialecte, knex: Knex): Sql => ({
  dialecte,
  lignes: async <T>(texte: string, params: ReadonlyArray<ValeurSql> = []) =>
    dialecte === "sqlite" ? lignesSqlite<T>(knex.client as ClientKnex, texte, convertir(dialecte, params)) : lignesPostgres<T>(knex.client as ClientKnexPg, texte, params),
  transaction: (travail) => transactionDirecte(dialecte, knex, travail),
});

/** The {@link Sql} of an ORM (outside any transaction). */
export const sqlDe = (orm: Orm): Sql => {
  return creer(dialecteDe(orm), orm.em.getKnex());
};

/** Read-only connections opened beside the writing one, per SQLite file (see {@link lectureDe}). */
export const LECTEURS_SQLITE = 2;

interface Lecteur {
  readonly connexion: Promise<ConnexionSqlite3>;
  enCours: number;
}

const ouvrirLecteur = (fichier: string): Promise<ConnexionSqlite3> =>
  new Promise((ok, ko) => {
    const db = new sqlite3.Database(fichier, sqlite3.OPEN_READWRITE, (erreur) => {
      if (erreur !== null) return ko(erreur);
      db.exec(PRAGMAS_LECTURE_SQLITE.join(";\n"), (e) => (e === null ? ok(db) : ko(e)));
    });
  });

const lectures = new WeakMap<Orm, Sql>();

/**
 * The {@link Sql} for reads outside any transaction (lists, counts, pages, sessions). On a SQLite
 * file, {@link LECTEURS_SQLITE} connections of their own (`query_only`, opened on first use, closed
 * with the ORM) beside the ORM's single writing connection: in WAL mode readers never wait for the
 * writer nor for each other, so a long search does not hold up a state change, and two reads of one
 * request (a list's page and its count) run at the same time on two threads. Each statement reads
 * the last committed state. Elsewhere (PostgreSQL, whose pool already has several connections, or
 * an in-memory SQLite database, which another connection cannot open) it is {@link sqlDe}.
 * `transaction` always runs on the writing connection.
 */
export const lectureDe = (orm: Orm): Sql => {
  const existante = lectures.get(orm);
  if (existante !== undefined) return existante;
  const ecriture = sqlDe(orm);
  const fichier = String(orm.config.get("dbName") ?? "");
  if (ecriture.dialecte !== "sqlite" || fichier === "" || fichier === ":memory:" || fichier.startsWith("file::memory:")) {
    lectures.set(orm, ecriture);
    return ecriture;
  }
  let lecteurs: ReadonlyArray<Lecteur> | undefined;
  let fermee = false;
  const prendre = (): Lecteur => {
    if (fermee) throw new Error("base fermée : plus de lecture possible");
    lecteurs ??= Array.from({ length: LECTEURS_SQLITE }, () => {
      const connexion = ouvrirLecteur(fichier);
      connexion.catch(() => undefined); // reported to the statement that waits for it
      return { connexion, enCours: 0 };
    });
    // The least busy connection (the first one when all are idle).
    return lecteurs.reduce((a, b) => (b.enCours < a.enCours ? b : a));
  };
  const lecture: Sql = {
    dialecte: "sqlite",
    lignes: async <T>(texte: string, params: ReadonlyArray<ValeurSql> = []) => {
      const lecteur = prendre();
      lecteur.enCours += 1;
      try {
        return await executerSqlite<T>(await lecteur.connexion, texte, convertir("sqlite", params));
      } finally {
        lecteur.enCours -= 1;
      }
    },
    transaction: (travail) => ecriture.transaction(travail),
  };
  // The readers close before the ORM (statements finalized first, by `statement`'s close).
  const fermerOrm = orm.close.bind(orm);
  orm.close = async (force?: boolean) => {
    const ouverts = lecteurs ?? [];
    fermee = true;
    lecteurs = undefined;
    lectures.delete(orm);
    await Promise.all(
      ouverts.map(async (l) => {
        const c = await l.connexion.catch(() => undefined);
        if (c !== undefined) await new Promise<void>((ok) => c.close(() => ok()));
      }),
    );
    return fermerOrm(force);
  };
  lectures.set(orm, lecture);
  return lecture;
};

/** Reads a SQL instant: epoch milliseconds (SQLite) or a `Date` (PostgreSQL). */
export const lireInstant = (v: unknown): Date => {
  if (v instanceof Date) return v;
  if (typeof v === "number" || typeof v === "bigint") return new Date(Number(v));
  if (typeof v === "string") return /^\d+$/.test(v) ? new Date(Number(v)) : new Date(v);
  throw new TypeError(`instant SQL illisible : ${String(v)}`);
};

/** Reads a SQL boolean: 0/1 (SQLite) or a boolean (PostgreSQL). */
export const lireBooleen = (v: unknown): boolean => v === true || v === 1 || v === "1" || v === 1n;

/** Reads a SQL integer: number (SQLite) or string for bigint/count (PostgreSQL). */
export const lireEntier = (v: unknown): number => (typeof v === "number" ? v : Number(v));
