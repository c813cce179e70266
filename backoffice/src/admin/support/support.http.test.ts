import type { ActeurUtilisateur } from "@frais-justice/core/autorisation";
import type { Commande, Ticket } from "@frais-justice/support";
import { Either } from "effect";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ouvrirOrm, type Orm } from "../../base/orm.js";
import { sqlDe } from "../../base/sql.js";
import { DepotMemoires } from "../../memoire/memoire.repository.js";
import { depotsOrganisation } from "../../organisation/organisation.repository.js";
import { DepotAcces } from "../acces/agents.js";
import { creerApplication, type Application } from "../../serveur/application.js";
import { AGENTS_DEMO, chargerDemo } from "../../serveur/demo.js";
import { memoireEn } from "../../serveur/test-support.js";
import type { DepotTickets } from "../../support/depot-tickets.js";
import { structureDeTest } from "../../test-support/organisation.fixtures.js";
import { MESSAGE_CONFLIT_REPONSE_TYPE } from "./reponses-types.actions.js";
import { MESSAGE_CONFLIT } from "./tickets.actions.js";
import type { DetailTicket } from "./tickets.detail.js";

/**
 * The support screens over HTTP (supertest, SQLite, the demo agents, the real ticket repository):
 * queues scoped by core's `autoriser`, each agent action a POST through the repository (machine,
 * journal row, outbox, version seen), the ticket page, attachments, CSV export, queues page.
 */
type Client = ReturnType<typeof request.agent>;

