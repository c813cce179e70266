/** Dependency rules: core is a pure library; nothing reaches into another package's internals. */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "core-is-pure",
      comment:
        "core/src does no I/O and knows no framework: no node:* builtins, no persistence, no web framework, no back-office or support code.",
      severity: "error",
      from: { path: "^core/src" },
      to: {
        pathNot: "^core/src",
        dependencyTypesNot: ["type-only"],
        path: "^(node:|fs|path|os|crypto|child_process|http|https|net|stream|url|worker_threads|process)$|node_modules/(@mikro-orm|express|adminjs|@adminjs|sqlite3|pg|knex|nodemailer)/|^(backoffice|support)/",
      },
    },
    {
      name: "core-builtins-forbidden",
      comment: "No Node.js builtin module may be imported from core/src (I/O lives in adapters).",
      severity: "error",
      from: { path: "^core/src", pathNot: "\\.test\\.ts$" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "core-dependencies-whitelist",
      comment:
        "core/src may only depend on effect, xstate and small pure libraries listed here; tests may also use vitest, fast-check and @xstate/graph.",
      severity: "error",
      from: { path: "^core/src", pathNot: "\\.test\\.ts$|/test-support/" },
      to: {
        dependencyTypes: ["npm", "npm-dev", "npm-optional", "npm-peer", "npm-no-pkg", "npm-unknown"],
        pathNot: "node_modules/(effect|xstate|@noble/hashes|ibantools|temporal-polyfill)/",
      },
    },
    {
      name: "core-test-dependencies",
      severity: "error",
      from: { path: "^core/src/.*(\\.test\\.ts$|/test-support/)" },
      to: {
        dependencyTypes: ["npm", "npm-dev", "npm-optional", "npm-peer", "npm-no-pkg", "npm-unknown"],
        pathNot: "node_modules/(effect|xstate|@noble/hashes|ibantools|temporal-polyfill|vitest|@vitest|fast-check|@xstate/graph)/",
      },
    },
    {
      name: "support-is-pure",
      comment:
        "support/src is a pure domain like core/src: no node:* builtins, no persistence, no web framework, no mailer; I/O lives in support/src/adapters/ only.",
      severity: "error",
      from: { path: "^support/src", pathNot: "^support/src/adapters/" },
      to: {
        pathNot: "^support/src/(?!adapters/)",
        dependencyTypesNot: ["type-only"],
        path: "^(node:|fs|path|os|crypto|child_process|http|https|net|stream|url|worker_threads|process)$|node_modules/(@mikro-orm|express|adminjs|@adminjs|sqlite3|pg|knex|nodemailer)/|^(backoffice)/|^support/src/adapters/",
      },
    },
    {
      name: "support-builtins-forbidden",
      comment: "No Node.js builtin module may be imported from support/src outside its adapters.",
      severity: "error",
      from: { path: "^support/src", pathNot: "^support/src/adapters/|\\.test\\.ts$" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "no-deep-import-into-core",
      comment: "Other packages use core's public modules only (its exports map), never core/src internals.",
      severity: "error",
      from: { pathNot: "^core/" },
      to: { path: "^core/src/", pathNot: "^core/src/[^/]+/index\\.ts$|^core/src/index\\.ts$" },
    },
    {
      name: "modules-through-their-index",
      comment: "An aggregate's folder is entered through its index.ts; siblings do not reach into each other's files.",
      severity: "error",
      from: { path: "^core/src/([^/]+)/" },
      to: {
        path: "^core/src/([^/]+)/.+",
        pathNot: ["^core/src/$1/", "^core/src/[^/]+/index\\.ts$"],
      },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(core|backoffice|support|examples)/(dist|\\.adminjs|data)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["source", "import", "types", "default"],
      extensions: [".ts", ".js"],
    },
    combinedDependencies: true,
  },
};
