/**
 * Writes the documentation generated from the ticket machine: docs/support-etats.md (Mermaid state
 * diagram and transition table, read from the XState definition).
 *
 *   node --conditions=source --import tsx support/tools/diagramme.ts           # writes the file
 *   node --conditions=source --import tsx support/tools/diagramme.ts --check   # exit 1 when it drifted
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { pageEtatsTicket } from "@frais-justice/support";

const racine = fileURLToPath(new URL("../../", import.meta.url));

/** Every generated file: path from the repository root → its expected content. */
export const fichiersGeneres = (): ReadonlyArray<{ readonly chemin: string; readonly contenu: string }> => [
  { chemin: "docs/support-etats.md", contenu: pageEtatsTicket() },
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
    for (const p of perimes) process.stderr.write(`${p} : différent du contenu généré, relancer support/tools/diagramme.ts\n`);
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
