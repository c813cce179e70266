/**
 * `npm run bench [nom…]`: runs each bench module in sequence and prints one table.
 * Adding a module is one line in MODULES. Exit code 1 when a target is missed.
 */
import type { Mesure, ModuleBench } from "./bench.js";

const MODULES: ReadonlyArray<() => Promise<{ default: ModuleBench }>> = [
  () => import("./montants.bench.js"),
];

const formaterValeur = (m: Mesure): string =>
  `${m.valeur >= 100 ? Math.round(m.valeur).toLocaleString("en-US") : m.valeur.toFixed(3)} ${m.unite}`;

const main = async (): Promise<void> => {
  const filtres = process.argv.slice(2);
  const lignes: Array<[string, string, string, string]> = [];
  const noms: Array<string> = [];
  let manquee = false;
  for (const charger of MODULES) {
    const module = (await charger()).default;
    noms.push(module.nom);
    if (filtres.length > 0 && !filtres.includes(module.nom)) continue;
    process.stdout.write(`… ${module.nom}\n`);
    for (const m of await module.executer()) {
      if (m.cible !== undefined && !m.cible.atteinte) manquee = true;
      lignes.push([module.nom, m.mesure, formaterValeur(m), m.cible === undefined ? "" : `${m.cible.atteinte ? "OK" : "MANQUÉE"} (${m.cible.texte})`]);
    }
  }
  const inconnus = filtres.filter((f) => !noms.includes(f));
  if (inconnus.length > 0) {
    process.stderr.write(`unknown bench module(s): ${inconnus.join(", ")}; available: ${noms.join(", ")}\n`);
    process.exitCode = 2;
    return;
  }
  const entetes: [string, string, string, string] = ["module", "mesure", "valeur", "cible"];
  const largeurs = entetes.map((e, i) => Math.max(e.length, ...lignes.map((l) => l[i]?.length ?? 0)));
  const ecrire = (l: ReadonlyArray<string>) => `| ${l.map((c, i) => c.padEnd(largeurs[i] ?? 0)).join(" | ")} |\n`;
  process.stdout.write(`\n${ecrire(entetes)}${ecrire(largeurs.map((n) => "-".repeat(n)))}${lignes.map(ecrire).join("")}`);
  if (manquee) process.exitCode = 1;
};

await main();
