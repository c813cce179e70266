/**
 * The support-is-pure rules of .dependency-cruiser.cjs must bite: each forbidden import, written into
 * a throw-away tree, is reported under the rule that forbids it, and the adapters may do I/O.
 */
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cruise, type ICruiseResult, type IConfiguration } from "dependency-cruiser";
import { afterEach, describe, expect, it } from "vitest";

const racine = fileURLToPath(new URL("../../", import.meta.url));
const config = createRequire(import.meta.url)(join(racine, ".dependency-cruiser.cjs")) as IConfiguration;

let arbre: string | undefined;
afterEach(() => {
  if (arbre !== undefined) rmSync(arbre, { recursive: true, force: true });
  arbre = undefined;
});

const violations = async (fichiers: Record<string, string>): Promise<ReadonlyArray<string>> => {
  arbre = mkdtempSync(join(tmpdir(), "regles-support-"));
  symlinkSync(join(racine, "node_modules"), join(arbre, "node_modules"), "dir");
  for (const [chemin, contenu] of Object.entries(fichiers)) {
    mkdirSync(join(arbre, dirname(chemin)), { recursive: true });
    writeFileSync(join(arbre, chemin), contenu);
  }
  const { tsConfig: _tsConfig, ...options } = config.options ?? {};
  const { output } = await cruise(Object.keys(fichiers), {
    ...options,
    baseDir: arbre,
    validate: true,
    ruleSet: { forbidden: config.forbidden ?? [] },
  });
  return (output as ICruiseResult).summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
};

describe("dependency rules of support/src", () => {
  it("forbid Node builtins, nodemailer and the adapters in the pure domain", async () => {
    const v = await violations({
      "support/src/a/a.ts": 'import { readFileSync } from "node:fs";\nimport nodemailer from "nodemailer";\nimport { b } from "../adapters/b.js";\nexport const f = [readFileSync, nodemailer, b];\n',
      "support/src/adapters/b.ts": "export const b = 1;\n",
    });
    expect(v.some((l) => l.startsWith("support-builtins-forbidden: support/src/a/a.ts"))).toBe(true);
    expect(v.some((l) => l.startsWith("support-is-pure: support/src/a/a.ts →") && l.includes("node_modules/nodemailer/"))).toBe(true);
    expect(v).toContain("support-is-pure: support/src/a/a.ts → support/src/adapters/b.ts");
  });

  it("let the adapters do I/O", async () => {
    const v = await violations({
      "support/src/adapters/smtp.ts": 'import { readFileSync } from "node:fs";\nimport nodemailer from "nodemailer";\nexport const f = [readFileSync, nodemailer];\n',
    });
    expect(v).toEqual([]);
  });
});
