import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Orm } from "../src/base/orm.js";
import { lireInstant, sqlDe } from "../src/base/sql.js";
import { IMAGES, capturePageEntiere, debordementsLateraux, present, ouvrirBanc, type Banc } from "./navigateur.js";
import { LIBELLES_CATEGORIES } from "../src/admin/memoires/libelles.js";

/**
 * Browser end-to-end tests: the real server (pre-bundled components, SQLite file with the demo data)
 * driven by headless Chromium. Screenshots of the list, the show page and the dashboard go to
 * docs/images/. Skipped (loudly) only when /usr/bin/chromium is absent and CI is not "true".
 */

let banc: Banc | undefined;
let horsServeur: Array<string> = [];
let page: Page;
let orm: Orm;
let base: string;

const connecter = (id: string, motDePasse?: string): Promise<void> => banc!.connecter(id, motDePasse);

const etat = async (id: string) => {
  const [m] = await sqlDe(orm).lignes<{ etat: string; redressements: string; taxation: string | null; montantTtc: string; montantModifie: unknown }>(
    `SELECT etat, redressements, taxation, montant_ttc AS "montantTtc", montant_modifie AS "montantModifie" FROM memoire WHERE id = ?`,
    [id],
  );
  return m;
};

/** A mémoire of the juridiction in a state, billed by an interpreter: its lines are all tariffed (certifiable whatever the amount). */
const choisir = async (etatMemoire: string, juridiction = "750"): Promise<string> => {
  const [m] = await sqlDe(orm).lignes<{ id: string }>(
    `SELECT id FROM memoire WHERE etat = ? AND juridiction_code = ? AND categorie_prestataire = 'INTERPRETE_TRADUCTEUR' ORDER BY envoye_le LIMIT 1`,
    [etatMemoire, juridiction],
  );
  if (m === undefined) throw new Error(`aucun mémoire ${etatMemoire} à ${juridiction} dans les données de démonstration`);
  return m.id;
};

