/**
 * `npm run seed -- --memoires N [--graine S] [--vider]`: writes the reproducible demo/scale dataset
 * into the configured database (DATABASE_URL, or the SQLite file by default). Refuses a database that
 * already holds mémoires unless `--vider` (which empties every table first).
 */
import { lireConfiguration } from "../base/configuration.js";
import { ouvrirOrm } from "../base/orm.js";
import { sqlDe } from "../base/sql.js";
import { ecrireJeu, nombreMemoires } from "../seed/jeu.js";

const arg = (nom: string): string | undefined => {
  const i = process.argv.indexOf(`--${nom}`);
  return i < 0 ? undefined : process.argv[i + 1];
};
const memoires = Number(arg("memoires") ?? "1000");
const graine = Number(arg("graine") ?? "20260101");
if (!Number.isSafeInteger(memoires) || memoires < 0) throw new Error("--memoires attend un entier positif");

const config = lireConfiguration();
const orm = await ouvrirOrm(config);
try {
  if (process.argv.includes("--vider")) {
    const sql = sqlDe(orm);
    for (const t of ["evenement_memoire", "piece_jointe", "ligne_prestation", "memoire", "tableau_de_bord", "compteur", "service", "structure", "coordonnee_bancaire", "utilisateur", "rattachement", "demande_rattachement", "habilitation", "demande_abonnement", "mandat", "agent", "juridiction"])
      await sql.lignes(`DELETE FROM ${t}`);
  } else if ((await nombreMemoires(orm)) > 0) {
    throw new Error("la base contient déjà des mémoires : --vider pour la remplacer, ou FJ_SQLITE_FILE / DATABASE_URL vers une autre base");
  }
  let dernier = 0;
  const bilan = await ecrireJeu(orm, {
    memoires,
    graine,
    progression: (n) => {
      if (n - dernier >= 100_000 || n === memoires) {
        process.stderr.write(`  ${n} mémoires\n`);
        dernier = n;
      }
    },
  });
  const cible = config.dialecte === "sqlite" ? config.fichier : config.url.replace(/\/\/[^@]*@/, "//…@");
  process.stdout.write(
    `${cible} : ${bilan.juridictions} juridictions, ${bilan.agents} agents, ${bilan.structures} structures, ${bilan.utilisateurs} utilisateurs, ${bilan.memoires} mémoires en ${bilan.secondes.toFixed(1)} s (${Math.round(bilan.memoires / bilan.secondes)} mémoires/s)\n`,
  );
} finally {
  await orm.close(true);
}
