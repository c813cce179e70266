import { MikroORM, Type, UnknownType, type Constructor, type IMigrationGenerator, type MigrationObject, type Options } from "@mikro-orm/core";
import type { AbstractSqlDriver, DatabaseSchema, EntityManager } from "@mikro-orm/knex";
import { Migrator } from "@mikro-orm/migrations";
import { PostgreSqlDriver } from "@mikro-orm/postgresql";
import { SqliteDriver } from "@mikro-orm/sqlite";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { MIGRATIONS_POSTGRESQL } from "../../migrations/postgresql/index.js";
import { MIGRATIONS_SQLITE } from "../../migrations/sqlite/index.js";
import { ENTITES } from "../schema/index.js";
import { RACINE_BACKOFFICE, lireConfiguration, type ConfigurationBase, type Dialecte } from "./configuration.js";

/** The ORM of the backoffice, on either database. */
export type Orm = MikroORM<AbstractSqlDriver>;
export type Em = EntityManager<AbstractSqlDriver>;

/** Folder of the committed migrations of a dialect (one folder per dialect: SQLite rebuilds tables). */
export const dossierMigrations = (dialecte: Dialecte): string => resolve(RACINE_BACKOFFICE, "migrations", dialecte);

const MIGRATIONS: Record<Dialecte, ReadonlyArray<MigrationObject>> = {
  sqlite: MIGRATIONS_SQLITE,
  postgresql: MIGRATIONS_POSTGRESQL,
};

/**
 * SQLite settings MikroORM does not apply (it only turns foreign keys on), set on every new connection:
 * WAL (readers never block the writer; persistent), synchronous=NORMAL (durable at each checkpoint,
 * safe against corruption), a busy timeout so concurrent writers wait instead of failing at once.
 */
export const PRAGMAS_SQLITE = [
  "PRAGMA journal_mode = WAL",
  "PRAGMA synchronous = NORMAL",
  "PRAGMA busy_timeout = 10000",
  "PRAGMA foreign_keys = ON",
  "PRAGMA temp_store = MEMORY",
  "PRAGMA cache_size = -65536",
] as const;

/**
 * Settings of the read-only SQLite connections beside the writing one (`lectureDe`): the file is
 * already in WAL mode (persistent, set by the writer); `query_only` refuses any write on them.
 */
export const PRAGMAS_LECTURE_SQLITE = ["PRAGMA busy_timeout = 10000", "PRAGMA query_only = ON", "PRAGMA temp_store = MEMORY", "PRAGMA cache_size = -65536"] as const;

/**
 * Tables no entity schema describes, created by hand-written migrations: the SQLite FTS5 index of
 * the mémoires' free-text search and its shadow tables; and SQLite's planner statistics
 * (`sqlite_stat1`…, written by ANALYZE). They are left out of the migrations'
 * snapshot, so a generated migration never drops them (likewise {@link INDEX_HORS_ENTITES}).
 */
export const TABLES_HORS_ENTITES: ReadonlyArray<RegExp> = [/^memoire_fts(_|$)/, /^sqlite_stat\d$/];

/** Indexes no entity schema describes (hand-written migrations): PostgreSQL's full-text index of the mémoires. */
export const INDEX_HORS_ENTITES: ReadonlyArray<string> = ["memoire_recherche_mots_idx"];

const sansTablesHorsEntites = (schema: DatabaseSchema | undefined): DatabaseSchema | undefined => {
  if (schema !== undefined) {
    const s = schema as unknown as { tables: ReturnType<DatabaseSchema["getTables"]> };
    s.tables = schema.getTables().filter((t) => !TABLES_HORS_ENTITES.some((r) => r.test(t.name)));
    for (const t of s.tables) {
      const table = t as unknown as { indexes: ReturnType<typeof t.getIndexes> };
      table.indexes = t.getIndexes().filter((i) => !INDEX_HORS_ENTITES.includes(i.keyName));
    }
  }
  return schema;
};

