import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { TRADUCTION_FR } from "./fr.js";

const cles = (o: unknown, prefixe = ""): Array<string> =>
  typeof o === "object" && o !== null ? Object.entries(o).flatMap(([k, v]) => cles(v, `${prefixe}${k}.`)) : [prefixe.slice(0, -1)];

describe("French locale", () => {
  const chemin = createRequire(import.meta.url).resolve("adminjs").replace(/(node_modules[/\\]adminjs)[/\\].*$/, "$1/lib/locale/en/translation.json");
  const en = JSON.parse(readFileSync(chemin, "utf8")) as unknown;

  it("translates every key of AdminJS's en locale", () => {
    const fr = new Set(cles(TRADUCTION_FR));
    const manquantes = cles(en).filter((k) => !fr.has(k));
    expect(manquantes).toEqual([]);
  });

  /**
   * Messages whose variables are codes (a resource id « memoires », an action name « certifier-groupe »):
   * the French says the same without them.
   */
  const SANS_CODES = new Set(["messages.forbiddenError", "messages.error404Resource", "messages.error404Action", "messages.error404Record"]);

  it("keeps the interpolation variables of each message, but the codes an agent should not read", () => {
    const valeur = (o: unknown, cle: string): unknown => cle.split(".").reduce<unknown>((x, k) => (x as Record<string, unknown>)[k], o);
    for (const cle of cles(en)) {
      const variables = (s: unknown) => String(s).match(/\{\{\w+\}\}/g)?.sort() ?? [];
      expect(variables(valeur(TRADUCTION_FR, cle)), cle).toEqual(SANS_CODES.has(cle) ? [] : variables(valeur(en, cle)));
    }
  });
});
