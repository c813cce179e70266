/**
 * Writes the documentation generated from the ticket machine: docs/support-etats.md (Mermaid state
 * diagram and transition table, read from the XState definition).
 *
 *   npm run docs:generer                                                      # writes every generated page
 *   node --conditions=source --import tsx support/tools/diagramme.ts --check  # exit 1 when the file drifted
 */
import { pageEtatsTicket } from "@frais-justice/support";
import { estLancePar, executerGenerateur, pagesPerimees, type PageGeneree } from "../../core/tools/pages-generees.js";

/** Every page generated from the support module: path from the repository root → its expected content. */
export const fichiersGeneres = (): ReadonlyArray<PageGeneree> => [{ chemin: "docs/support-etats.md", contenu: pageEtatsTicket() }];

/** Paths whose committed content differs from the generated one. */
export const fichiersPerimes = (): ReadonlyArray<string> => pagesPerimees(fichiersGeneres());

if (estLancePar(import.meta.url)) process.exitCode = executerGenerateur(fichiersGeneres(), process.argv.slice(2), "npm run docs:generer");
