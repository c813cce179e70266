/**
 * Starts the back-office: opens the database of the configuration (SQLite file by default,
 * PostgreSQL with DATABASE_URL=postgresql://…), applies the migrations, loads the demo data on an
 * empty database, and serves http://localhost:$PORT/admin (PORT, default 3000).
 * Run `npm run build` first: the components are pre-bundled (ADMIN_JS_SKIP_BUNDLE=true here).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";

process.env["ADMIN_JS_SKIP_BUNDLE"] ??= "true";
process.env["NODE_ENV"] ??= "production";
const { RACINE_BACKOFFICE, lireConfiguration } = await import("../base/configuration.js");
// AdminJS reads and serves `.adminjs/` relative to the working directory.
process.chdir(RACINE_BACKOFFICE);
if (process.env["ADMIN_JS_SKIP_BUNDLE"] === "true" && !existsSync(join(RACINE_BACKOFFICE, ".adminjs", "bundle.js"))) {
  process.stderr.write("Composants non empaquetés : lancez d'abord `npm run build` (ou `npm run bundle -w backoffice`).\n");
  process.exit(1);
}
const { ouvrirOrm } = await import("../base/orm.js");
const { creerApplication } = await import("./application.js");
const { chargerDemo } = await import("./demo.js");
const { semerAuPremierDemarrage } = await import("../seed/jeu.js");

const config = lireConfiguration();
const orm = await ouvrirOrm(config);
if (process.env["FJ_DEMO"] !== "non") {
  // First run: the persistence seed (organisation and a first set of mémoires), then the back-office's
  // demo agents with their passwords and recent mémoires waiting for each court role.
  const jeu = await semerAuPremierDemarrage(orm);
  if (jeu !== undefined) process.stdout.write(`Jeu de données initial : ${jeu.structures} structures, ${jeu.memoires} mémoires.\n`);
  // Each demo mémoire comes with the réquisition of its first line, in the attachment store the back-office serves.
  const { StockagePieces, dossierPiecesParDefaut } = await import("../pieces-jointes/stockage.js");
  if (await chargerDemo(orm, { pieces: new StockagePieces(dossierPiecesParDefaut()) })) process.stdout.write("Comptes de démonstration créés (voir docs/backoffice.md).\n");
}
// Support tickets: demo tickets on first start, the auto-close scheduler and the outbox delivery.
const { demarrerSupport } = await import("../support/service.js");
const support = await demarrerSupport(orm, { demo: process.env["FJ_DEMO"] !== "non" });
const secret = process.env["SESSION_SECRET"];
const { app } = await creerApplication({ orm, ...(secret === undefined ? {} : { secret }), production: process.env["FJ_HTTPS"] === "oui" });
const port = Number(process.env["PORT"] ?? 3000);
const serveur = app.listen(port, () => {
  process.stdout.write(`Back-office des frais de justice : http://localhost:${port}/admin (${config.dialecte === "sqlite" ? `SQLite ${config.fichier}` : "PostgreSQL"})\n`);
});
const arreter = () => {
  serveur.close(() => void support.arreter().then(() => orm.close(true)).then(() => process.exit(0)));
};
process.on("SIGINT", arreter);
process.on("SIGTERM", arreter);
