import { defineConfig } from "vitest/config";
import type { Reporter, TestModule } from "vitest/node";

/** Prints the plain closing line `N passed, N failed` that CI reads, after vitest's own summary. */
class LigneDeCloture implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed += 1;
        else if (state === "failed") failed += 1;
        else skipped += 1;
      }
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}\n`);
  }
}

export default defineConfig({
  resolve: { conditions: ["source", "import", "module", "node", "default"] },
  // Also passed to the test workers as `node --conditions`: "import"/"module" there would make `require()` of
  // dual packages (pg-pool) load their ESM build; Vite adds import/require itself when resolving.
  ssr: { resolve: { conditions: ["source", "node", "default"] } },
  test: {
    include: ["core/**/*.test.ts", "examples/**/*.test.ts", "backoffice/**/*.test.ts", "support/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    reporters: ["default", new LigneDeCloture()],
    testTimeout: 60_000,
  },
});
