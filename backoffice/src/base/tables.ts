import { ReferenceKind, type EntityMetadata } from "@mikro-orm/core";
import type { Orm } from "./orm.js";
import type { Sql, ValeurSql } from "./sql.js";

/**
 * SQL of one table, derived once from its MikroORM metadata (table and column names come from the
 * EntitySchema, never typed twice): `SELECT col AS "prop"` lists, multi-row INSERTs, column lookups.
 * Rows are keyed by property name; a many-to-one property `x` is written from `xId`.
 */
export interface Table {
  readonly nom: string;
  /** Property → column, in declaration order (many-to-one `memoire` appears as `memoireId`). */
  readonly colonnes: ReadonlyMap<string, string>;
  /** `t.col AS "prop", …` for every column. */
  readonly selection: (alias?: string) => string;
  /** The column of a property (throws on a typo: a bug, not data). */
  readonly colonne: (propriete: string) => string;
  /** Inserts rows in multi-row statements of at most `parLot` rows; returns nothing. */
  readonly inserer: (sql: Sql, lignes: ReadonlyArray<Readonly<Record<string, unknown>>>, parLot?: number) => Promise<void>;
}

const cache = new WeakMap<Orm, Map<string, Table>>();

const construire = (meta: EntityMetadata): Table => {
  const colonnes = new Map<string, string>();
  for (const prop of meta.props) {
    const champ = prop.fieldNames?.[0];
    if (champ === undefined || prop.persist === false) continue;
    colonnes.set(prop.kind === ReferenceKind.MANY_TO_ONE ? `${prop.name}Id` : prop.name, champ);
  }
  const noms = [...colonnes.keys()];
  const listeColonnes = noms.map((p) => colonnes.get(p)).join(", ");
  const colonne = (p: string): string => {
    const c = colonnes.get(p);
    if (c === undefined) throw new Error(`${meta.tableName} : propriété inconnue ${p}`);
    return c;
  };
  // SQLite allows 32,766 bound parameters per statement, PostgreSQL 65,535.
  const lotMax = Math.max(1, Math.floor(30_000 / noms.length));
  return {
    nom: meta.tableName,
    colonnes,
    colonne,
    selection: (alias) => noms.map((p) => `${alias === undefined ? "" : `${alias}.`}${colonne(p)} AS "${p}"`).join(", "),
    inserer: async (sql, lignes, parLot = 500) => {
      const taille = Math.min(parLot, lotMax);
      const uneLigne = `(${noms.map(() => "?").join(", ")})`;
      for (let debut = 0; debut < lignes.length; debut += taille) {
        const lot = lignes.slice(debut, debut + taille);
        const params: Array<ValeurSql> = [];
        for (const l of lot) for (const p of noms) params.push((l[p] ?? null) as ValeurSql);
        await sql.lignes(`INSERT INTO ${meta.tableName} (${listeColonnes}) VALUES ${lot.map(() => uneLigne).join(", ")}`, params);
      }
    },
  };
};

/** The {@link Table} of an entity of an open ORM (cached per ORM). */
export const table = (orm: Orm, entite: string): Table => {
  let parOrm = cache.get(orm);
  if (parOrm === undefined) {
    parOrm = new Map();
    cache.set(orm, parOrm);
  }
  let t = parOrm.get(entite);
  if (t === undefined) {
    t = construire(orm.getMetadata().get(entite));
    parOrm.set(entite, t);
  }
  return t;
};