const PDF = new TextEncoder().encode("%PDF-1.4\n% requisition\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const STRUCTURE = "structure-interpretes";

const demandeur: ActeurUtilisateur = {
  _tag: "Utilisateur",
  id: "utilisateur-claire",
  rattachements: [{ structureId: STRUCTURE, role: "GESTIONNAIRE_PRINCIPAL" }],
  habilitations: [],
};

let orm: Orm;
let application: Application;
let depot: DepotTickets;
let dossier: string;
const clients = new Map<string, Client>();

/** A submitted ticket about a fresh mémoire of `juridiction` (routed to its service métier), created as a provider would. */
const ticketSur = async (juridiction: string, options: { readonly piece?: boolean } = {}): Promise<Ticket> => {
  const id = await memoireEn(orm, "MIS_A_DISPOSITION", juridiction);
  const m = Either.getOrThrow(await new DepotMemoires(orm).charger(id));
  const r = await depot.creer({
    acteur: demandeur,
    saisie: {
      structureId: STRUCTURE,
      categorie: "MEMOIRE_FRAIS_DE_JUSTICE",
      sousCategorie: "M_SUIVI_TRAITEMENT_MEMOIRE",
      numeroObjet: m.numero,
      emetteur: { organisation: "73282932000074", designation: "Traductions Dupont", email: "claire.dupont@example.org" },
      titre: `Paiement du mémoire ${m.numero}`,
      description: "Où en est mon mémoire ?",
    },
    ...(options.piece === true ? { fichiers: [{ nomFichier: "réquisition.pdf", octets: PDF }] } : {}),
  });
  if (Either.isLeft(r)) throw new Error(r.left.message);
  return r.right.ticket;
};

const stocke = async (id: string): Promise<Ticket> => Either.getOrThrow(await depot.charger(id));

/** A requester's command, as a provider would send it (through the repository). */
const parLeDemandeur = async (id: string, commande: Omit<Commande, "acteur"> & { readonly texte?: string }): Promise<Ticket> => {
  const t = await stocke(id);
  const r = await depot.executer(id, t.version, { ...commande, acteur: demandeur } as Commande);
  if (Either.isLeft(r)) throw new Error(r.left.message);
  return r.right.ticket;
};

const messagesDe = async (id: string) => (await depot.boiteDEnvoi.lister({ ticketId: id }, { limite: 100, decalage: 0 })).lignes;

const client = (id: string): Client => {
  const c = clients.get(id);
  if (c === undefined) throw new Error(id);
  return c;
};

const poster = (c: Client, id: string, action: string, version: number, texte?: string) =>
  c.post(`/admin/api/resources/tickets/records/${id}/${action}`).send({ version: String(version), ...(texte === undefined ? {} : { texte }) });

const detail = async (c: Client, id: string): Promise<DetailTicket> => {
  const r = await c.get(`/admin/api/resources/tickets/records/${id}/show`);
  expect(r.status).toBe(200);
  return JSON.parse((r.body as { record: { params: { detail: string } } }).record.params.detail) as DetailTicket;
};

beforeAll(async () => {
  dossier = mkdtempSync(join(tmpdir(), "fj-support-"));
  orm = await ouvrirOrm({ dialecte: "sqlite", fichier: join(dossier, "bo.sqlite") });
  await chargerDemo(orm, { nombre: 0 });
  await depotsOrganisation(orm).structures.enregistrer(structureDeTest(STRUCTURE));
  application = await creerApplication({ orm, secret: "secret-de-test", dossierPieces: join(dossier, "pieces") });
  depot = application.tickets.depot;
  for (const a of AGENTS_DEMO) {
    const c = request.agent(application.app);
    const r = await c.post("/admin/login").field("email", a.email).field("password", a.motDePasse);
    if (r.status !== 302) throw new Error(`connexion de ${a.id} refusée`);
    clients.set(a.id, c);
  }
});

afterAll(async () => {
  await orm.close(true);
  rmSync(dossier, { recursive: true, force: true });
});

describe("queues scoped by core's autoriser", () => {
  it("lists the tickets of the support agent's queues only; other roles have no support screens", async () => {
    const paris = await ticketSur("750");
    const lyon = await ticketSur("690");
    const r = await client("demo-support").get("/admin/api/resources/tickets/actions/list?perPage=500");
    expect(r.status).toBe(200);
    const records = (r.body as { records: Array<{ id: string; params: Record<string, unknown> }> }).records;
    expect(records.map((x) => x.id)).toContain(paris.id);
    expect(records.map((x) => x.id)).not.toContain(lyon.id);
    expect(records.find((x) => x.id === paris.id)?.params).toMatchObject({ numero: paris.numero, etat: "NOUVEAU", file: "SM-750", categorie: "MEMOIRE_FRAIS_DE_JUSTICE" });
    expect((await client("demo-greffier-paris").get("/admin/api/resources/tickets/actions/list")).status).toBe(403);
    // Keywords (accents and case ignored) over the number, title, description, comments, notes and N° objet.
    const parMotsCles = await client("demo-support").get(`/admin/api/resources/tickets/actions/list?filters.motsCles=${encodeURIComponent(`PAIEMENT memoire ${paris.objet.numero ?? ""}`)}`);
    expect((parMotsCles.body as { records: Array<{ id: string }> }).records.map((x) => x.id)).toEqual([paris.id]);
    // A queue outside the perimeter, asked by name, lists nothing.
    const autre = await client("demo-support").get("/admin/api/resources/tickets/actions/list?filters.file=SM-690");
    expect((autre.body as { records: Array<unknown> }).records).toEqual([]);
  });

  it("the queue filter offers the agent's queues; a value it does not offer is named in the list's notice", async () => {
    const c = client("demo-support");
    const choix = ((await c.get("/admin/api/resources/tickets/actions/choixFiles")).body as { choix: Array<{ value: string; label: string }> }).choix;
    const files = ((await c.get("/admin/api/resources/tickets/actions/files")).body as { files: { files: Array<{ cle: string; libelle: string }> } }).files.files;
    // The same queues as the queues page, under the same labels: the national support and Paris's courts, not Lyon's.
    expect(choix).toEqual(files.map((f) => ({ value: f.cle, label: f.libelle })));
    expect(choix.map((x) => x.value)).toEqual(expect.arrayContaining(["SUPPORT_NATIONAL", "SM-750"]));
    expect(choix.map((x) => x.value)).not.toContain("SM-690");
    expect((await client("demo-greffier-paris").get("/admin/api/resources/tickets/actions/choixFiles")).status).toBe(403);
    const lire = async (q: string) => (await c.get(`/admin/api/resources/tickets/actions/list?${q}`)).body as { records?: Array<unknown>; notice?: { message: string; type: string } };
    const ailleurs = await lire("filters.file=SM-690");
    expect(ailleurs.notice).toEqual({ type: "error", message: "Valeur inconnue — File « SM-690 » ; choisissez une valeur proposée par le filtre" });
    expect(ailleurs.records).toEqual([]);
    expect((await lire("filters.file=SM-750&filters.etat=FERME&filters.categorie=MEMOIRE_FRAIS_DE_JUSTICE")).notice?.message).toBe(
      "Valeur inconnue — État « FERME » ; choisissez une valeur proposée par le filtre",
    );
    expect((await lire("filters.file=SM-750&filters.etat=NOUVEAU")).notice).toBeUndefined();
    expect((await lire("")).notice).toBeUndefined();
  });

  it("answers 404 for a ticket of another queue: page, API and every action, nothing written", async () => {
    const lyon = await ticketSur("690");
    const c = client("demo-support");
    expect((await c.get(`/admin/api/resources/tickets/records/${lyon.id}/show`)).status).toBe(404);
    for (const action of ["m-assigner", "repondre", "note-interne", "transferer"]) {
      expect((await poster(c, lyon.id, action, lyon.version, "texte")).status).toBe(404);
    }
    expect(await stocke(lyon.id)).toEqual(lyon);
  });
});

describe("agent actions: POST only, through the ticket repository, with the version seen", () => {
  it("m'assigner, then ask for information: new state, one journal row each, version + 1, the requester notified", async () => {
    const t = await ticketSur("750");
    const c = client("demo-support");
    expect((await c.get(`/admin/api/resources/tickets/records/${t.id}/m-assigner`)).status).toBe(200);
    expect(await stocke(t.id)).toEqual(t);
    const r = await poster(c, t.id, "m-assigner", t.version);
    expect(r.status).toBe(200);
    expect((r.body as { notice: { message: string } }).notice.message).toBe("Le ticket vous est affecté");
    const affecte = await stocke(t.id);
    expect(affecte).toMatchObject({ etat: "EN_COURS", agentId: "demo-support", version: t.version + 1 });
    expect(affecte.journal).toHaveLength(t.journal.length + 1);
    expect((await poster(c, t.id, "demander-informations", affecte.version, "   ")).status).toBe(422);
    expect(await stocke(t.id)).toEqual(affecte);
    const avant = (await messagesDe(t.id)).length;
    expect((await poster(c, t.id, "demander-informations", affecte.version, "Merci de joindre la réquisition.")).status).toBe(200);
    const apres = await stocke(t.id);
    expect(apres).toMatchObject({ etat: "EN_ATTENTE_INFORMATIONS", version: affecte.version + 1 });
    expect(apres.journal.at(-1)).toMatchObject({ type: "ticket.demander-informations", texte: "Merci de joindre la réquisition.", auteur: { _tag: "Agent", id: "demo-support" } });
    const messages = await messagesDe(t.id);
    expect(messages).toHaveLength(avant + 1);
    expect(messages[0]?.message).toMatchObject({ destinataire: "claire.dupont@example.org", sujet: expect.stringContaining("Informations complémentaires demandées") as unknown });
  });

  it("a stale version is a 409 with a clear French message, nothing written", async () => {
    const t = await ticketSur("750");
    const c = client("demo-support");
    expect((await poster(c, t.id, "m-assigner", t.version)).status).toBe(200);
    const avant = await stocke(t.id);
    const r = await poster(c, t.id, "repondre", t.version, "Réponse sur une page périmée");
    expect(r.status).toBe(409);
    expect((r.body as { notice: { message: string } }).notice.message).toBe(MESSAGE_CONFLIT);
    expect(await stocke(t.id)).toEqual(avant);
  });

  it("an action the machine does not allow now is refused with 403 before any handler runs", async () => {
    const t = await ticketSur("750");
    const c = client("demo-support");
    expect((await poster(c, t.id, "proposer-solution", t.version, "Solution sans affectation")).status).toBe(403);
    expect(await stocke(t.id)).toEqual(t);
  });

  it("the whole cycle with the requester: internal note, solution refused with a comment, proposed again, accepted", async () => {
    const t = await ticketSur("750");
    const c = client("demo-support");
    await poster(c, t.id, "m-assigner", t.version);
    await poster(c, t.id, "note-interne", (await stocke(t.id)).version, "Mémoire certifié le 20/02.");
    await poster(c, t.id, "proposer-solution", (await stocke(t.id)).version, "Paiement prévu le 16 mars.");
    expect((await stocke(t.id)).etat).toBe("RESOLU");
    expect((await detail(c, t.id)).actions.map((a) => a.nom)).toEqual(["repondre", "note-interne"]);
    await parLeDemandeur(t.id, { type: "ticket.refuser-solution", texte: "Il me faut une date précise." });
    expect((await stocke(t.id)).etat).toBe("EN_COURS");
    expect((await poster(c, t.id, "proposer-solution", (await stocke(t.id)).version, "Mis en paiement le 16 mars.")).status).toBe(200);
    await parLeDemandeur(t.id, { type: "ticket.accepter-solution" });
    const d = await detail(c, t.id);
    expect(d.etatLibelle).toBe("Clôturé");
    expect(d.actions).toEqual([]);
    expect(d.journal.map((l) => [l.libelle, l.interne])).toEqual([
      ["Ticket créé", false],
      ["Affectation", false],
      ["Note interne", true],
      ["Solution proposée", false],
      ["Solution refusée", false],
      ["Solution proposée", false],
      ["Solution acceptée", false],
    ]);
    expect(d.journal[4]).toMatchObject({ auteur: "Demandeur — Traductions Dupont", texte: "Il me faut une date précise.", transition: "Résolu → En cours" });
    // No outbox message ever carries the internal note.
    expect(JSON.stringify(await messagesDe(t.id))).not.toContain("certifié le 20/02");
    expect((await poster(c, t.id, "repondre", (await stocke(t.id)).version, "Merci")).status).toBe(403);
  });

  it("transfers a ticket of a service métier to the national support queue", async () => {
    const t = await ticketSur("750");
    const r = await poster(client("demo-support"), t.id, "transferer", t.version, "Question sur la saisie, pas sur le traitement.");
    expect(r.status).toBe(200);
    const apres = await stocke(t.id);
    expect(apres).toMatchObject({ etat: "NOUVEAU", file: { _tag: "SupportNational" } });
    expect(apres.journal.at(-1)).toMatchObject({ type: "ticket.transferer", fileAvant: { _tag: "ServiceMetier" }, fileApres: { _tag: "SupportNational" } });
  });
});

describe("the ticket page", () => {
  it("shows the linked mémoire's état (no link without the right to read it), the réponses types filled, the attachments, the messages", async () => {
    const t = await ticketSur("750", { piece: true });
    const d = await detail(client("demo-support"), t.id);
    expect(d.memoire).toEqual({ numero: t.objet.numero, etatLibelle: "Mis à disposition" });
    const remplie = d.reponsesTypes.find((r) => r.code === "MEMOIRE_EN_COURS_DE_TRAITEMENT");
    expect(remplie?.texte).toContain(`ticket ${t.numero}`);
    expect(remplie?.texte).toContain("Bonjour Traductions Dupont");
    expect(remplie?.texte).not.toContain("{{");
    const piece = t.piecesJointes[0];
    expect(d.piecesJointes).toEqual([{ id: piece?.id, nom: "réquisition.pdf", taille: `${PDF.byteLength} o`, lien: `/admin/pieces-jointes-tickets/${t.id}/${piece?.id ?? ""}` }]);
    expect(d.messages.map((m) => m.sujet)).toEqual([expect.stringContaining("Nouveau ticket") as unknown]);
    const octets = await client("demo-support").get(`/admin/pieces-jointes-tickets/${t.id}/${piece?.id ?? ""}`).buffer(true);
    expect(octets.status).toBe(200);
    expect(octets.headers["content-type"]).toBe("application/pdf");
    expect(new Uint8Array(octets.body as Buffer)).toEqual(PDF);
  });

  it("links the mémoire for an agent who may also read it (support and greffier of Paris)", async () => {
    const compte = { id: "agent-support-greffe-paris", email: "support.greffe.paris@justice.example", prenom: "Léa", nom: "Petit", motDePasse: "Support-Greffe-2026" };
    await new DepotAcces(orm).creer({ ...compte, roles: ["SUPPORT", "GREFFIER"], perimetre: { juridictions: ["750"], coursAppel: [] }, actif: true }, compte.motDePasse, new Date());
    const c = request.agent(application.app);
    expect((await c.post("/admin/login").field("email", compte.email).field("password", compte.motDePasse)).status).toBe(302);
    const t = await ticketSur("750");
    const [m] = await sqlDe(orm).lignes<{ id: string }>("SELECT id FROM memoire WHERE numero = ?", [t.objet.numero ?? ""]);
    expect((await detail(c, t.id)).memoire).toEqual({ numero: t.objet.numero, etatLibelle: "Mis à disposition", lien: `/admin/resources/memoires/records/${m?.id ?? ""}/show` });
  });

  it("serves no attachment of a ticket outside the agent's queues", async () => {
    const t = await ticketSur("690", { piece: true });
    const piece = t.piecesJointes[0]?.id ?? "";
    expect((await client("demo-support").get(`/admin/pieces-jointes-tickets/${t.id}/${piece}`)).status).toBe(404);
    expect((await client("demo-greffier-paris").get(`/admin/pieces-jointes-tickets/${t.id}/${piece}`)).status).toBe(404);
  });
});

describe("CSV export and counts", () => {
  it("exports the current queue: BOM, ';', French headers, only the agent's queues", async () => {
    const paris = await ticketSur("750");
    const lyon = await ticketSur("690");
    const r = await client("demo-support").get("/admin/export/tickets.csv?filters.file=SM-750").buffer(true);
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toBe("text/csv; charset=utf-8");
    const texte = String(r.text);
    expect(texte.startsWith("\uFEFFNuméro;État;Description brève;File;Catégorie;Sous-catégorie;N° objet;Agent affecté;Ouvert le;Dernière activité\r\n")).toBe(true);
    expect(texte).toContain(`${paris.numero};Ouvert;Paiement du mémoire ${paris.objet.numero ?? ""};Service métier — 750 - Tribunal judiciaire de Paris;Mémoire de frais de justice`);
    expect(texte).not.toContain(lyon.numero);
    expect((await client("demo-greffier-paris").get("/admin/export/tickets.csv")).status).toBe(403);
  });

  it("refuses to export a list whose filter the list cannot apply as asked, with the list's words; nothing exported", async () => {
    const ailleurs = await client("demo-support").get("/admin/export/tickets.csv?filters.file=SM-690");
    expect(ailleurs.status).toBe(400);
    expect((ailleurs.body as { erreur?: string }).erreur).toBe(
      "Valeur inconnue — File « SM-690 » ; choisissez une valeur proposée par le filtre. Rien n'a été exporté : corrigez le filtre de la liste, puis exportez à nouveau.",
    );
    const page = await client("demo-support").get("/admin/export/tickets.csv?filters.categorie=ASTROLOGIE").set("Accept", "text/html");
    expect(page.status).toBe(400);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.text).toContain("Valeur inconnue — Catégorie « ASTROLOGIE »");
  });

  it("counts open, waiting and overdue tickets per queue and catégorie (queues page and dashboard)", async () => {
    const r = await client("demo-support").get("/admin/api/resources/tickets/actions/files");
    expect(r.status).toBe(200);
    const files = (r.body as { files: { files: Array<{ cle: string; ouverts: number; enAttente: number }> } }).files.files;
    expect(files.map((f) => f.cle)).not.toContain("SM-690");
    const [compte] = await sqlDe(orm).lignes<{ n: unknown }>("SELECT COUNT(*) AS n FROM ticket WHERE file_cle = '750' AND etat IN ('NOUVEAU', 'EN_COURS')");
    expect(files.find((f) => f.cle === "SM-750")?.ouverts).toBe(Number(compte?.n));
    const tableau = await client("demo-support").get("/admin/api/dashboard");
    expect(tableau.status).toBe(200);
    const support = (tableau.body as { support?: { totaux: { ouverts: number; enAttente: number; enRetard: number } } }).support;
    expect(support?.totaux.ouverts).toBe(files.reduce((n, f) => n + f.ouverts, 0));
    expect(support?.totaux.enAttente).toBe(files.reduce((n, f) => n + f.enAttente, 0));
    // A role without any queue gets no support part on its dashboard, and keeps its mémoire charts.
    const greffier = (await client("demo-greffier-paris").get("/admin/api/dashboard")).body as { support?: unknown; parEtat?: unknown };
    expect(greffier.support).toBeUndefined();
    expect(greffier.parEtat).toBeDefined();
  });
});

