/**
 * support/src is pure like core/src: outside its adapters and tests, no code reads the clock or
 * randomness (the instant and ids come in through the command's Contexte). The lint rule that says
 * so for core/src does not cover support/src; this test does.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const racine = fileURLToPath(new URL("../src/", import.meta.url));

const fichiers = (dossier: string): ReadonlyArray<string> =>
  readdirSync(dossier, { withFileTypes: true }).flatMap((e) => {
    const chemin = join(dossier, e.name);
    if (e.isDirectory()) return e.name === "adapters" || e.name === "test-support" ? [] : fichiers(chemin);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [chemin] : [];
  });

const INTERDITS: ReadonlyArray<[RegExp, string]> = [
  [/Date\.now\s*\(/, "Date.now()"],
  [/new Date\(\s*\)/, "new Date()"],
  [/Math\.random\s*\(/, "Math.random()"],
  [/\bprocess\./, "process"],
];

describe("support/src reads neither the clock nor randomness", () => {
  it("no Date.now(), new Date(), Math.random() or process outside adapters and tests", () => {
    const trouves = fichiers(racine).flatMap((f) => {
      const texte = readFileSync(f, "utf8");
      return INTERDITS.filter(([motif]) => motif.test(texte)).map(([, nom]) => `${relative(racine, f)}: ${nom}`);
    });
    expect(fichiers(racine).length).toBeGreaterThan(20);
    expect(trouves).toEqual([]);
  });
});
