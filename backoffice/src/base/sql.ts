import type { Knex } from "@mikro-orm/knex";
import type { Dialecte } from "./configuration.js";
import { dialecteDe, type Em, type Orm } from "./orm.js";

/** A value bound to a SQL parameter. */
export type ValeurSql = string | number | boolean | Date | null;

/**
 * Parameterised SQL on the ORM's own connection pool, for the hot paths behind the repositories
 * (MikroORM's `em.execute` inlines the parameters into the text; this keeps them as bindings).
 * `?` placeholders on both databases (knex turns them into `$n` for PostgreSQL).
 */
export interface Sql {
  readonly dialecte: Dialecte;
  /** Runs a statement and returns its rows (use `RETURNING` to learn what an UPDATE touched). */
  lignes<T = Record<string, unknown>>(sql: string, params?: ReadonlyArray<ValeurSql>): Promise<Array<T>>;
  /** Runs `travail` in one transaction (nested calls join the current one). */
  transaction<A>(travail: (sql: Sql) => Promise<A>): Promise<A>;
  /** The EntityManager bound to this transaction (for MikroORM operations in the same unit). */
  readonly em: Em;
}

const convertir = (dialecte: Dialecte, params: ReadonlyArray<ValeurSql>): Array<ValeurSql> =>
  dialecte === "sqlite" ? params.map((p) => (p instanceof Date ? p.getTime() : typeof p === "boolean" ? (p ? 1 : 0) : p)) : [...params];

const creer = (dialecte: Dialecte, em: Em, knex: Knex, trx: Knex.Transaction | undefined): Sql => {
  const sql: Sql = {
    dialecte,
    em,
    lignes: async <T>(texte: string, params: ReadonlyArray<ValeurSql> = []) => {
      const requete = knex.raw(texte, convertir(dialecte, params) as Array<Knex.Value>);
      if (trx !== undefined) void requete.transacting(trx);
      const resultat: unknown = await requete;
      if (dialecte === "postgresql") return (resultat as { rows: Array<T> }).rows;
      return resultat as Array<T>;
    },
    transaction: async (travail) => {
      if (trx !== undefined) return travail(sql);
      return em.fork().transactional(async (tem) => {
        const contexte = tem.getTransactionContext<Knex.Transaction>();
        return travail(creer(dialecte, tem, knex, contexte));
      });
    },
  };
  return sql;
};

/** The {@link Sql} of an ORM (outside any transaction). */
export const sqlDe = (orm: Orm): Sql => {
  const em = orm.em.fork();
  return creer(dialecteDe(orm), em, em.getKnex(), undefined);
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
