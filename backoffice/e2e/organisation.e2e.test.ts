import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Orm } from "../src/base/orm.js";
import { sqlDe } from "../src/base/sql.js";
import { EXEMPLE as E, ecrireExempleOrganisation } from "../src/organisation/organisation.exemple.js";
import { IMAGES, capturePageEntiere, present, ouvrirBanc, type Banc } from "./navigateur.js";

/**
 * Browser end-to-end test of the organisation screens: the real server (pre-bundled components,
 * SQLite file with the demo data plus a fixed organisation) driven by headless Chromium, launched
 * as in `navigateur.e2e.test.ts`. The screenshot of a structure goes to docs/images/. Skipped
 * (loudly) only when /usr/bin/chromium is absent and CI is not "true".
 */

let banc: Banc | undefined;
let horsServeur: Array<string> = [];
let page: Page;
let orm: Orm;
let base: string;

const connecter = (id: string): Promise<void> => banc!.connecter(id);

const etatStocke = async () => ({
  coordonnees: await sqlDe(orm).lignes("SELECT id, active, version FROM coordonnee_bancaire WHERE structure_id = ? ORDER BY id", [E.structure]),
  mandats: await sqlDe(orm).lignes("SELECT id, statut, version FROM mandat WHERE structure_id = ? ORDER BY id", [E.structure]),
  audit: await sqlDe(orm).lignes("SELECT id FROM evenement_organisation WHERE structure_id = ?", [E.structure]),
});

