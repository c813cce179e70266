/**
 * Writes the documentation generated from the mémoire machine: docs/memoire-etats.md (Mermaid state
 * diagram and transition table, read from the XState definition).
 *
 *   npm run docs:generer                                                   # writes every generated page
 *   node --conditions=source --import tsx core/tools/diagrammes.ts --check # exit 1 when the file drifted
 */
import { pageEtats } from "@frais-justice/core/memoire";
import { estLancePar, executerGenerateur, pagesPerimees, type PageGeneree } from "./pages-generees.js";

/** Every page generated from core: path from the repository root → its expected content. */
export const fichiersGeneres = (): ReadonlyArray<PageGeneree> => [{ chemin: "docs/memoire-etats.md", contenu: pageEtats() }];

/** Paths whose committed content differs from the generated one. */
export const fichiersPerimes = (): ReadonlyArray<string> => pagesPerimees(fichiersGeneres());

if (estLancePar(import.meta.url)) process.exitCode = executerGenerateur(fichiersGeneres(), process.argv.slice(2), "npm run docs:generer");
