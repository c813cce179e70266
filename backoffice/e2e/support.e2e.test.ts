import type { ActeurUtilisateur } from "@frais-justice/core/autorisation";
import type { Commande, Onglet, Ticket } from "@frais-justice/support";
import { Either } from "effect";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MESSAGE_CONFLIT } from "../src/admin/support/tickets.actions.js";
import type { Orm } from "../src/base/orm.js";
import { sqlDe } from "../src/base/sql.js";
import { StockagePieces } from "../src/pieces-jointes/stockage.js";
import { IMAGES, capturePageEntiere, present, ouvrirBanc, type Banc } from "./navigateur.js";
import { DepotTicketsSql } from "../src/support/depot-tickets.sql.js";
import type { DepotTickets } from "../src/support/depot-tickets.js";

/**
 * The support agents' screens in a browser: the real server (pre-bundled components, SQLite file with
 * the demo data) driven by headless Chromium, the requester played through the ticket repository on
 * the same database, as a provider's channel would. A support agent assigns a ticket to themself,
 * asks for information (a réponse type filled for the ticket), the requester completes it, the agent
 * writes an internal note and proposes a solution, the requester refuses it with a comment, the agent
 * proposes again, the requester accepts. At each step the page shows the state and the journal, and
 * the ticket is in the right tab of the requester's « Tickets émis ». Screenshots go to docs/images/.
 * Skipped (loudly) only when /usr/bin/chromium is absent and CI is not "true".
 */

let banc: Banc | undefined;
let horsServeur: Array<string> = [];
let page: Page;
let orm: Orm;
let depot: DepotTickets;
let base: string;

const connecter = (id: string): Promise<void> => banc!.connecter(id);

/** The requester's tab the ticket is listed in (through the repository's « Tickets émis »). */
const ongletDuDemandeur = async (ticket: Ticket): Promise<ReadonlyArray<Onglet>> => {
  const onglets: Array<Onglet> = [];
  for (const o of ["ACTIONS_REQUISES", "TOUS", "CLOTURES"] as const) {
    const { lignes } = await depot.ticketsEmis(ticket.demandeurId, o, { page: { limite: 500, decalage: 0 } });
    if (lignes.some((l) => l.id === ticket.id)) onglets.push(o);
  }
  return onglets;
};

const stocke = async (id: string): Promise<Ticket> => Either.getOrThrow(await depot.charger(id));

