import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { LOT_EXEMPLE, main } from "./flux/depot-flux.js";

const XSD = fileURLToPath(new URL("../docs/flux.xsd", import.meta.url));
const ATTENDU = fileURLToPath(new URL("./flux/compte-rendu-attendu.json", import.meta.url));

describe("exemple : un lot de deux mémoires déposé par flux", () => {
  it("the lot file is valid against docs/flux.xsd", async () => {
    const r = await validateXML({ xml: [{ fileName: "lot-exemple.xml", contents: readFileSync(LOT_EXEMPLE, "utf8") }], schema: [{ fileName: "flux.xsd", contents: readFileSync(XSD, "utf8") }] });
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
  });

  it("integrates the valid mémoire (MJ number), rejects the invalid one with every error and its path: the expected compte rendu", async () => {
    const lignes: Array<string> = [];
    const cr = await main((l) => lignes.push(l));
    expect(cr).toEqual(JSON.parse(readFileSync(ATTENDU, "utf8")));
    expect(cr.lot.statut).toBe("IN_INTEGRE_PARTIEL");
    expect(lignes[0]).toBe("Lot EXEMPLE-2026-0001 : Intégré partiellement (1 intégré, 1 rejeté)");
  }, 60_000);
});