describe("réponses types: read by every agent with a queue, kept by the national support", () => {
  const SM_PARIS = { email: "support.paris@justice.example", motDePasse: "Support-Paris-2026" };
  let smParis: Client;
  const stockee = async (code: string) => (await depot.reponsesTypes.lister({ archives: true })).find((r) => r.code === code);
  const envoyer = (c: Client, chemin: string, saisie: Record<string, unknown>) => c.post(`/admin/api/resources/reponses-types/${chemin}`).send({ saisie: JSON.stringify(saisie) });

  beforeAll(async () => {
    // A support agent of the Paris courts' service métier only (not the national queue).
    await new DepotAcces(orm).creer(
      { email: SM_PARIS.email, nom: "Lambert", prenom: "Inès", roles: ["SUPPORT"], perimetre: { juridictions: [], coursAppel: ["CA-PARIS"] }, actif: true },
      SM_PARIS.motDePasse,
      new Date(),
    );
    smParis = request.agent(application.app);
    const r = await smParis.post("/admin/login").field("email", SM_PARIS.email).field("password", SM_PARIS.motDePasse);
    expect(r.status).toBe(302);
  });

  it("lists them, archived ones included, for an agent with a queue; no access without one", async () => {
    const liste = await smParis.get("/admin/api/resources/reponses-types/actions/list?sortBy=titre&direction=asc");
    expect(liste.status).toBe(200);
    const records = (liste.body as { records: Array<{ id: string; params: Record<string, unknown>; recordActions: Array<{ name: string }> }> }).records;
    expect(records.map((r) => r.id)).toEqual(expect.arrayContaining(["PIECE_MANQUANTE", "MEMOIRE_EN_COURS_DE_TRAITEMENT"]));
    expect(records.find((r) => r.id === "PIECE_MANQUANTE")?.params).toMatchObject({ titre: "Pièce justificative manquante", actif: true, variables: "{{demandeur}}, {{titre}}, {{objet}}" });
    // A service métier's agent reads them, changes nothing: no action offered, a forged POST refused, nothing written.
    expect(records.flatMap((r) => r.recordActions.map((a) => a.name))).not.toEqual(expect.arrayContaining(["modifier"]));
    const avant = await stockee("PIECE_MANQUANTE");
    expect((await envoyer(smParis, "records/PIECE_MANQUANTE/modifier", { titre: "Autre", texte: "Autre", version: avant?.version })).status).toBe(403);
    expect((await envoyer(smParis, "actions/new", { code: "NOUVELLE", titre: "T", texte: "T" })).status).toBe(403);
    expect(await stockee("PIECE_MANQUANTE")).toEqual(avant);
    expect(await stockee("NOUVELLE")).toBeUndefined();
    expect((await client("demo-greffier-paris").get("/admin/api/resources/reponses-types/actions/list")).status).toBe(403);
    expect((await client("demo-administrateur").get("/admin/api/resources/reponses-types/actions/list")).status).toBe(403);
  });

  it("the national support creates one, changes it, archives it (no longer offered on a ticket) and reactivates it", async () => {
    const c = client("demo-support");
    const cree = await envoyer(c, "actions/new", { code: "delai_paiement", titre: "Délai de paiement", texte: "Bonjour {{demandeur}},\n\nvotre {{objet}} sera payé sous 30 jours." });
    expect(cree.status).toBe(200);
    expect((cree.body as { redirectUrl?: string }).redirectUrl).toBe("/admin/resources/reponses-types/records/DELAI_PAIEMENT/show");
    expect(await stockee("DELAI_PAIEMENT")).toEqual({ code: "DELAI_PAIEMENT", titre: "Délai de paiement", texte: "Bonjour {{demandeur}},\n\nvotre {{objet}} sera payé sous 30 jours.", actif: true, version: 1 });
    const t = await ticketSur("750");
    expect((await detail(c, t.id)).reponsesTypes.find((r) => r.code === "DELAI_PAIEMENT")?.texte).toContain("Bonjour Traductions Dupont");

    const modifie = await envoyer(c, "records/DELAI_PAIEMENT/modifier", { titre: "Délai de paiement (30 jours)", texte: "Bonjour {{demandeur}}, 30 jours.", version: 1 });
    expect(modifie.status, JSON.stringify(modifie.body)).toBe(200);
    expect(await stockee("DELAI_PAIEMENT")).toMatchObject({ titre: "Délai de paiement (30 jours)", texte: "Bonjour {{demandeur}}, 30 jours.", version: 2 });

    const archive = await envoyer(c, "records/DELAI_PAIEMENT/archiver", { version: 2 });
    expect(archive.status).toBe(200);
    expect(await stockee("DELAI_PAIEMENT")).toMatchObject({ actif: false, version: 3, titre: "Délai de paiement (30 jours)" });
    expect((await detail(c, t.id)).reponsesTypes.map((r) => r.code)).not.toContain("DELAI_PAIEMENT");
    // Archived: « Archiver » is no longer offered (403), « Réactiver » is.
    expect((await envoyer(c, "records/DELAI_PAIEMENT/archiver", { version: 3 })).status).toBe(403);
    expect((await envoyer(c, "records/DELAI_PAIEMENT/reactiver", { version: 3 })).status).toBe(200);
    expect(await stockee("DELAI_PAIEMENT")).toMatchObject({ actif: true, version: 4 });
    // A GET of an action writes nothing.
    expect((await c.get("/admin/api/resources/reponses-types/records/DELAI_PAIEMENT/modifier")).status).toBe(200);
    expect((await stockee("DELAI_PAIEMENT"))?.version).toBe(4);
  });

  it("refuses, with nothing written: an unknown variable, an empty titre, a code already used, a stale form", async () => {
    const c = client("demo-support");
    const notice = (r: { body: unknown }) => (r.body as { notice?: { message: string } }).notice?.message;
    const inconnue = await envoyer(c, "actions/new", { code: "RELANCE", titre: "Relance", texte: "Bonjour {{client}}" });
    expect(inconnue.status).toBe(422);
    expect(notice(inconnue)).toContain("{{client}}");
    expect(await stockee("RELANCE")).toBeUndefined();
    const vide = await envoyer(c, "actions/new", { code: "RELANCE", titre: " ", texte: "Bonjour" });
    expect(vide.status).toBe(422);
    expect(await stockee("RELANCE")).toBeUndefined();
    const doublon = await envoyer(c, "actions/new", { code: "PIECE_MANQUANTE", titre: "Autre", texte: "Autre" });
    expect(doublon.status).toBe(409);
    expect(notice(doublon)).toBe("Le code PIECE_MANQUANTE est déjà celui d'une réponse type : choisissez-en un autre. Rien n'a été enregistré.");
    const avant = await stockee("PIECE_MANQUANTE");
    expect(avant?.titre).toBe("Pièce justificative manquante");
    const perime = await envoyer(c, "records/PIECE_MANQUANTE/modifier", { titre: "Pièce manquante", texte: "Bonjour", version: (avant?.version ?? 1) - 1 });
    expect(perime.status).toBe(409);
    expect(notice(perime)).toBe(MESSAGE_CONFLIT_REPONSE_TYPE);
    const sansVersion = await envoyer(c, "records/PIECE_MANQUANTE/modifier", { titre: "Pièce manquante", texte: "Bonjour" });
    expect(sansVersion.status).toBe(422);
    expect(await stockee("PIECE_MANQUANTE")).toEqual(avant);
  });
});