describe.skipIf(!present)("organisation screens in a browser (headless Chromium)", () => {
  beforeAll(async () => {
    banc = await ouvrirBanc("fj-e2e-org-");
    ({ page, orm, base, horsServeur } = banc);
    await ecrireExempleOrganisation(orm);
  }, 180_000);

  afterAll(() => banc?.fermer());

  it("an administrator filters the structures, opens one, sees its bank details (IBAN masked), mandats and members; no management action is offered and a forged one changes nothing", async () => {
    await connecter("demo-administrateur");
    await page.goto(`${base}/admin/resources/structures?filters.categorie=INTERPRETE_TRADUCTEUR&filters.texte=coeur`);
    await page.waitForSelector(`tr[data-id="${E.structure}"]`);
    // French labels, not codes, in the list.
    await expect.poll(() => page.locator(`tr[data-id="${E.structure}"]`).innerText()).toContain("Interprète-traducteur");
    await page.click(`tr[data-id="${E.structure}"] td >> nth=1`);
    await page.waitForSelector("[data-testid=detail-structure]");
    const coordonnees = await page.locator("[data-testid=coordonnees-bancaires]").innerText();
    expect(coordonnees).toContain("FR76 •••• •••• •••• •••• •••0 189");
    expect(coordonnees).not.toContain("FR7630006000011234567890189");
    expect(coordonnees).toContain("Désactivée le 15/01/2025");
    const mandats = await page.locator("[data-testid=mandats]").innerText();
    expect(mandats).toContain("Signé (actif)");
    expect(mandats).toContain("Révoqué");
    expect(await page.locator("[data-testid=membres]").innerText()).toContain("Gestionnaire principal");
    await capturePageEntiere(page, join(IMAGES, "backoffice-structure.png"));

    // The role matrix gives no court-side role a structure's management actions: no button, and the page says so.
    expect(await page.locator("[data-testid=lecture-seule]").innerText()).toContain("Consultation seule");
    for (const action of ["desactiver-coordonnee", "reactiver-coordonnee", "revoquer-mandat", "revoquer-habilitation", "edit", "delete"]) {
      expect(await page.locator(`[data-testid="action-${action}"]`).count(), action).toBe(0);
    }
    const avant = await etatStocke();
    const forge = await page.request.post(`${base}/admin/api/resources/structures/records/${E.structure}/desactiver-coordonnee`, { data: { cible: E.coordonneeActive } });
    expect(forge.status()).toBe(403);
    expect(((await forge.json()) as { notice?: { message?: string } }).notice?.message).toMatch(/^Action refusée : .*n'est pas autorisé/);
    expect(await etatStocke()).toEqual(avant);
    await page.reload();
    await page.waitForSelector("[data-testid=detail-structure]");
    expect(await page.locator(`[data-testid="coordonnee-${E.coordonneeActive}"]`).innerText()).toContain("Active");
  }, 120_000);

  it("an administrator reads the agents' roles and perimeters in words, in the list and on an agent's page", async () => {
    await connecter("demo-administrateur");
    await page.goto(`${base}/admin/resources/Agent?perPage=100&sortBy=email&direction=asc`);
    const ligne = page.locator('tr[data-id="demo-support"]');
    await ligne.waitFor();
    await expect.poll(() => ligne.locator('td[data-property-name="roles"]').innerText()).toBe("Support");
    expect(await ligne.locator('td[data-property-name="perimetre"]').innerText()).toBe("Cours d'appel : CA-PARIS · Support national");
    expect(await page.locator('tr[data-id="demo-greffier-paris"] td[data-property-name="perimetre"]').innerText()).toBe("Juridictions : 750");
    expect(await ligne.locator('td[data-property-name="actif"]').innerText()).toBe("Oui");
    await page.goto(`${base}/admin/resources/Agent/records/demo-magistrat-paris/show`);
    const roles = page.locator('[data-testid="property-show-roles"]');
    await roles.waitFor();
    expect(await roles.innerText()).toContain("Magistrat taxateur");
    expect(await roles.innerText()).not.toContain("MAGISTRAT_TAXATEUR");
  }, 120_000);

  it("an administrator creates a juridiction through its form: core's refusal shown first, nothing written; then created and listed", async () => {
    await connecter("demo-administrateur");
    const stockee = async () => sqlDe(orm).lignes<{ libelle: string }>("SELECT libelle FROM juridiction WHERE code = '774'");
    await page.goto(`${base}/admin/resources/Juridiction/actions/new`);
    await page.getByLabel("Code", { exact: true }).waitFor();
    await page.getByLabel("Code", { exact: true }).fill("774");
    await page.getByLabel("Libellé").fill("Tribunal judiciaire de Meaux");
    await page.getByLabel("Cour d'appel (code)").fill("CA-INCONNUE");
    await page.click("button[type=submit]");
    await expect.poll(() => page.locator("form").innerText()).toContain("CA-INCONNUE");
    expect(await stockee()).toEqual([]);
    await page.getByLabel("Cour d'appel (code)").fill("CA-PARIS");
    await page.click("button[type=submit]");
    await page.waitForURL(/\/admin\/resources\/Juridiction$/);
    expect(await stockee()).toEqual([{ libelle: "Tribunal judiciaire de Meaux" }]);
  }, 120_000);

  it("the support opens a user: account state, rattachements and habilitations", async () => {
    await connecter("demo-support");
    await page.goto(`${base}/admin/resources/utilisateurs/records/${E.simple}/show`);
    await page.waitForSelector("[data-testid=detail-utilisateur]");
    const rattachements = await page.locator("[data-testid=rattachements]").innerText();
    expect(rattachements).toContain("Utilisateur simple");
    expect(rattachements).toContain("Frais de justice consultation");
    await page.goto(`${base}/admin/resources/utilisateurs/records/${E.verrouille}/show`);
    await page.waitForSelector("[data-testid=detail-utilisateur]");
    expect(await page.locator("[data-testid=etat-compte]").innerText()).toContain("Verrouillé jusqu'au");
  }, 120_000);

  it("a greffier has no organisation screen: no navigation entry, 403 on a guessed URL", async () => {
    await connecter("demo-greffier-paris");
    expect(await page.locator('a[href$="/admin/resources/structures"]').count()).toBe(0);
    const api = await page.request.get(`${base}/admin/api/resources/structures/records/${E.structure}/show`);
    expect(api.status()).toBe(403);
    expect(await api.text()).not.toContain("Cœur");
  }, 120_000);

  it("no page asked anything of another server, and none had something blocked by its Content-Security-Policy", () => {
    expect(horsServeur).toEqual([]);
  });
});
