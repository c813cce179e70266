import type { ActeurAgent } from "@frais-justice/core/autorisation";
import type { Commande } from "@frais-justice/support";
import { Either } from "effect";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqlDe } from "../base/sql.js";
import { bancApi, j, PDF, type BancApi } from "./test-support.js";

/**
 * The requester side of the support tickets through the API: creation, a draft edited and submitted,
 * a public comment, the agent's requests and solutions answered (complete, refuse, accept), closing,
 * the three tabs with their counts, an attachment; versions with If-Match; another user's ticket is a
 * 404; no internal note ever shown.
 */

let banc: BancApi;
let a: { Authorization: string };
let b: { Authorization: string };
const support: ActeurAgent = { _tag: "Agent", id: "agent-support", roles: ["SUPPORT"], perimetre: { juridictions: [], coursAppel: [], supportNational: true } };

const saisie = (extra: Record<string, unknown> = {}) => ({
  structureId: "structure-a",
  categorie: "MON_COMPTE",
  sousCategorie: "CONNEXION_MOT_DE_PASSE",
  emetteur: { organisation: "73282932000074", email: "contact@structure-a.example" },
  titre: "Jeton d'API refusé",
  description: "Mon logiciel reçoit 401 depuis ce matin.",
  ...extra,
});

/** An agent's command, as the back-office runs it. */
const agent = async (id: string, commande: { readonly type: Commande["type"]; readonly texte?: string }): Promise<void> => {
  const depot = banc.tickets;
  if (depot === undefined) throw new Error("pas de dépôt de tickets");
  const t = await depot.charger(id);
  if (Either.isLeft(t)) throw new Error("ticket illisible");
  const r = await depot.executer(id, t.right.version, { ...commande, acteur: support } as Commande);
  if (Either.isLeft(r)) throw new Error(`${commande.type} refusé : ${r.left.message}`);
};

const api = () => request(banc.app);

/** A ticket's answer, with the members of the requester's view these tests read. */
const vu = (r: { readonly body: unknown }) =>
  r.body as { readonly ticket: Readonly<Record<string, unknown>>; readonly activites: ReadonlyArray<{ readonly auteur: string; readonly libelle: string; readonly texte?: string }>; readonly actionsPermises: ReadonlyArray<string> };

/** The journal rows of a ticket as the repository wrote them, in order. */
const journal = (id: string) =>
  sqlDe(banc.orm).lignes<{ id: string; type: string; auteur_type: string; auteur_id: string | null; etat_avant: string | null; etat_apres: string; visibilite: string; texte: string | null }>(
    "SELECT id, type, auteur_type, auteur_id, etat_avant, etat_apres, visibilite, texte FROM entree_journal_ticket WHERE ticket_id = ? ORDER BY rang",
    [id],
  );

/** The outbox messages of a ticket. */
const messages = (id: string) =>
  sqlDe(banc.orm).lignes<{ entree_id: string; audience: string; sujet: string }>("SELECT entree_id, audience, sujet FROM message_ticket WHERE ticket_id = ? ORDER BY cree_le, id", [id]);

/** What a refusal must leave untouched: the stored version, the journal rows, the outbox messages. */
const ecrits = async (id: string) => {
  const depot = banc.tickets;
  if (depot === undefined) throw new Error("pas de dépôt de tickets");
  const t = await depot.charger(id);
  if (Either.isLeft(t)) throw new Error("ticket illisible");
  return { version: t.right.version, etat: t.right.etat, titre: t.right.titre, description: t.right.description, journal: (await journal(id)).length, messages: (await messages(id)).length };
};

/** Whether a ticket is in the national support's work list (drafts never are). */
const dansLaFile = async (id: string): Promise<boolean> => {
  const depot = banc.tickets;
  if (depot === undefined) throw new Error("pas de dépôt de tickets");
  const page = await depot.fileDeTravail(support, {}, { colonne: "numero", sens: "desc" }, { limite: 100, decalage: 0 });
  return page.lignes.some((l) => l.id === id);
};

beforeAll(async () => {
  banc = await bancApi({ tickets: true, requetesParMinute: 10_000 });
  a = { Authorization: `Bearer ${await banc.jeton("a")}` };
  b = { Authorization: `Bearer ${await banc.jeton("b")}` };
}, 60_000);
afterAll(async () => banc.detruire());