describe.skipIf(!present)("back-office in a browser (headless Chromium)", () => {
  beforeAll(async () => {
    banc = await ouvrirBanc("fj-e2e-");
    ({ page, orm, base, horsServeur } = banc);
  }, 120_000);

  afterAll(() => banc?.fermer());

  it("a greffier signs in, sees the dashboard, filters the list, opens a mémoire and certifies it with a redressement", async () => {
    await connecter("demo-greffier-paris");
    await page.waitForSelector("[data-testid=tableau-de-bord] svg");
    await page.screenshot({ path: join(IMAGES, "backoffice-tableau-de-bord.png"), fullPage: true });
    // A bar of the états chart opens the list of that état.
    await page.click('[data-testid="lien-À taxer"]');
    await page.waitForSelector("tr[data-id]");
    expect(new URL(page.url()).searchParams.get("filters.etat")).toBe("A_TAXER");
    await expect.poll(() => page.locator('tr[data-id] td[data-property-name="etat"]').allInnerTexts()).toContain("À taxer");
    expect(new Set(await page.locator('tr[data-id] td[data-property-name="etat"]').allInnerTexts())).toEqual(new Set(["À taxer"]));

    await page.goto(`${base}/admin/resources/memoires?filters.etat=MIS_A_DISPOSITION&filters.juridictionCode=750&sortBy=envoyeLe&direction=asc`);
    await page.waitForSelector("tr[data-id]");
    const lignes = await page.locator("tr[data-id]").count();
    expect(lignes).toBeGreaterThan(0);
    await expect.poll(() => page.locator("tbody").innerText()).toContain("Mis à disposition");
    await page.screenshot({ path: join(IMAGES, "backoffice-liste.png"), fullPage: true });
    // Every column in view on a 1440-pixel screen: no box around the table scrolls sideways.
    expect(page.viewportSize()?.width).toBe(1440);
    expect(await debordementsLateraux(page.locator("table").first())).toEqual([]);
    // The first row's date as the show page writes it (French, Europe/Paris whatever the browser's
    // zone), its numéro whole on one line.
    const premiere = page.locator("tr[data-id]").first();
    const [stockee] = await sqlDe(orm).lignes<{ numero: string; envoyeLe: unknown }>(`SELECT numero, envoye_le AS "envoyeLe" FROM memoire WHERE id = ?`, [await premiere.getAttribute("data-id")]);
    const attendue = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "short" }).format(lireInstant(stockee?.envoyeLe));
    expect(await premiere.locator('td[data-property-name="envoyeLe"]').innerText()).toBe(attendue);
    const numero = premiere.locator('td[data-property-name="numero"]');
    expect((await numero.innerText()).trim()).toBe(stockee?.numero);
    type Boite = { readonly width: number; readonly top: number };
    type Cellule = { readonly ownerDocument: { createRange(): { selectNodeContents(n: unknown): void; getClientRects(): ArrayLike<Boite> } } };
    const lignesDuNumero = await numero.evaluate((td: Cellule) => {
      const r = td.ownerDocument.createRange();
      r.selectNodeContents(td);
      return new Set(Array.from(r.getClientRects()).filter((x) => x.width > 0).map((x) => Math.round(x.top))).size;
    });
    expect(lignesDuNumero).toBe(1);

    // The documentation's show page: a mémoire of the juridiction its magistrat taxed below the
    // request (the demo data has some), so that the picture shows retained amounts, « montant
    // modifié » and a history with the ordonnance's motif and amounts.
    const [taxe] = await sqlDe(orm).lignes<{ id: string }>(
      `SELECT m.id FROM memoire m WHERE m.juridiction_code = '750' AND m.montant_modifie = ? AND m.etat = 'TAXE' ORDER BY m.numero LIMIT 1`,
      [true],
    );
    if (taxe === undefined) throw new Error("aucun mémoire de Paris taxé en dessous de la demande dans les données de démonstration");
    await page.goto(`${base}/admin/resources/memoires/records/${taxe.id}/show`);
    await page.waitForSelector("[data-testid=historique]");
    expect(await page.locator("[data-testid=historique]").innerText()).toContain("Taxation");
    // The réquisition the prestataire sent with it: listed in French, downloaded as the PDF it is.
    const lien = page.locator('a[href*="/pieces-jointes/"]').first();
    expect(await lien.innerText()).toMatch(/^Réquisition — affaire \d{4}\/\d{5}$/);
    expect(await page.locator("[data-testid=memoire-detail]").innerText()).toContain("(Réquisition, requisition-");
    const telechargement = await page.request.get(new URL(String(await lien.getAttribute("href")), base).toString());
    expect(telechargement.status()).toBe(200);
    expect(telechargement.headers()["content-type"]).toBe("application/pdf");
    expect((await telechargement.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // Its fourteen line columns in view too.
    expect(await debordementsLateraux(page.locator("[data-testid=lignes]"))).toEqual([]);
    await capturePageEntiere(page, join(IMAGES, "backoffice-memoire.png"));

    const id = await choisir("MIS_A_DISPOSITION");
    await page.goto(`${base}/admin/resources/memoires/records/${id}/show`);
    await page.waitForSelector("[data-testid=memoire-detail]");
    // The demo mémoire's certificat de dépôt matches it (core's verifierCertificat).
    expect(await page.locator("[data-testid=certificat]").innerText()).toContain("Empreinte vérifiée");

    await page.click('[data-testid="action-certifier"]');
    await page.waitForSelector("[data-testid=formulaire-action]");
    // The form speaks French: the action's label, not its name.
    expect(await page.locator("[data-testid=formulaire-action] h2").innerText()).toMatch(/^Certifier — MJ\d{10}$/);
    expect(await page.locator("[data-testid=valider-action]").innerText()).toBe("Certifier");
    await page.fill("[data-testid=quantite-1]", "1");
    await page.fill("[data-testid=motif-1]", "Une seule heure justifiée");
    await page.click("[data-testid=valider-action]");
    await page.waitForSelector("[data-testid=memoire-detail]");
    await expect.poll(() => page.locator("[data-testid=memoire-etat]").innerText()).toBe("Certifié");
    await expect.poll(() => page.locator("[data-testid=historique]").innerText()).toContain("Certification");
    const stocke = await etat(id);
    expect(stocke?.etat).toBe("CERTIFIE");
    expect(stocke?.redressements).toContain("Une seule heure justifiée");
  }, 120_000);

  it("the list and the show page name the prestataire and the catégorie; the juridiction filter offers the agent's juridictions", async () => {
    await connecter("demo-greffier-paris");
    // A mémoire of the greffier's juridiction whose prestataire is a known structure (persistence seed).
    const [m] = await sqlDe(orm).lignes<{ id: string; numero: string; raisonSociale: string; categorie: string | null }>(
      `SELECT m.id, m.numero, s.raison_sociale AS "raisonSociale", m.categorie_prestataire AS "categorie" FROM memoire m JOIN structure s ON s.id = m.structure_id
        WHERE m.juridiction_code = '750' AND m.etat NOT IN ('BROUILLON', 'SUPPRIME') ORDER BY m.numero LIMIT 1`,
    );
    if (m === undefined) throw new Error("aucun mémoire de Paris avec un prestataire connu dans les données de démonstration");
    const categorie = LIBELLES_CATEGORIES[m.categorie as keyof typeof LIBELLES_CATEGORIES];
    await page.goto(`${base}/admin/resources/memoires?filters.prestataire=${encodeURIComponent(m.raisonSociale.toUpperCase())}&filters.numero=${m.numero}`);
    await page.waitForSelector(`tr[data-id="${m.id}"]`);
    const ligne = await page.locator(`tr[data-id="${m.id}"]`).innerText();
    expect(ligne).toContain(m.raisonSociale);
    if (categorie !== undefined) expect(ligne).toContain(categorie);
    expect(ligne).not.toContain(String(m.categorie));

    await page.click('[data-css="memoires-filter-button"]');
    await page.waitForSelector("[data-testid=filtre-juridiction] option[value='750']", { state: "attached" });
    const choix = await page.locator("[data-testid=filtre-juridiction] option").allInnerTexts();
    expect(choix).toContain("750 - Tribunal judiciaire de Paris");
    expect(choix.some((c) => c.startsWith("690"))).toBe(false);
    // The drop-down lists of the filters speak French too (react-select's own texts are outside AdminJS's locale).
    await expect.poll(() => page.locator("body").innerText()).toContain("Choisir…");
    expect(await page.locator("body").innerText()).not.toContain("Select...");
    const liste = page.locator('[class*="-control"] input').first();
    await liste.click();
    await liste.pressSequentially("zzzz");
    await expect.poll(() => page.locator("body").innerText()).toContain("Aucun choix");
    expect(await page.locator("body").innerText()).not.toContain("No options");
    // And what they say to screen readers (react-select's live region).
    await expect.poll(() => page.locator("#aria-results").first().textContent()).toBe("0 choix disponible pour « zzzz ».");
    for (const message of await page.locator("#aria-selection, #aria-focused, #aria-results, #aria-guidance").allTextContents())
      expect(message).not.toMatch(/\b(Use|press|results?|available|option|selected|focused)\b/);
    await liste.press("Escape");
    expect(await page.locator("label[for=filtre-juridiction]").innerText()).toBe("Juridiction");
    // The date filter: a French calendar from Monday, a Paris day typed JJ/MM/AAAA, included whole.
    const [depot] = await sqlDe(orm).lignes<{ envoyeLe: unknown }>(`SELECT envoye_le AS "envoyeLe" FROM memoire WHERE id = ?`, [m.id]);
    const jourDepot = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris" }).format(lireInstant(depot?.envoyeLe));
    for (const borne of ["from", "to"]) {
      const champ = page.locator(`[data-testid=filtre-date-envoyeLe-${borne}] input`);
      await champ.click();
      expect(await page.locator(".react-datepicker__day-names .react-datepicker__day-name").allInnerTexts()).toEqual(["lu", "ma", "me", "je", "ve", "sa", "di"]);
      expect(await page.locator(".react-datepicker__current-month").innerText()).toMatch(/^(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}$/);
      await champ.pressSequentially(jourDepot.replaceAll("/", ""));
      await champ.press("Escape");
      expect(await champ.inputValue()).toBe(jourDepot);
    }
    await page.getByRole("button", { name: "Appliquer" }).click();
    const [j, mo, a] = jourDepot.split("/");
    await expect.poll(() => new URL(page.url()).searchParams.get("filters.envoyeLe~~to")).toBe(`${a}-${mo}-${j}`);
    await page.waitForSelector(`tr[data-id="${m.id}"]`);
    for (const date of await page.locator('tr[data-id] td[data-property-name="envoyeLe"]').allInnerTexts()) expect(date.startsWith(jourDepot)).toBe(true);
    // A hand-edited URL whose day cannot be read: the list says that criterion is not applied.
    await page.goto(`${base}/admin/resources/memoires?filters.envoyeLe~~from=31%2F02%2F2026`);
    await page.waitForSelector("tr[data-id]");
    await expect.poll(() => page.getByText("Date illisible, critère non appliqué — Date de dépôt (du) « 31/02/2026 »").count()).toBe(1);

    await page.goto(`${base}/admin/resources/memoires/records/${m.id}/show`);
    await page.waitForSelector("[data-testid=memoire-detail]");
    expect(await page.locator("[data-testid=memoire-prestataire]").innerText()).toContain(m.raisonSociale);
    if (categorie !== undefined) expect(await page.locator("[data-testid=memoire-categorie]").innerText()).toContain(categorie);
    const lignes = await page.locator("[data-testid=lignes]").innerText();
    // Every term of a line's amount is a column: quantité × tarif HT + frais divers − remise, then débours.
    for (const colonne of ["Quantité", "Tarif HT", "Frais divers", "Remise", "HT demandé", "HT retenu", "Débours", "TTC"]) expect(lignes).toContain(colonne);
    // Autorités requérantes by their French names, never core's codes.
    expect(lignes).not.toMatch(/OFFICIER_POLICE_JUDICIAIRE|PROCUREUR_REPUBLIQUE|JUGE_INSTRUCTION|TRIBUNAL_CORRECTIONNEL/);
  }, 120_000);

  it("a magistrat taxes another mémoire: new état, taxed amounts and history on the page and in the database", async () => {
    await connecter("demo-magistrat-paris");
    const id = await choisir("A_TAXER");
    await page.goto(`${base}/admin/resources/memoires/records/${id}/show`);
    await page.waitForSelector("[data-testid=memoire-detail]");
    await page.click('[data-testid="action-taxer"]');
    await page.waitForSelector("[data-testid=formulaire-action]");
    // The other lines keep their pre-filled requested amounts ("364,07": a decimal comma, as typed here).
    expect(await page.inputValue("[data-testid=taxe-1]")).toMatch(/^\d+,\d{2}$/);
    await page.fill("[data-testid=taxe-1]", "12,34");
    await page.fill("[data-testid=motif]", "Tarif horaire appliqué");
    await page.click("[data-testid=valider-action]");
    await page.waitForSelector("[data-testid=memoire-detail]");
    await expect.poll(() => page.locator("[data-testid=memoire-etat]").innerText()).toBe("Taxé");
    await expect.poll(() => page.locator("[data-testid=lignes]").innerText()).toContain("12,34");
    await expect.poll(() => page.locator("[data-testid=historique]").innerText()).toContain("Taxation");
    const stocke = await etat(id);
    expect(stocke?.etat).toBe("TAXE");
    expect(stocke?.taxation).toContain("Tarif horaire appliqué");
    // The amount changed: the prestataire's notice was written with the taxation, and the page lists it
    // (no SMTP server in the demo: it waits in the outbox).
    const avis = await sqlDe(orm).lignes<{ destinataire: string }>("SELECT destinataire FROM notification_memoire WHERE memoire_id = ?", [id]);
    expect(avis.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator("[data-testid=avis-prestataire]").innerText()).toContain("En attente d'envoi");
    expect(await page.locator("[data-testid=avis-envoi]").count()).toBe(avis.length);
    expect(await page.locator("[data-testid=avis-prestataire]").innerText()).toContain(avis[0]?.destinataire ?? "?");
    expect(await page.locator("[data-testid=avis-notification]").innerText()).toContain("Notification par le greffe non encore constatée");
    // The greffier records the day the prestataire received it (the form proposes today, in Paris).
    await connecter("demo-greffier-paris");
    await page.goto(`${base}/admin/resources/memoires/records/${id}/show`);
    await page.waitForSelector("[data-testid=memoire-detail]");
    await page.click('[data-testid="action-constater-notification-taxe"]');
    await page.waitForSelector("[data-testid=formulaire-action]");
    await page.click("[data-testid=valider-action]");
    await page.waitForSelector("[data-testid=memoire-detail]");
    await expect.poll(() => page.locator("[data-testid=avis-notification]").innerText()).toMatch(/^Notification reçue par le prestataire le \d{2}\/\d{2}\/\d{4} : délai de recours jusqu'au \d{2}\/\d{2}\/\d{4} inclus/);
    expect(await page.locator("[data-testid=historique]").innerText()).toContain("Notification de l'ordonnance de taxe constatée");
    expect((await etat(id))?.taxation).toContain("notifieeLe");
    // The prestataire appeals at the greffe the same day; the greffier records it, then the chambre de
    // l'instruction's reformation of the first line (its form pre-fills the ordonnance's amounts).
    await page.click('[data-testid="action-constater-recours-taxe"]');
    await page.waitForSelector("[data-testid=formulaire-action]");
    await page.selectOption("[data-testid=par]", "PARTIE_PRENANTE");
    await page.fill("[data-testid=commentaire]", "Déclaration au greffe");
    await page.click("[data-testid=valider-action]");
    await page.waitForSelector("[data-testid=memoire-detail]");
    await expect.poll(() => page.locator("[data-testid=recours-taxe]").innerText()).toContain("par le prestataire devant la chambre de l'instruction (Déclaration au greffe) — en attente de la décision");
    await page.click('[data-testid="action-constater-decision-recours"]');
    await page.waitForSelector("[data-testid=formulaire-action]");
    await page.selectOption("[data-testid=sens]", "REFORMATION");
    expect(await page.inputValue("[data-testid=reforme-1]")).toBe("12,34");
    await page.fill("[data-testid=reforme-1]", "20,00");
    await page.fill("[data-testid=motif]", "Arrêt n° 26/0042");
    await page.click("[data-testid=valider-action]");
    await page.waitForSelector("[data-testid=memoire-detail]");
    await expect.poll(() => page.locator("[data-testid=recours-taxe]").innerText()).toContain("ordonnance réformée — Arrêt n° 26/0042");
    await expect.poll(() => page.locator("[data-testid=lignes]").innerText()).toContain("20,00");
    expect(await page.locator("[data-testid=historique]").innerText()).toContain("Décision de la chambre de l'instruction sur le recours");
    const [ligne] = await sqlDe(orm).lignes<{ montantHt: string }>(`SELECT montant_ht AS "montantHt" FROM ligne_prestation WHERE memoire_id = ? AND rang = 0`, [id]);
    expect(ligne?.montantHt).toBe("20.00");
    expect((await etat(id))?.taxation).toContain("REFORMATION");
  }, 120_000);

  it("a comptable's payment form proposes today's date in Paris: at 00:30 on 21/11 in Paris, UTC still says 20/11", async () => {
    await connecter("demo-comptable-paris");
    const id = await choisir("VALIDE");
    await page.clock.setFixedTime(new Date("2026-11-20T23:30:00Z"));
    await page.goto(`${base}/admin/resources/memoires/records/${id}/mettre-en-paiement`);
    await page.waitForSelector("[data-testid=formulaire-action]");
    expect(await page.locator("[data-testid=date]").inputValue()).toBe("2026-11-21");
  }, 120_000);

  it("an agent of another juridiction gets no access to a Paris mémoire", async () => {
    const id = await choisir("MIS_A_DISPOSITION");
    await connecter("demo-greffier-lyon");
    const reponse = await page.goto(`${base}/admin/resources/memoires/records/${id}/show`);
    expect(reponse?.status()).toBe(404);
    // A page in French that says why and leads back, nothing about the mémoire.
    expect(await page.locator("h1").innerText()).toBe("Introuvable");
    expect(await page.locator("body").innerText()).toContain("Mémoire introuvable.");
    expect(await page.locator("a").getAttribute("href")).toBe("/admin");
    const api = await page.request.get(`${base}/admin/api/resources/memoires/records/${id}/show`);
    expect(api.status()).toBe(404);
    await page.goto(`${base}/admin/resources/memoires?filters.juridictionCode=750`);
    await page.waitForLoadState("networkidle");
    expect(await page.locator("tr[data-id]").count()).toBe(0);
  }, 120_000);

  it("when the session ends while the agent works, the warning is in French and leads to the sign-in page", async () => {
    await connecter("demo-greffier-paris");
    await page.goto(`${base}/admin/resources/memoires?filters.aTraiter=oui&sortBy=envoyeLe&direction=asc`);
    await page.waitForSelector("tr[data-id]");
    // The session ends on the server (8 hours, sign-out elsewhere): the screen's next request finds it gone.
    await sqlDe(orm).lignes("DELETE FROM session_admin WHERE donnees LIKE ?", ['%"demo-greffier-paris"%']);
    const dialogue = page.waitForEvent("dialog");
    // Opening a row stays in the page (no new document): the show page asks the server for the record.
    await page.locator('tr[data-id] td[data-property-name="numero"]').first().click();
    const alerte = await dialogue;
    expect(alerte.message()).toBe("Votre session a expiré. Vous allez être redirigé vers la page de connexion.");
    await alerte.accept();
    await page.waitForURL(/\/admin\/login$/);
  }, 120_000);

  it("five failed logins lock the account: the right password is then refused", async () => {
    for (let i = 0; i < 5; i += 1) await connecter("demo-comptable-paris", "mauvais-mot-de-passe");
    await connecter("demo-comptable-paris");
    expect(page.url()).toContain("/admin/login");
    expect(await page.locator("body").innerText()).toContain("Adresse électronique ou mot de passe incorrect");
  }, 120_000);

  it("no page asked anything of another server, and none had something blocked by its Content-Security-Policy", () => {
    expect(horsServeur).toEqual([]);
  });
});
