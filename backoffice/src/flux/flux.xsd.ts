/**
 * Writes docs/flux.xsd from the format's declaration (`genererXsd`); `flux.format.test.ts` fails when
 * the committed file drifts from it.
 *   node --conditions=source --import tsx backoffice/src/flux/flux.xsd.ts
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { genererXsd } from "./flux.format.js";

/** docs/flux.xsd. */
export const CHEMIN_XSD = fileURLToPath(new URL("../../../docs/flux.xsd", import.meta.url));

if (process.argv[1] === fileURLToPath(import.meta.url)) writeFileSync(CHEMIN_XSD, genererXsd());
