import type { Sql } from "./sql.js";

/**
 * Named number sequences, unique under concurrent writers and never reused:
 * - PostgreSQL: native sequences (`nextval`); a year's TMP sequence is created on first use, inside a
 *   savepoint so a concurrent creator does not abort the transaction. Sequences ignore rollbacks, so a
 *   refused command may leave a gap (numbers stay unique).
 * - SQLite: a row of the `compteur` table incremented with `UPDATE … RETURNING` inside the writer's
 *   transaction: the database's single writer lock orders them, and a rollback gives the number back.
 */
export type NomSequence = "memoire_mj" | "ticket_cprocs" | `memoire_tmp_${number}`;

const SEQUENCES_POSTGRESQL_FIXES = new Set<NomSequence>(["memoire_mj", "ticket_cprocs"]);

/** Draws the next value of a sequence (call it inside the writer's transaction). */
export const prochaineValeur = async (sql: Sql, nom: NomSequence): Promise<number> => {
  if (!/^[a-z_0-9]+$/.test(nom)) throw new Error(`nom de séquence invalide : ${nom}`);
  if (sql.dialecte === "sqlite") {
    const [ligne] = await sql.lignes<{ valeur: number }>(
      "INSERT INTO compteur (nom, valeur) VALUES (?, 1) ON CONFLICT (nom) DO UPDATE SET valeur = valeur + 1 RETURNING valeur",
      [nom],
    );
    return Number(ligne?.valeur);
  }
  const sequence = `${nom}_seq`;
  if (!SEQUENCES_POSTGRESQL_FIXES.has(nom)) {
    const [existe] = await sql.lignes<{ present: boolean }>("SELECT to_regclass(?) IS NOT NULL AS present", [sequence]);
    if (existe?.present !== true)
      await sql.transaction(async (tx) => {
      await tx.lignes("SAVEPOINT creation_sequence");
      try {
        await tx.lignes(`CREATE SEQUENCE IF NOT EXISTS ${sequence}`);
        await tx.lignes("RELEASE SAVEPOINT creation_sequence");
      } catch {
        await tx.lignes("ROLLBACK TO SAVEPOINT creation_sequence"); // created concurrently: it exists now
      }
      });
  }
  const [ligne] = await sql.lignes<{ valeur: string | number }>(`SELECT nextval('${sequence}') AS valeur`);
  return Number(ligne?.valeur);
};

/** Draws `n` values at once (bulk imports): consecutive on SQLite, increasing on PostgreSQL. */
export const prochainesValeurs = async (sql: Sql, nom: NomSequence, n: number): Promise<ReadonlyArray<number>> => {
  if (n <= 0) return [];
  if (sql.dialecte === "sqlite") {
    const [ligne] = await sql.lignes<{ valeur: number }>(
      "INSERT INTO compteur (nom, valeur) VALUES (?, ?) ON CONFLICT (nom) DO UPDATE SET valeur = valeur + excluded.valeur RETURNING valeur",
      [nom, n],
    );
    const fin = Number(ligne?.valeur);
    return Array.from({ length: n }, (_, i) => fin - n + 1 + i);
  }
  const premiere = await prochaineValeur(sql, nom);
  const suite = await sql.lignes<{ valeur: string | number }>(`SELECT nextval('${nom}_seq') AS valeur FROM generate_series(2, ?)`, [n]);
  return [premiere, ...suite.map((l) => Number(l.valeur))];
};

/** The sequence of the draft numbers of a year. */
export const sequenceTmp = (annee: number): NomSequence => `memoire_tmp_${annee}`;
