/**
 * Writes the documentation generated from the machines: docs/memoire-etats.md (Mermaid state
 * diagram and transition table of the mémoire lifecycle, read from the XState definition).
 *
 *   node --conditions=source --import tsx core/tools/diagrammes.ts           # writes the files
 *   node --conditions=source --import tsx core/tools/diagrammes.ts --check   # exit 1 when a file drifted
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { pageEtats } from "@frais-justice/core/memoire";

const racine = fileURLToPath(new URL("../../", import.meta.url));

/** Every generated file: path from the repository root → its expected content. */
export const fichiersGeneres = (): ReadonlyArray<{ readonly chemin: string; readonly contenu: string }> => [
  { chemin: "docs/memoire-etats.md", contenu: pageEtats() },
];

const lire = (chemin: string): string | undefined => {
  try {
    return readFileSync(`${racine}${chemin}`, "utf8");
  } catch {
    return undefined;
  }
};

/** Paths whose committed content differs from the generated one. */
export const fichiersPerimes = (): ReadonlyArray<string> =>
  fichiersGeneres()
    .filter((f) => lire(f.chemin) !== f.contenu)
    .map((f) => f.chemin);

const main = (args: ReadonlyArray<string>): number => {
  if (args.includes("--check")) {
    const perimes = fichiersPerimes();
    for (const p of perimes) process.stderr.write(`${p} : différent du contenu généré, relancer core/tools/diagrammes.ts\n`);
    return perimes.length === 0 ? 0 : 1;
  }
  for (const f of fichiersGeneres()) {
    writeFileSync(`${racine}${f.chemin}`, f.contenu);
    process.stdout.write(`écrit ${f.chemin}\n`);
  }
  return 0;
};

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main(process.argv.slice(2));
}
