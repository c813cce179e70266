/**
 * `npm run migrate`: applies the pending migrations to the configured database (DATABASE_URL, or the
 * SQLite file by default) and prints what was applied. The app also migrates on start.
 */
import { lireConfiguration } from "../base/configuration.js";
import { migrer, ouvrirOrm } from "../base/orm.js";

const config = lireConfiguration();
const orm = await ouvrirOrm(config, { migrer: false });
try {
  const appliquees = await migrer(orm);
  const cible = config.dialecte === "sqlite" ? config.fichier : config.url.replace(/\/\/[^@]*@/, "//…@");
  process.stdout.write(
    appliquees.length === 0 ? `${cible} : schéma à jour\n` : `${cible} : ${appliquees.length} migration(s) appliquée(s)\n${appliquees.map((n) => `  ${n}\n`).join("")}`,
  );
} finally {
  await orm.close(true);
}
