import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { knex } from "@mikro-orm/knex";
import type { ConfigurationBase, Dialecte } from "../base/configuration.js";
import { ouvrirOrm, type Orm } from "../base/orm.js";

/**
 * The databases the persistence suites run on: SQLite always, PostgreSQL when `FJ_TEST_POSTGRES_URL`
 * points to a reachable server (`.ci/run` starts a throwaway one). Without it the PostgreSQL suites
 * are skipped with a loud warning — except under `CI=true`, where they fail.
 */
export interface BaseDeTest {
  readonly dialecte: Dialecte;
  /** False: the suite is skipped (PostgreSQL unreachable outside CI). */
  readonly disponible: boolean;
  /** A fresh, migrated database for one suite, and how to drop it. */
  readonly creer: () => Promise<{ readonly orm: Orm; readonly config: ConfigurationBase; readonly detruire: () => Promise<void> }>;
}

const URL_PG = process.env["FJ_TEST_POSTGRES_URL"];
const EN_CI = process.env["CI"] === "true";

const connexionAdmin = (url: string) => knex({ client: "pg", connection: { connectionString: url, connectionTimeoutMillis: 3000 }, pool: { min: 0, max: 1 } });

const joignable = async (url: string): Promise<string | undefined> => {
  const client = connexionAdmin(url);
  try {
    await client.raw("SELECT 1");
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    await client.destroy().catch(() => undefined);
  }
};

const raisonAbsencePg = URL_PG === undefined || URL_PG === "" ? "FJ_TEST_POSTGRES_URL n'est pas défini" : await joignable(URL_PG);
if (raisonAbsencePg !== undefined) {
  const message = `\n${"!".repeat(100)}\n!!! SUITES POSTGRESQL IGNORÉES : ${raisonAbsencePg}.\n!!! Lancez un serveur jetable : eval "$(backoffice/scripts/postgres-temporaire.sh start)"\n${"!".repeat(100)}\n`;
  if (EN_CI) throw new Error(`CI=true : PostgreSQL est obligatoire pour les tests de persistance (${raisonAbsencePg})`);
  process.stderr.write(message);
}

let compteur = 0;

const sqlite: BaseDeTest = {
  dialecte: "sqlite",
  disponible: true,
  creer: async () => {
    const dossier = mkdtempSync(join(tmpdir(), "fj-test-"));
    const config: ConfigurationBase = { dialecte: "sqlite", fichier: join(dossier, "test.sqlite") };
    const orm = await ouvrirOrm(config);
    return {
      orm,
      config,
      detruire: async () => {
        await orm.close(true);
        rmSync(dossier, { recursive: true, force: true });
      },
    };
  },
};

const postgresql: BaseDeTest = {
  dialecte: "postgresql",
  disponible: raisonAbsencePg === undefined,
  creer: async () => {
    const admin = connexionAdmin(URL_PG ?? "");
    compteur += 1;
    const nom = `fj_test_${process.pid}_${Date.now()}_${compteur}`;
    await admin.raw(`CREATE DATABASE ${nom}`);
    const url = new URL(URL_PG ?? "");
    url.pathname = `/${nom}`;
    const config: ConfigurationBase = { dialecte: "postgresql", url: url.toString() };
    const orm = await ouvrirOrm(config, { connexionsMax: 20 });
    return {
      orm,
      config,
      detruire: async () => {
        await orm.close(true);
        await admin.raw(`DROP DATABASE IF EXISTS ${nom} WITH (FORCE)`);
        await admin.destroy();
      },
    };
  },
};

/** Both databases, for `describe.each` / `describe.skipIf(!base.disponible)`. */
export const BASES: ReadonlyArray<BaseDeTest> = [sqlite, postgresql];
