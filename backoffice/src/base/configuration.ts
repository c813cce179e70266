import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";

/** The two databases the backoffice runs on, chosen by configuration only (no code change). */
export type Dialecte = "sqlite" | "postgresql";

/** Where the data lives: a SQLite file, or a PostgreSQL server. */
export type ConfigurationBase =
  | { readonly dialecte: "sqlite"; readonly fichier: string }
  | { readonly dialecte: "postgresql"; readonly url: string };

/** Root of the backoffice package (`backoffice/`), whatever the working directory. */
export const RACINE_BACKOFFICE = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Default SQLite file: `backoffice/data/frais-justice.sqlite` (ignored by git). */
export const FICHIER_SQLITE_PAR_DEFAUT = resolve(RACINE_BACKOFFICE, "data", "frais-justice.sqlite");

/** The configuration could not be read: says which variable and why. */
export class ConfigurationInvalide extends Error {
  override readonly name = "ConfigurationInvalide";
}

/**
 * Reads the configuration from the environment:
 * - `DATABASE_URL` unset or empty → SQLite, file `FJ_SQLITE_FILE` or {@link FICHIER_SQLITE_PAR_DEFAUT};
 * - `DATABASE_URL=postgresql://…` (or `postgres://…`) → PostgreSQL;
 * - `DATABASE_URL=sqlite:<path>` or `file:<path>` → that SQLite file (`:memory:` allowed).
 */
export const lireConfiguration = (env: Readonly<Record<string, string | undefined>> = process.env): ConfigurationBase => {
  const url = env["DATABASE_URL"]?.trim() ?? "";
  if (url === "") return { dialecte: "sqlite", fichier: resolve(env["FJ_SQLITE_FILE"] ?? FICHIER_SQLITE_PAR_DEFAUT) };
  if (/^postgres(ql)?:\/\//.test(url)) return { dialecte: "postgresql", url };
  const sqlite = /^(sqlite|file):(\/\/)?(.+)$/.exec(url);
  if (sqlite?.[3] !== undefined) return { dialecte: "sqlite", fichier: sqlite[3] === ":memory:" ? ":memory:" : resolve(sqlite[3]) };
  throw new ConfigurationInvalide(
    `DATABASE_URL « ${url.replace(/\/\/[^@]*@/, "//…@")} » non reconnue : attendu postgresql://… ou sqlite:<fichier> (ou rien pour le fichier SQLite par défaut)`,
  );
};
