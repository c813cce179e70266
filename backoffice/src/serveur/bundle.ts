/**
 * Pre-bundles the back-office's React components into `backoffice/.adminjs/` (production mode), so the
 * server starts with ADMIN_JS_SKIP_BUNDLE=true and never races its own bundling.
 *   NODE_ENV=production node --conditions=source --import tsx backoffice/src/serveur/bundle.ts
 * NODE_ENV is read by AdminJS at import time: it is set before AdminJS is loaded.
 */
process.env["NODE_ENV"] ??= "production";
const { RACINE_BACKOFFICE } = await import("../base/configuration.js");
process.chdir(RACINE_BACKOFFICE);
const { creerAdmin } = await import("../admin/admin.js");
const debut = Date.now();
await creerAdmin().initialize();
process.stdout.write(`composants du back-office empaquetés dans ${RACINE_BACKOFFICE}/.adminjs (${Date.now() - debut} ms)\n`);
