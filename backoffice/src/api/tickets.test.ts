import type { ActeurAgent } from "@frais-justice/core/autorisation";
import type { Commande } from "@frais-justice/support";
import { Either } from "effect";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqlDe } from "../base/sql.js";
import { bancApi, j, PDF, type BancApi } from "./test-support.js";

/**
 * The requester side of the support tickets through the API: creation, the agent's requests and
 * solutions answered (complete, refuse, accept), closing, the three tabs with their counts, an
 * attachment; versions with If-Match; another user's ticket is a 404; no internal note ever shown.
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

  it("never shows nor lets act on another user's ticket (404, nothing written)", async () => {
    const cree = await api().post("/api/v1/tickets").set(a).send(saisie({ titre: "Privé" }));
    const id = String(j(cree).ticket.id);
    expect((await api().get(`/api/v1/tickets/${id}`).set(b)).status).toBe(404);
    for (const action of ["completer", "accepter-solution", "refuser-solution", "cloturer"]) {
      const r = await api().post(`/api/v1/tickets/${id}/${action}`).set(b).set("If-Match", '"1"').send({ texte: "x" });
      expect(r.status, action).toBe(404);
    }
    expect((await api().post(`/api/v1/tickets/${id}/pieces-jointes`).set(b).set("If-Match", '"1"').attach("fichier", PDF, "x.pdf")).status).toBe(404);
    expect(j(await api().get("/api/v1/tickets?onglet=tous").set(b)).elements).toHaveLength(0);
    expect(j(await api().get(`/api/v1/tickets/${id}`).set(a)).ticket.version).toBe(1);
  });
});