describe.skipIf(!present)("support back-office in a browser (headless Chromium)", () => {
  let demandeur: ActeurUtilisateur;
  let ticket: Ticket;

  /** The requester sends a command, as a provider's channel would (through the repository). */
  const parLeDemandeur = async (commande: Omit<Commande, "acteur"> & { readonly texte?: string }): Promise<void> => {
    const t = await stocke(ticket.id);
    const r = await depot.executer(t.id, t.version, { ...commande, acteur: demandeur } as Commande);
    if (Either.isLeft(r)) throw new Error(r.left.message);
  };

  /** The agent's ticket page: waits for it and returns its state label and journal text. */
  const pageDuTicket = async (): Promise<{ etat: string; journal: string }> => {
    await page.goto(`${base}/admin/resources/tickets/records/${ticket.id}/show`);
    await page.waitForSelector("[data-testid=ticket-detail]");
    return { etat: await page.locator("[data-testid=ticket-etat]").innerText(), journal: await page.locator("[data-testid=ticket-journal]").innerText() };
  };

  /** Runs an agent action from the ticket page: its button, its form (text), back to the page. */
  const action = async (nom: string, texte?: string): Promise<void> => {
    await page.click(`[data-testid="action-${nom}"]`);
    await page.waitForSelector("[data-testid=formulaire-action]");
    if (texte !== undefined) await page.fill("[data-testid=texte]", texte);
    await page.click("[data-testid=valider-action]");
    await page.waitForSelector("[data-testid=ticket-detail]");
  };

  beforeAll(async () => {
    banc = await ouvrirBanc("fj-e2e-support-");
    ({ page, orm, base, horsServeur } = banc);
    depot = new DepotTicketsSql(orm, { pieces: new StockagePieces(join(banc.dossier, "pieces")) });

    // A provider of the seed with a mémoire addressed to Paris asks about it: the ticket goes to the
    // service métier of the TJ de Paris, a queue of the demo support agent (cour d'appel de Paris).
    const [m] = await sqlDe(orm).lignes<{ numero: string; structureId: string }>(
      `SELECT m.numero AS numero, m.structure_id AS "structureId" FROM memoire m JOIN rattachement r ON r.structure_id = m.structure_id
       WHERE m.juridiction_code = '750' AND m.etat IN ('MIS_A_DISPOSITION', 'CERTIFIE', 'A_TAXER') ORDER BY m.numero LIMIT 1`,
    );
    if (m === undefined) throw new Error("aucun mémoire de Paris d'une structure du jeu de données");
    const [u] = await sqlDe(orm).lignes<{ utilisateurId: string }>(`SELECT utilisateur_id AS "utilisateurId" FROM rattachement WHERE structure_id = ? LIMIT 1`, [m.structureId]);
    if (u === undefined) throw new Error(`aucun utilisateur rattaché à ${m.structureId}`);
    demandeur = { _tag: "Utilisateur", id: u.utilisateurId, rattachements: [{ structureId: m.structureId, role: "GESTIONNAIRE_PRINCIPAL" }], habilitations: [] };
    const cree = await depot.creer({
      acteur: demandeur,
      saisie: {
        structureId: m.structureId,
        categorie: "MEMOIRE_FRAIS_DE_JUSTICE",
        sousCategorie: "M_SUIVI_TRAITEMENT_MEMOIRE",
        numeroObjet: m.numero,
        emetteur: { organisation: "73282932000074", designation: "Traductions Dupont", email: "claire.dupont@traductions-dupont.example" },
        titre: "Paiement de mon mémoire",
        description: `Mon mémoire ${m.numero} n'est toujours pas payé. Où en est-il ?`,
      },
      fichiers: [{ nomFichier: "requisition.pdf", octets: new TextEncoder().encode("%PDF-1.4\n% réquisition du 14 janvier\n%%EOF\n") }],
    });
    if (Either.isLeft(cree)) throw new Error(`création du ticket refusée : ${cree.left.message}`);
    ticket = cree.right.ticket;
  }, 180_000);

  afterAll(() => banc?.fermer());

  it("a support agent sees the ticket in the queue of the TJ de Paris and on the dashboard", async () => {
    await connecter("demo-support");
    await page.waitForSelector("[data-testid=tableau-de-bord-support]");
    expect(Number(await page.locator("[data-testid=support-ouverts]").innerText())).toBeGreaterThanOrEqual(1);
    await page.goto(`${base}/admin/resources/tickets/actions/files`);
    await page.waitForSelector("[data-testid=files-tickets] table");
    const files = await page.locator("[data-testid=files-tickets]").innerText();
    expect(files).toContain("Support national");
    expect(files).toContain("Service métier — 750 - Tribunal judiciaire de Paris");
    expect(files).not.toContain("Tribunal judiciaire de Lyon");
    await page.click('[data-testid="file-SM-750"]');
    await page.waitForURL(/filters\.file=SM-750/);
    await page.waitForSelector(`tr[data-id="${ticket.id}"]`);
    expect(await page.locator(`tr[data-id="${ticket.id}"]`).innerText()).toContain(ticket.numero);
    // The queue filter offers the agent's queues, this one chosen.
    await page.click('[data-css="tickets-filter-button"]');
    await page.waitForSelector("[data-testid=filtre-file] option[value='SM-750']", { state: "attached" });
    const choix = await page.locator("[data-testid=filtre-file] option").allInnerTexts();
    expect(choix).toEqual(expect.arrayContaining(["Toutes mes files", "Support national", "Service métier — 750 - Tribunal judiciaire de Paris"]));
    expect(choix.some((c) => c.includes("Lyon"))).toBe(false);
    expect(await page.inputValue("[data-testid=filtre-file]")).toBe("SM-750");
    expect(await page.locator("label[for=filtre-file]").innerText()).toBe("File");
    // An outdated link to another court's queue: the list says so, and the filter shows the value it applies.
    const url = page.url();
    await page.goto(`${base}/admin/resources/tickets?filters.file=SM-690`);
    await expect.poll(() => page.locator("body").innerText()).toContain("Valeur inconnue — File « SM-690 » ; choisissez une valeur proposée par le filtre");
    await page.click('[data-css="tickets-filter-button"]');
    await page.waitForSelector("[data-testid=filtre-file] option[value='SM-690']", { state: "attached" });
    expect(await page.inputValue("[data-testid=filtre-file]")).toBe("SM-690");
    expect(await page.locator("[data-testid=filtre-file] option[value='SM-690']").innerText()).toBe("SM-690 (valeur inconnue)");
    await page.goto(url);
    await page.waitForSelector(`tr[data-id="${ticket.id}"]`);
    await page.screenshot({ path: join(IMAGES, "backoffice-support-file.png"), fullPage: true });
    expect(await ongletDuDemandeur(ticket)).toEqual(["TOUS"]);
  }, 120_000);

  it("writes a réponse type through its form, with a variable the domain does not know refused first; it is offered on the ticket's page at once", async () => {
    await page.goto(`${base}/admin/resources/reponses-types/actions/new`);
    await page.waitForSelector("[data-testid=formulaire-reponse-type]");
    await page.fill("[data-testid=code]", "DELAI_DE_TRAITEMENT");
    await page.fill("[data-testid=titre]", "Délai de traitement");
    await page.fill("[data-testid=texte]", "Bonjour {{client}},\n\nvotre {{objet}} est traité sous 30 jours.");
    await page.click("[data-testid=valider-action]");
    await expect.poll(() => page.locator("[data-testid=erreur-action]").innerText()).toContain("{{client}}");
    expect(await depot.reponsesTypes.lister({ archives: true })).not.toEqual(expect.arrayContaining([expect.objectContaining({ code: "DELAI_DE_TRAITEMENT" })]));
    await page.fill("[data-testid=texte]", "Bonjour {{demandeur}},\n\nvotre {{objet}} est traité sous 30 jours.");
    await page.click("[data-testid=valider-action]");
    await page.waitForURL(/reponses-types\/records\/DELAI_DE_TRAITEMENT\/show/);
    await expect.poll(() => page.locator("body").innerText()).toContain("{{demandeur}}, {{objet}}");
    expect((await depot.reponsesTypes.lister()).find((r) => r.code === "DELAI_DE_TRAITEMENT")).toMatchObject({ titre: "Délai de traitement", actif: true, version: 1 });
    await pageDuTicket();
    await page.click('[data-testid="action-repondre"]');
    await page.waitForSelector("[data-testid=formulaire-action]");
    await page.selectOption("[data-testid=reponse-type]", "DELAI_DE_TRAITEMENT");
    expect(await page.inputValue("[data-testid=texte]")).toContain("est traité sous 30 jours.");
  }, 120_000);

  it("assigns it to themself, asks for information with a réponse type; a stale form is refused with a clear message", async () => {
    expect((await pageDuTicket()).etat).toBe("Ouvert");
    await action("m-assigner");
    const affecte = await pageDuTicket();
    expect(affecte.etat).toBe("En cours");
    expect(affecte.journal).toContain("Affecté à Julien Moreau");
    expect(await page.locator("[data-testid=ticket-agent]").innerText()).toBe("Julien Moreau (vous)");

    // The form is opened, then the requester writes first: the agent's submission is refused, nothing written.
    await page.click('[data-testid="action-demander-informations"]');
    await page.waitForSelector("[data-testid=formulaire-action]");
    await page.selectOption("[data-testid=reponse-type]", "PIECE_MANQUANTE");
    const texte = await page.inputValue("[data-testid=texte]");
    expect(texte).toContain("Bonjour Traductions Dupont");
    expect(texte).toContain(`Mémoire de frais de justice ${ticket.objet.numero ?? ""}`);
    expect(texte).not.toContain("{{");
    await parLeDemandeur({ type: "ticket.commenter", texte: "Je précise : il s'agit de l'audience du 12 janvier." });
    await page.click("[data-testid=valider-action]");
    await expect.poll(() => page.locator("[data-testid=erreur-action]").innerText()).toBe(MESSAGE_CONFLIT);
    expect((await stocke(ticket.id)).etat).toBe("EN_COURS");

    // Reloaded, the same request goes through.
    const apres = await pageDuTicket();
    expect(apres.journal).toContain("Je précise : il s'agit de l'audience du 12 janvier.");
    await action("demander-informations", "Merci de joindre la réquisition du juge.");
    const enAttente = await pageDuTicket();
    expect(enAttente.etat).toBe("En attente d'informations");
    expect(enAttente.journal).toContain("Merci de joindre la réquisition du juge.");
    expect(await ongletDuDemandeur(ticket)).toEqual(["ACTIONS_REQUISES", "TOUS"]);
  }, 120_000);

  it("the requester completes; the agent writes an internal note and proposes a solution", async () => {
    await parLeDemandeur({ type: "ticket.completer", texte: "Réquisition du 14 janvier : voir la pièce jointe du ticket." });
    const complete = await pageDuTicket();
    expect(complete.etat).toBe("En cours");
    expect(complete.journal).toContain("Informations complétées");
    expect(complete.journal).toContain("Réquisition du 14 janvier");
    expect(await ongletDuDemandeur(ticket)).toEqual(["TOUS"]);

    await action("note-interne", "Mémoire certifié le 20/02, en attente de validation.");
    await pageDuTicket();
    expect(await page.locator("[data-testid=journal-note-interne]").innerText()).toContain("jamais montrée au demandeur");
    const vu = await depot.chargerPourDemandeur(ticket.id, demandeur);
    expect(JSON.stringify(Either.getOrThrow(vu))).not.toContain("Mémoire certifié le 20/02");

    await action("proposer-solution", "Votre mémoire a été certifié ; il sera validé sous quinze jours.");
    const resolu = await pageDuTicket();
    expect(resolu.etat).toBe("Résolu");
    expect(resolu.journal).toContain("Solution proposée");
    expect(await ongletDuDemandeur(ticket)).toEqual(["ACTIONS_REQUISES", "TOUS"]);
    await capturePageEntiere(page, join(IMAGES, "backoffice-support-ticket.png"));
  }, 120_000);

  it("the requester refuses with a comment, the agent proposes again, the requester accepts: closed, read-only", async () => {
    await parLeDemandeur({ type: "ticket.refuser-solution", texte: "Il me faut une date de paiement précise." });
    const refuse = await pageDuTicket();
    expect(refuse.etat).toBe("En cours");
    expect(refuse.journal).toContain("Solution refusée");
    expect(refuse.journal).toContain("Il me faut une date de paiement précise.");
    expect(await ongletDuDemandeur(ticket)).toEqual(["TOUS"]);

    await action("proposer-solution", "Le mémoire a été validé ; la mise en paiement est prévue le 16 mars.");
    expect((await pageDuTicket()).etat).toBe("Résolu");
    expect(await ongletDuDemandeur(ticket)).toEqual(["ACTIONS_REQUISES", "TOUS"]);

    await parLeDemandeur({ type: "ticket.accepter-solution" });
    const clos = await pageDuTicket();
    expect(clos.etat).toBe("Clôturé");
    expect(clos.journal).toContain("Solution acceptée");
    expect(await page.locator("[data-testid=ticket-aucune-action]").innerText()).toBe("Ticket clôturé : lecture seule.");
    // No agent action is offered any more (the header keeps the queue's own buttons: « Mes files », export).
    for (const nom of ["m-assigner", "repondre", "note-interne", "demander-informations", "proposer-solution", "transferer", "cloturer"]) {
      expect(await page.locator(`[data-testid="action-${nom}"]`).count()).toBe(0);
    }
    expect(await page.locator('[data-testid="action-files"]').count()).toBe(1);
    expect(await ongletDuDemandeur(ticket)).toEqual(["CLOTURES"]);
    const final = await stocke(ticket.id);
    expect(final.journal.map((e) => e.type)).toEqual([
      "ticket.creer",
      "ticket.affecter",
      "ticket.commenter",
      "ticket.demander-informations",
      "ticket.completer",
      "ticket.noter",
      "ticket.proposer-solution",
      "ticket.refuser-solution",
      "ticket.proposer-solution",
      "ticket.accepter-solution",
    ]);
  }, 120_000);

  it("no page asked anything of another server, and none had something blocked by its Content-Security-Policy", () => {
    expect(horsServeur).toEqual([]);
  });
});
