/**
 * The dependency rules of .dependency-cruiser.cjs must bite: each forbidden import, written into a
 * throw-away tree, is reported under the rule that forbids it, and a clean tree passes (core and the
 * support domain are pure; the support adapters may do I/O).
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
  arbre = mkdtempSync(join(tmpdir(), "regles-"));
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

describe("dependency rules", () => {
  it("forbid Node builtins in core/src", async () => {
    const v = await violations({ "core/src/a/a.ts": 'import { readFileSync } from "node:fs";\nexport const f = readFileSync;\n' });
    expect(v.some((l) => l.startsWith("core-builtins-forbidden: core/src/a/a.ts"))).toBe(true);
  });

  it("forbid npm packages outside core's whitelist, and test tools outside tests", async () => {
    const v = await violations({
      "core/src/a/a.ts": 'import { expect } from "vitest";\nexport const f = expect;\n',
      "core/src/a/a.test.ts": 'import { expect } from "vitest";\nexport const f = expect;\n',
    });
    expect(v.some((l) => l.startsWith("core-dependencies-whitelist: core/src/a/a.ts → ") && l.includes("node_modules/vitest/"))).toBe(true);
    expect(v.filter((l) => l.includes("a.test.ts"))).toEqual([]);
  });

  it("forbid deep imports into core and into a sibling aggregate's files", async () => {
    const v = await violations({
      "core/src/a/index.ts": 'export { x } from "./a.model.js";\n',
      "core/src/a/a.model.ts": "export const x = 1;\n",
      "core/src/b/index.ts": 'import { x } from "../a/a.model.js";\nexport const y = x;\n',
      "examples/e.ts": 'import { x } from "../core/src/a/a.model.js";\nexport const z = x;\n',
    });
    expect(v).toContain("modules-through-their-index: core/src/b/index.ts → core/src/a/a.model.ts");
    expect(v).toContain("no-deep-import-into-core: examples/e.ts → core/src/a/a.model.ts");
  });

  it("forbid circular imports", async () => {
    const v = await violations({
      "core/src/a/index.ts": 'import { b } from "./b.js";\nexport const a = () => b;\n',
      "core/src/a/b.ts": 'import { a } from "./index.js";\nexport const b = () => a;\n',
    });
    expect(v.some((l) => l.startsWith("no-circular:"))).toBe(true);
  });

  it("accept a pure module that uses effect through a sibling's index", async () => {
    const v = await violations({
      "core/src/a/index.ts": 'import { Either } from "effect";\nexport const x = Either.right(1);\n',
      "core/src/b/index.ts": 'import { x } from "../a/index.js";\nexport const y = x;\n',
    });
    expect(v).toEqual([]);
  });

  it("forbid Node builtins, nodemailer and the adapters in the support domain", async () => {
    const v = await violations({
      "support/src/a/a.ts":
        'import { readFileSync } from "node:fs";\nimport nodemailer from "nodemailer";\nimport { b } from "../adapters/b.js";\nexport const f = [readFileSync, nodemailer, b];\n',
      "support/src/adapters/b.ts": "export const b = 1;\n",
    });
    expect(v.some((l) => l.startsWith("support-builtins-forbidden: support/src/a/a.ts"))).toBe(true);
    expect(v.some((l) => l.startsWith("support-is-pure: support/src/a/a.ts →") && l.includes("node_modules/nodemailer/"))).toBe(true);
    expect(v).toContain("support-is-pure: support/src/a/a.ts → support/src/adapters/b.ts");
  });

  it("let the support adapters do I/O", async () => {
    const v = await violations({
      "support/src/adapters/smtp.ts": 'import { readFileSync } from "node:fs";\nimport nodemailer from "nodemailer";\nexport const f = [readFileSync, nodemailer];\n',
    });
    expect(v).toEqual([]);
  });
});
