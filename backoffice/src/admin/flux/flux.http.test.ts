import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Either } from "effect";
import type { Response } from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importerFlux } from "../../flux/flux.import.js";
import { preparerEmetteur } from "../../flux/flux.test-support.js";
import type { Orm } from "../../base/orm.js";
import { sqlDe } from "../../base/sql.js";
import { StockagePieces } from "../../pieces-jointes/stockage.js";
import type { Application } from "../../serveur/application.js";
import { banc, connecter } from "../../serveur/test-support.js";

/** The lots list of the back-office over HTTP: who sees it, what a row and the show page carry, nothing writable. */
const EXEMPLE = fileURLToPath(new URL("../../../../examples/flux/lot-exemple.xml", import.meta.url));
type Client = Awaited<ReturnType<typeof connecter>>;
let orm: Orm;
let application: Application;
let detruire: () => Promise<void>;
let dossier: string;
const corps = (r: Response) => r.body as { records?: Array<{ id: string; params: Record<string, unknown> }>; record?: { params: Record<string, unknown> } };

beforeAll(async () => {
  ({ orm, application, detruire } = await banc());
  dossier = mkdtempSync(join(tmpdir(), "fj-admin-flux-"));
  await preparerEmetteur(orm, false); // the demo data hold juridiction 750
  const issue = await importerFlux({ orm, stockage: new StockagePieces(join(dossier, "pieces")), fichier: EXEMPLE, canal: "CLI", maintenant: () => new Date("2026-11-02T10:00:00Z") });
  if (Either.isLeft(issue) || issue.right.type !== "traite") throw new Error("dépôt de l'exemple impossible");
}, 60_000);
afterAll(async () => {
  await detruire();
  rmSync(dossier, { recursive: true, force: true });
});

describe("lots déposés (back-office)", () => {
  let admin: Client;
  beforeAll(async () => {
    admin = await connecter(application, "demo-administrateur");
  });

  it("lists the lots with their émetteur, status and counts, and filters on the status", async () => {
    const r = await admin.get("/admin/api/resources/lots/actions/list");
    expect(r.status).toBe(200);
    expect(corps(r).records?.map((x) => x.params)).toEqual([
      expect.objectContaining({ id: "EXEMPLE-2026-0001", emetteurIdentifiant: "73282932000074", statut: "IN_INTEGRE_PARTIEL", nombreMemoires: 2, nombreIntegres: 1, nombreRejetes: 1 }),
    ]);
    const filtre = await admin.get("/admin/api/resources/lots/actions/list?filters.statut=IN_REJETE");
    expect(corps(filtre).records).toEqual([]);
    // Equality, not a substring: IN_INTEGRE does not match IN_INTEGRE_PARTIEL.
    expect(corps(await admin.get("/admin/api/resources/lots/actions/list?filters.statut=IN_INTEGRE")).records).toEqual([]);
    expect(corps(await admin.get("/admin/api/resources/lots/actions/list?filters.statut=IN_INTEGRE_PARTIEL")).records?.map((x) => x.id)).toEqual(["EXEMPLE-2026-0001"]);
  });

  it("shows the compte rendu and the status history on the lot's page", async () => {
    const r = await admin.get("/admin/api/resources/lots/records/EXEMPLE-2026-0001/show");
    expect(r.status).toBe(200);
    const p = corps(r).record?.params ?? {};
    // The path the file was read from stays on the server (neither on the page nor in the list).
    expect(p["fichier"]).toBeUndefined();
    expect(r.text).not.toContain(EXEMPLE);
    expect((await admin.get("/admin/api/resources/lots/actions/list")).text).not.toContain(EXEMPLE);
    expect(String(p["compteRendu"])).toContain("Mémoire 0 (ligne 7) : intégré, MJ");
    expect(String(p["compteRendu"])).toContain("lignes[0].tauxTva : taux de TVA 7 non autorisé");
    expect(String(p["historique"]).split("\n").map((l) => l.replace(/^.* — /, ""))).toEqual([
      "lot.recevoir : IN_RECU",
      "lot.traiter : IN_RECU → IN_EN_COURS_TRAITEMENT",
      "lot.terminer : IN_EN_COURS_TRAITEMENT → IN_INTEGRE_PARTIEL",
    ]);
  });

  it("is not writable through the generic actions, and not readable by a greffier", async () => {
    // AdminJS answers a forbidden action with a ForbiddenError notice.
    const suppression = await admin.post("/admin/api/resources/lots/records/EXEMPLE-2026-0001/delete");
    expect(suppression.body).toMatchObject({ notice: { message: "forbiddenError", type: "error" } });
    const creation = await admin.post("/admin/api/resources/lots/actions/new").send({ id: "X" });
    expect(creation.body).toMatchObject({ notice: { message: "forbiddenError", type: "error" } });
    expect(Number(Object.values((await sqlDe(orm).lignes("SELECT count(*) FROM flux_lot"))[0] ?? {})[0])).toBe(1);
    const greffier = await connecter(application, "demo-greffier-paris");
    const r = await greffier.get("/admin/api/resources/lots/actions/list");
    expect(corps(r).records ?? []).toEqual([]);
    expect(r.body).toMatchObject({ notice: { message: "forbiddenError" } });
    const page = await greffier.get("/admin/api/resources/lots/records/EXEMPLE-2026-0001/show");
    expect(corps(page).record?.params ?? {}).toEqual({});
  });
});