/** MikroORM's migrator, whose snapshot ignores {@link TABLES_HORS_ENTITES} and {@link INDEX_HORS_ENTITES} (read and written). */
class Migrateur extends Migrator {
  static override register(orm: MikroORM): void {
    orm.config.registerExtension("@mikro-orm/migrator", () => new Migrateur(orm.em as Em));
  }
  protected override getSchemaFromSnapshot(): DatabaseSchema | undefined {
    return sansTablesHorsEntites(super.getSchemaFromSnapshot());
  }
  protected override storeCurrentSchema(schema?: DatabaseSchema): Promise<void> {
    return super.storeCurrentSchema(sansTablesHorsEntites(schema));
  }
}

interface ConnexionSqlite3 {
  exec(sql: string, rappel: (erreur: Error | null) => void): void;
}

/** Options of {@link ouvrirOrm}. */
export interface OptionsOuverture {
  /** Apply the pending migrations (default: true — the app migrates on start). */
  readonly migrer?: boolean;
  /** Connections of the PostgreSQL pool (default 10). */
  readonly connexionsMax?: number;
  /** Log SQL (default false). */
  readonly debug?: boolean;
  /** For the migration generator only: write new migrations to this folder instead of loading the committed list. */
  readonly generation?: { readonly generateur: Constructor<IMigrationGenerator> };
}

/** MikroORM options for a configuration (entities, driver, migrations, pool). */
export const optionsOrm = (config: ConfigurationBase, options: OptionsOuverture = {}): Options<AbstractSqlDriver> => {
  const migrations: NonNullable<Options["migrations"]> = {
    tableName: "mikro_orm_migrations",
    path: dossierMigrations(config.dialecte),
    transactional: true,
    allOrNothing: true,
    snapshot: true,
    snapshotName: ".snapshot",
    silent: true,
    ...(options.generation === undefined
      ? { migrationsList: MIGRATIONS[config.dialecte].map((m) => ({ name: m.name, class: m.class })) }
      : { generator: options.generation.generateur, emit: "ts" as const }),
  };
  const commun = {
    entities: [...ENTITES],
    extensions: [Migrateur],
    migrations,
    debug: options.debug ?? false,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    // Columns without a declared type (FTS5 virtual and shadow tables) are read as "unknown" when
    // the migrator reads the database's schema, instead of failing.
    discovery: { warnWhenNoEntities: true, getMappedType: (type: string) => (type.trim() === "" ? Type.getType(UnknownType) : undefined) },
  };
  if (config.dialecte === "sqlite") {
    if (config.fichier !== ":memory:") mkdirSync(dirname(config.fichier), { recursive: true });
    return {
      ...commun,
      driver: SqliteDriver,
      dbName: config.fichier,
      pool: {
        min: 1,
        max: 1,
        afterCreate: (connexion: ConnexionSqlite3, fait: (erreur: Error | null, connexion: ConnexionSqlite3) => void) => {
          connexion.exec(PRAGMAS_SQLITE.join(";\n"), (erreur) => fait(erreur, connexion));
        },
      },
    };
  }
  return {
    ...commun,
    driver: PostgreSqlDriver,
    clientUrl: config.url,
    pool: { min: 0, max: options.connexionsMax ?? 10 },
  };
};

/**
 * Opens the database of a configuration (default: the environment, see `lireConfiguration`) and,
 * unless told otherwise, applies the pending migrations: the app is always on the latest schema.
 */
export const ouvrirOrm = async (config: ConfigurationBase = lireConfiguration(), options: OptionsOuverture = {}): Promise<Orm> => {
  const orm = await MikroORM.init<AbstractSqlDriver>(optionsOrm(config, options));
  if (options.migrer ?? true) await migrer(orm);
  return orm;
};

/** Applies the pending migrations; returns the names applied. */
export const migrer = async (orm: Orm): Promise<ReadonlyArray<string>> => {
  const appliquees = await orm.getMigrator().up();
  return appliquees.map((m) => m.name);
};

/** The dialect of an open ORM. */
export const dialecteDe = (orm: Orm): Dialecte => (orm.config.get("driver") === (SqliteDriver as unknown) ? "sqlite" : "postgresql");