describe("tickets through the API", () => {
  it("creates a ticket for one of the caller's structures (CPROCS number, ETag), refuses another structure (404) and a missing titre (422)", async () => {
    const r = await api().post("/api/v1/tickets").set(a).send(saisie());
    expect(r.status).toBe(201);
    expect(r.headers["etag"]).toBe('"1"');
    expect(j(r).ticket.numero).toMatch(/^CPROCS\d{7}$/);
    expect(j(r).ticket.etat).toBe("NOUVEAU");
    expect(r.headers["location"]).toBe(`/api/v1/tickets/${j(r).ticket.id}`);
    expect((await api().post("/api/v1/tickets").set(b).send(saisie())).status).toBe(404);
    const sansTitre = await api().post("/api/v1/tickets").set(a).send(saisie({ titre: "" }));
    expect(sansTitre.status).toBe(422);
    expect(j(sansTitre).erreurs.map((e) => e.chemin)).toContain("titre");
  });

  it("edits a draft created over the API (PATCH), submits it (queue, « Nouveau ticket » to the agents), then comments it publicly", async () => {
    const cree = await api().post("/api/v1/tickets").set(a).send(saisie({ titre: "", description: "", brouillon: true }));
    expect(cree.status).toBe(201);
    expect(j(cree).ticket.etat).toBe("BROUILLON");
    const id = String(j(cree).ticket.id);
    expect(vu(cree).actionsPermises).toContain("ticket.modifier-brouillon");
    expect(vu(cree).actionsPermises).not.toContain("ticket.soumettre");
    expect(await dansLaFile(id)).toBe(false);

    const titre = await api().patch(`/api/v1/tickets/${id}`).set(a).set("If-Match", '"1"').send({ titre: "Jeton d'API refusé" });
    expect(titre.status).toBe(200);
    expect(titre.headers["etag"]).toBe('"2"');
    expect(j(titre).ticket).toMatchObject({ etat: "BROUILLON", version: 2, titre: "Jeton d'API refusé", description: "" });
    const description = await api().patch(`/api/v1/tickets/${id}`).set(a).set("If-Match", '"2"').send({ description: "Mon logiciel reçoit 401 depuis ce matin." });
    expect(description.status).toBe(200);
    expect(description.headers["etag"]).toBe('"3"');
    expect(j(description).ticket).toMatchObject({ etat: "BROUILLON", version: 3, titre: "Jeton d'API refusé", description: "Mon logiciel reçoit 401 depuis ce matin." });
    expect(vu(description).actionsPermises).toContain("ticket.soumettre");
    expect(vu(description).activites.map((e) => e.libelle)).toEqual(["Ticket créé", "Brouillon modifié", "Brouillon modifié"]);
    const brouillon = await journal(id);
    expect(brouillon.map((e) => e.type)).toEqual(["ticket.creer", "ticket.modifier-brouillon", "ticket.modifier-brouillon"]);
    expect(brouillon[2]).toMatchObject({ auteur_type: "Demandeur", auteur_id: "utilisateur-a", etat_avant: "BROUILLON", etat_apres: "BROUILLON", visibilite: "PUBLIQUE", texte: null });
    expect(await messages(id)).toEqual([]);
    expect(await dansLaFile(id)).toBe(false);

    const soumis = await api().post(`/api/v1/tickets/${id}/soumettre`).set(a).set("If-Match", '"3"');
    expect(soumis.status).toBe(200);
    expect(soumis.headers["etag"]).toBe('"4"');
    expect(j(soumis).ticket).toMatchObject({ etat: "NOUVEAU", version: 4, file: { _tag: "SupportNational" } });
    expect(typeof vu(soumis).ticket["soumisLe"]).toBe("string");
    const apresSoumission = await journal(id);
    expect(apresSoumission[3]).toMatchObject({ type: "ticket.soumettre", auteur_type: "Demandeur", etat_avant: "BROUILLON", etat_apres: "NOUVEAU", visibilite: "PUBLIQUE" });
    const nouveau = await messages(id);
    expect(nouveau).toHaveLength(1);
    expect(nouveau[0]).toMatchObject({ entree_id: apresSoumission[3]?.id, audience: "AGENTS", sujet: `[${String(j(soumis).ticket.numero)}] Nouveau ticket` });
    expect(await dansLaFile(id)).toBe(true);

    const commente = await api().post(`/api/v1/tickets/${id}/commenter`).set(a).set("If-Match", '"4"').send({ texte: "Le jeton commence par fjt_AbCd." });
    expect(commente.status).toBe(200);
    expect(commente.headers["etag"]).toBe('"5"');
    expect(j(commente).ticket).toMatchObject({ etat: "NOUVEAU", version: 5 });
    expect(vu(commente).activites.at(-1)).toMatchObject({ auteur: "Demandeur", texte: "Le jeton commence par fjt_AbCd." });
    const apresCommentaire = await journal(id);
    expect(apresCommentaire).toHaveLength(5);
    expect(apresCommentaire[4]).toMatchObject({ type: "ticket.commenter", auteur_type: "Demandeur", auteur_id: "utilisateur-a", etat_avant: "NOUVEAU", etat_apres: "NOUVEAU", visibilite: "PUBLIQUE", texte: "Le jeton commence par fjt_AbCd." });
    expect(await messages(id)).toHaveLength(1);
  });

  it("attaches files to a draft created over the API (kept with the draft, submitted with it)", async () => {
    const cree = await api().post("/api/v1/tickets").set(a).send(saisie({ brouillon: true }));
    expect(cree.status).toBe(201);
    const id = String(j(cree).ticket.id);
    const premiere = await api().post(`/api/v1/tickets/${id}/pieces-jointes`).set(a).set("If-Match", '"1"').attach("fichier", PDF, "capture.pdf");
    expect(premiere.status).toBe(201);
    const seconde = await api().post(`/api/v1/tickets/${id}/pieces-jointes`).set(a).set("If-Match", '"2"').attach("fichier", PDF, "journal.pdf");
    expect(seconde.status).toBe(201);
    expect(j(seconde).ticket).toMatchObject({ etat: "BROUILLON", version: 3 });
    const depot = banc.tickets;
    if (depot === undefined) throw new Error("pas de dépôt de tickets");
    const stocke = Either.getOrThrow(await depot.charger(id));
    expect(stocke.piecesJointes.map((p) => p.nomFichier)).toEqual(["capture.pdf", "journal.pdf"]);
    expect((await journal(id)).map((e) => e.type)).toEqual(["ticket.creer", "ticket.modifier-brouillon", "ticket.modifier-brouillon"]);
    // A stale version attaches nothing.
    expect((await api().post(`/api/v1/tickets/${id}/pieces-jointes`).set(a).set("If-Match", '"2"').attach("fichier", PDF, "x.pdf")).status).toBe(412);
    expect(Either.getOrThrow(await depot.charger(id)).piecesJointes).toHaveLength(2);
    const soumis = await api().post(`/api/v1/tickets/${id}/soumettre`).set(a).set("If-Match", '"3"');
    expect(soumis.status).toBe(200);
    expect(Either.getOrThrow(await depot.charger(id))).toMatchObject({ etat: "NOUVEAU", piecesJointes: stocke.piecesJointes });
  });

  it("refuses a draft's edit, submission or comment that is not admissible, and writes nothing", async () => {
    const cree = await api().post("/api/v1/tickets").set(a).send(saisie({ titre: "Brouillon refusé", description: "", brouillon: true }));
    const id = String(j(cree).ticket.id);
    const avant = await ecrits(id);
    expect(avant).toEqual({ version: 1, etat: "BROUILLON", titre: "Brouillon refusé", description: "", journal: 1, messages: 0 });
    const patch = (corps: object, ifMatch: string | null = '"1"', qui = a) => {
      const r = api().patch(`/api/v1/tickets/${id}`).set(qui);
      return (ifMatch === null ? r : r.set("If-Match", ifMatch)).send(corps);
    };

    const inconnu = await patch({ titre: "Autre", priorite: "haute" });
    expect(inconnu.status).toBe(422);
    expect(j(inconnu).erreurs).toEqual([{ chemin: "priorite", raison: "champ inconnu" }]);
    const pasUnTexte = await patch({ description: 12 });
    expect(pasUnTexte.status).toBe(422);
    expect(j(pasUnTexte).erreurs).toEqual([{ chemin: "description", raison: "texte attendu" }]);
    const vide = await patch({});
    expect(vide.status).toBe(422);
    expect(j(vide).tag).toBe("SaisieInvalide");
    const tropLong = await patch({ titre: "x".repeat(201) });
    expect(tropLong.status).toBe(422);
    expect(j(tropLong).erreurs.map((e) => e.chemin)).toContain("titre");
    const sansIfMatch = await patch({ titre: "Autre" }, null);
    expect(sansIfMatch.status).toBe(428);
    const perime = await patch({ titre: "Autre" }, '"7"');
    expect(perime.status).toBe(412);
    expect(j(perime)).toMatchObject({ tag: "ConflitDeVersion", versionCourante: 1, title: "Modifié depuis votre lecture" });
    expect((await patch({ titre: "Autre" }, '"1"', b)).status).toBe(404);

    const incomplet = await api().post(`/api/v1/tickets/${id}/soumettre`).set(a).set("If-Match", '"1"');
    expect(incomplet.status).toBe(422);
    expect(j(incomplet)).toMatchObject({ tag: "TransitionRefusee", garde: "champsObligatoiresManquants" });
    const avecChamp = await api().post(`/api/v1/tickets/${id}/soumettre`).set(a).set("If-Match", '"1"').send({ description: "Ajoutée ici." });
    expect(avecChamp.status).toBe(422);
    expect(j(avecChamp).erreurs).toEqual([{ chemin: "description", raison: "champ inconnu" }]);
    const avecTexte = await api().post(`/api/v1/tickets/${id}/soumettre`).set(a).set("If-Match", '"1"').send({ texte: "Prêt." });
    expect(avecTexte.status).toBe(422);
    expect(j(avecTexte).erreurs).toEqual([{ chemin: "texte", raison: "champ inconnu" }]);
    expect((await api().post(`/api/v1/tickets/${id}/soumettre`).set(a).send({})).status).toBe(428);
    expect((await api().post(`/api/v1/tickets/${id}/soumettre`).set(b).set("If-Match", '"1"')).status).toBe(404);
    const commentaireSurBrouillon = await api().post(`/api/v1/tickets/${id}/commenter`).set(a).set("If-Match", '"1"').send({ texte: "Trop tôt." });
    expect(commentaireSurBrouillon.status).toBe(409);
    // The problem's words fit a ticket as well as a mémoire.
    expect(j(commentaireSurBrouillon)).toMatchObject({ tag: "TransitionRefusee", garde: "etatIncompatible", title: "Action impossible dans l'état actuel" });
    expect(await ecrits(id)).toEqual(avant);

    const soumis = await api().post("/api/v1/tickets").set(a).send(saisie({ titre: "Déjà soumis" }));
    const sid = String(j(soumis).ticket.id);
    const avantSoumis = await ecrits(sid);
    const modifie = await api().patch(`/api/v1/tickets/${sid}`).set(a).set("If-Match", '"1"').send({ titre: "Changé après coup" });
    expect(modifie.status).toBe(409);
    expect(j(modifie)).toMatchObject({ tag: "TransitionRefusee", garde: "etatIncompatible", evenement: "ticket.modifier-brouillon", etat: "NOUVEAU" });
    const resoumis = await api().post(`/api/v1/tickets/${sid}/soumettre`).set(a).set("If-Match", '"1"');
    expect(resoumis.status).toBe(409);
    const sansTexte = await api().post(`/api/v1/tickets/${sid}/commenter`).set(a).set("If-Match", '"1"').send({ texte: "  " });
    expect(sansTexte.status).toBe(422);
    expect(j(sansTexte)).toMatchObject({ tag: "TransitionRefusee", garde: "texteAbsent" });
    const commentaireInconnu = await api().post(`/api/v1/tickets/${sid}/commenter`).set(a).set("If-Match", '"1"').send({ texte: "x", visibilite: "INTERNE" });
    expect(commentaireInconnu.status).toBe(422);
    expect(j(commentaireInconnu).erreurs).toEqual([{ chemin: "visibilite", raison: "champ inconnu" }]);
    expect((await api().post(`/api/v1/tickets/${sid}/commenter`).set(a).set("If-Match", '"3"').send({ texte: "x" })).status).toBe(412);
    expect((await api().post(`/api/v1/tickets/${sid}/commenter`).set(b).set("If-Match", '"1"').send({ texte: "x" })).status).toBe(404);
    expect(await ecrits(sid)).toEqual(avantSoumis);
  });

  it("follows the requester's path: complete, refuse then accept the solution; the tabs follow; no internal note is shown", async () => {
    const cree = await api().post("/api/v1/tickets").set(a).send(saisie({ titre: "Parcours complet" }));
    const id = String(j(cree).ticket.id);
    await agent(id, { type: "ticket.affecter" });
    await agent(id, { type: "ticket.noter", texte: "NOTE-INTERNE-SECRETE" });
    await agent(id, { type: "ticket.demander-informations", texte: "Quel est le préfixe du jeton ?" });

    const attente = await api().get("/api/v1/tickets?onglet=actions-requises").set(a);
    expect(j(attente).elements.map((l) => l.id)).toContain(id);
    expect(JSON.stringify((await api().get(`/api/v1/tickets/${id}`).set(a)).body)).not.toContain("NOTE-INTERNE-SECRETE");

    const lu = await api().get(`/api/v1/tickets/${id}`).set(a);
    expect((await api().post(`/api/v1/tickets/${id}/completer`).set(a).send({ texte: "fjt_AbCd" })).status).toBe(428);
    const perime = await api().post(`/api/v1/tickets/${id}/completer`).set(a).set("If-Match", '"1"').send({ texte: "fjt_AbCd" });
    expect(perime.status).toBe(412);
    const complete = await api().post(`/api/v1/tickets/${id}/completer`).set(a).set("If-Match", String(lu.headers["etag"])).send({ texte: "fjt_AbCd" });
    expect(complete.status).toBe(200);
    expect(j(complete).ticket.etat).toBe("EN_COURS");

    await agent(id, { type: "ticket.proposer-solution", texte: "Créez un nouveau jeton." });
    let v = String((await api().get(`/api/v1/tickets/${id}`).set(a)).headers["etag"]);
    const sansTexte = await api().post(`/api/v1/tickets/${id}/refuser-solution`).set(a).set("If-Match", v).send({});
    expect(sansTexte.status).toBe(422);
    expect(j(sansTexte)).toMatchObject({ tag: "TransitionRefusee", garde: "texteAbsent" });
    const refuse = await api().post(`/api/v1/tickets/${id}/refuser-solution`).set(a).set("If-Match", v).send({ texte: "Toujours 401." });
    expect(j(refuse).ticket.etat).toBe("EN_COURS");

    await agent(id, { type: "ticket.proposer-solution", texte: "Le jeton était révoqué : en voici la cause." });
    v = String((await api().get(`/api/v1/tickets/${id}`).set(a)).headers["etag"]);
    const cloturerPendantResolu = await api().post(`/api/v1/tickets/${id}/cloturer`).set(a).set("If-Match", v).send({});
    expect(cloturerPendantResolu.status).toBe(409);
    expect(j(cloturerPendantResolu).tag).toBe("TransitionRefusee");
    const accepte = await api().post(`/api/v1/tickets/${id}/accepter-solution`).set(a).set("If-Match", v).send({ texte: "Merci." });
    expect(j(accepte).ticket.etat).toBe("CLOTURE");
    expect(j(await api().get("/api/v1/tickets?onglet=clotures").set(a)).elements.map((l) => l.id)).toContain(id);
    expect(j(await api().get("/api/v1/tickets?onglet=tous").set(a)).elements.map((l) => l.id)).not.toContain(id);
    const journal = await sqlDe(banc.orm).lignes<{ n: unknown }>("SELECT count(*) AS n FROM entree_journal_ticket WHERE ticket_id = ?", [id]);
    expect(Number(journal[0]?.n)).toBeGreaterThanOrEqual(9);
  });

  it("closes an open ticket, attaches a file, and pages the tabs with their counts", async () => {
    const autre = await api().post("/api/v1/tickets").set(a).send(saisie({ titre: "À clore aussi" }));
    await api().post(`/api/v1/tickets/${j(autre).ticket.id}/cloturer`).set(a).set("If-Match", '"1"').send({ texte: "Réglé entre-temps." });
    const cree = await api().post("/api/v1/tickets").set(a).send(saisie({ titre: "À clore" }));
    const id = String(j(cree).ticket.id);
    const piece = await api().post(`/api/v1/tickets/${id}/pieces-jointes`).set(a).set("If-Match", '"1"').attach("fichier", PDF, "capture.pdf");
    expect(piece.status).toBe(201);
    const v = String(piece.headers["etag"]);
    const clos = await api().post(`/api/v1/tickets/${id}/cloturer`).set(a).set("If-Match", v).send({});
    expect(clos.status).toBe(200);
    expect(j(clos).ticket.etat).toBe("CLOTURE");
    const page = await api().get("/api/v1/tickets?onglet=clotures&limit=1").set(a);
    expect(j(page).elements).toHaveLength(1);
    expect(j(page).liens.next).toBeDefined();
    expect(Number(j(page).compteurs.CLOTURES)).toBeGreaterThanOrEqual(2);
    expect((await api().get("/api/v1/tickets?onglet=archives").set(a)).status).toBe(422);
  });

  it("exports a tab as CSV (the portal's columns, Paris time, keyword search), only the caller's tickets; refuses a page of it", async () => {
    const mien = await api().post("/api/v1/tickets").set(a).send(saisie({ titre: "Export; « guillemets »" }));
    expect(mien.status).toBe(201);
    const csv = await api().get("/api/v1/tickets?onglet=tous&format=csv").set(a).buffer(true);
    expect(csv.status).toBe(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers["content-disposition"]).toBe('attachment; filename="tickets-tous.csv"');
    const texte = String(csv.text);
    expect(texte.startsWith("\uFEFFNuméro;Description brève;Ouvert le;")).toBe(true);
    const ligne = texte.split("\r\n").find((l) => l.startsWith(String(j(mien).ticket.numero)));
    const ouvert = new Date(String(vu(mien).ticket["soumisLe"] ?? vu(mien).ticket["creeLe"]));
    const paris = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "medium" }).format(ouvert).replace(" ", " ");
    expect(ligne).toBe(`${String(j(mien).ticket.numero)};"Export; « guillemets »";${paris};Mon compte;Connexion, mot de passe;Ouvert;;;Support national`);
    // Another user's export holds none of the caller's tickets (that user has none here: the header alone).
    const autre = await api().get("/api/v1/tickets?onglet=tous&format=csv").set(b).buffer(true);
    expect(String(autre.text).split("\r\n").filter((l) => l !== "")).toHaveLength(1);
    // Accept: text/csv asks the same; the keyword search narrows it.
    const parAccept = await api().get("/api/v1/tickets?onglet=tous&q=guillemets").set(a).set("Accept", "text/csv").buffer(true);
    expect(String(parAccept.text).split("\r\n").filter((l) => l !== "").slice(1).map((l) => l.split(";")[0])).toEqual([String(j(mien).ticket.numero)]);
    const page = await api().get("/api/v1/tickets?format=csv&page=2").set(a);
    expect(page.status).toBe(422);
    expect(j(page).erreurs).toEqual([{ chemin: "page", raison: "sans objet pour l'export CSV : tout l'onglet est exporté" }]);
    expect((await api().get("/api/v1/tickets?format=xml").set(a)).status).toBe(422);
  });

  it("never shows nor lets act on another user's ticket (404, nothing written)", async () => {
    const cree = await api().post("/api/v1/tickets").set(a).send(saisie({ titre: "Privé" }));
    const id = String(j(cree).ticket.id);
    expect((await api().get(`/api/v1/tickets/${id}`).set(b)).status).toBe(404);
    for (const action of ["completer", "commenter", "accepter-solution", "refuser-solution", "cloturer"]) {
      const r = await api().post(`/api/v1/tickets/${id}/${action}`).set(b).set("If-Match", '"1"').send({ texte: "x" });
      expect(r.status, action).toBe(404);
    }
    expect((await api().post(`/api/v1/tickets/${id}/soumettre`).set(b).set("If-Match", '"1"')).status).toBe(404);
    expect((await api().patch(`/api/v1/tickets/${id}`).set(b).set("If-Match", '"1"').send({ titre: "x" })).status).toBe(404);
    expect((await api().post(`/api/v1/tickets/${id}/pieces-jointes`).set(b).set("If-Match", '"1"').attach("fichier", PDF, "x.pdf")).status).toBe(404);
    expect(j(await api().get("/api/v1/tickets?onglet=tous").set(b)).elements).toHaveLength(0);
    expect(j(await api().get(`/api/v1/tickets/${id}`).set(a)).ticket.version).toBe(1);
  });
});
