/**
 * Pages of docs/ generated from the code (state diagrams read from the machines), shared by the
 * generators of each package: write them, or check that the committed files did not drift.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** A generated file: path from the repository root and its expected content. */
export interface PageGeneree {
  readonly chemin: string;
  readonly contenu: string;
}

const racine = fileURLToPath(new URL("../../", import.meta.url));

const lire = (chemin: string): string | undefined => {
  try {
    return readFileSync(`${racine}${chemin}`, "utf8");
  } catch {
    return undefined;
  }
};

/** Paths whose committed content differs from the generated one. */
export const pagesPerimees = (pages: ReadonlyArray<PageGeneree>): ReadonlyArray<string> =>
  pages.filter((p) => lire(p.chemin) !== p.contenu).map((p) => p.chemin);

/**
 * Command-line entry of a generator: `--check` prints the drifted paths and returns 1 when any
 * drifted; without it, writes every page. `commande` is what to run to regenerate.
 */
export const executerGenerateur = (pages: ReadonlyArray<PageGeneree>, args: ReadonlyArray<string>, commande: string): number => {
  if (args.includes("--check")) {
    const perimees = pagesPerimees(pages);
    for (const p of perimees) process.stderr.write(`${p} : différent du contenu généré, relancer ${commande}\n`);
    return perimees.length === 0 ? 0 : 1;
  }
  for (const p of pages) {
    writeFileSync(`${racine}${p.chemin}`, p.contenu);
    process.stdout.write(`écrit ${p.chemin}\n`);
  }
  return 0;
};

/** True when the module whose `import.meta.url` is given is the script node was started with. */
export const estLancePar = (url: string): boolean => process.argv[1] !== undefined && fileURLToPath(url) === process.argv[1];
