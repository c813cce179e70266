import { SUPPORT_NATIONAL, serviceMetier, type ReponseType } from "@frais-justice/support";
import { describe, expect, it } from "vitest";
import { issueDuRefus, MESSAGE_CONFLIT } from "./tickets.actions.js";
import { syntheseSupport } from "./tickets.compteurs.js";
import { commandesPermisesTicket, detailTicket, reponsesTypesRemplies } from "./tickets.detail.js";
import { apres, demandeur, LYON, PARIS, supportLyon, supportParis, ticketMemoireParis } from "./tickets.fixtures.js";
import { choixFiles, cleFile, fileDeCle } from "./tickets.libelles.js";
import { criteresTickets, triTickets } from "./tickets.ressource.js";

const maintenant = new Date(Date.UTC(2026, 2, 3));
const options = { acteur: supportParis, maintenant, annuaire: { nomAgent: (id: string) => (id === supportParis.id ? "Julien Moreau" : id) }, lienPiece: (p: string) => `/piece/${p}` };

describe("actions offered on a ticket (the ticket machine's rules for this agent, now)", () => {
  it("offers « m'assigner » and the transfer on a new ticket of the agent's queue, not the text actions of the assigned agent", () => {
    expect(commandesPermisesTicket(ticketMemoireParis(), supportParis, maintenant)).toEqual(["ticket.affecter", "ticket.commenter", "ticket.noter", "ticket.transferer", "ticket.cloturer"]);
  });

  it("offers the assigned agent's actions once assigned, and nothing on a resolved ticket but notes and comments", () => {
    const enCours = apres(ticketMemoireParis(), { type: "ticket.affecter", acteur: supportParis });
    expect(commandesPermisesTicket(enCours, supportParis, maintenant)).toEqual([
      "ticket.affecter",
      "ticket.commenter",
      "ticket.noter",
      "ticket.demander-informations",
      "ticket.proposer-solution",
      "ticket.transferer",
      "ticket.cloturer",
    ]);
    const resolu = apres(enCours, { type: "ticket.proposer-solution", texte: "Payé le 16 mars.", acteur: supportParis });
    expect(commandesPermisesTicket(resolu, supportParis, maintenant)).toEqual(["ticket.commenter", "ticket.noter"]);
  });

  it("offers nothing to an agent outside the ticket's queue, nor on a closed ticket", () => {
    expect(commandesPermisesTicket(ticketMemoireParis(), supportLyon, maintenant)).toEqual([]);
    const clos = apres(ticketMemoireParis(), { type: "ticket.cloturer", acteur: demandeur });
    expect(commandesPermisesTicket(clos, supportParis, maintenant)).toEqual([]);
  });
});

describe("the ticket page", () => {
  it("shows the whole journal to agents, internal notes marked, with the assignment and state changes", () => {
    const t = apres(
      ticketMemoireParis(),
      { type: "ticket.affecter", acteur: supportParis },
      { type: "ticket.noter", texte: "Certifié le 20/02, attente du pôle Chorus.", acteur: supportParis },
      { type: "ticket.demander-informations", texte: "Merci de joindre la réquisition.", acteur: supportParis },
    );
    const d = detailTicket(t, options);
    expect(d.etatLibelle).toBe("En attente d'informations");
    expect(d.agent).toBe("Julien Moreau");
    expect(d.affecteAMoi).toBe(true);
    expect(d.file).toBe("Service métier — 750 - Tribunal judiciaire de Paris");
    expect(d.journal.map((l) => [l.libelle, l.interne])).toEqual([
      ["Ticket créé", false],
      ["Affectation", false],
      ["Note interne", true],
      ["Informations demandées", false],
    ]);
    expect(d.journal[1]?.texte).toBe("Affecté à Julien Moreau");
    expect(d.journal[1]?.transition).toBe("Ouvert → En cours");
    expect(d.journal[2]?.texte).toBe("Certifié le 20/02, attente du pôle Chorus.");
    expect(d.journal[0]?.auteur).toBe("Demandeur — Traductions Dupont");
    // Waiting for the requester: comment, note or close; no assignment, question, solution or transfer.
    expect(d.actions.map((a) => a.nom)).toEqual(["repondre", "note-interne", "cloturer"]);
  });

  it("fills the réponses types with the ticket's values and reports a template with an unknown variable", () => {
    const t = ticketMemoireParis(1234);
    const modeles: ReadonlyArray<ReponseType> = [
      { code: "A", titre: "A", texte: "Bonjour {{demandeur}}, ticket {{numero}} sur {{objet}}." },
      { code: "B", titre: "B", texte: "Bonjour {{client}}" },
    ];
    expect(reponsesTypesRemplies(t, modeles)).toEqual([
      { code: "A", titre: "A", texte: "Bonjour Traductions Dupont, ticket CPROCS0001234 sur Mémoire de frais de justice MJ0000002117." },
      { code: "B", titre: "B", erreur: expect.stringContaining("{{client}}") as unknown },
    ]);
  });
});

describe("queues: filter values, criteria scoped by autoriser, counts", () => {
  const juridictions = [PARIS, LYON];

  it("names each queue by a filter value and back", () => {
    expect(choixFiles(juridictions).map((c) => c.value)).toEqual(["SUPPORT_NATIONAL", "SM-750", "SM-690"]);
    expect(fileDeCle("SM-690", juridictions)).toEqual(serviceMetier(LYON));
    expect(fileDeCle("SM-999", juridictions)).toBeUndefined();
    expect(cleFile(SUPPORT_NATIONAL)).toBe("SUPPORT_NATIONAL");
  });

  it("restricts every list to the agent's queues; a queue outside them lists nothing", () => {
    const lyon = criteresTickets(() => undefined, supportLyon, juridictions);
    expect(lyon?.files).toEqual([serviceMetier(LYON)]);
    expect(lyon?.etats).toEqual(["NOUVEAU", "EN_COURS", "EN_ATTENTE_INFORMATIONS", "RESOLU"]);
    expect(criteresTickets((c) => (c === "file" ? "SM-750" : undefined), supportLyon, juridictions)).toBeUndefined();
    const filtre: Record<string, string> = { file: "SM-750", etat: "CLOTURE", categorie: "MON_COMPTE", mesTickets: "oui" };
    expect(criteresTickets((c) => filtre[c], supportParis, juridictions)).toEqual({ files: [serviceMetier(PARIS)], etats: ["CLOTURE"], categorie: "MON_COMPTE", agentId: supportParis.id });
    expect(criteresTickets((c) => (c === "etat" ? "BROUILLON" : undefined), supportParis, juridictions)?.etats).toEqual([]);
    expect(triTickets("modifieLe", "desc")).toEqual({ colonne: "modifieLe", sens: "desc" });
    expect(triTickets("id; DROP TABLE", "x")).toEqual({ colonne: "soumisLe", sens: "asc" });
  });

  it("groups counts by queue (every queue of the agent, even empty) and catégorie", () => {
    const s = syntheseSupport(
      [SUPPORT_NATIONAL, serviceMetier(PARIS)],
      [
        { file: serviceMetier(PARIS), categorie: { code: "B", libelle: "Mémoire" }, ouverts: 2, enAttente: 1, enRetard: 1 },
        { file: serviceMetier(PARIS), categorie: { code: "A", libelle: "Factures" }, ouverts: 1, enAttente: 0, enRetard: 0 },
        { file: serviceMetier(LYON), categorie: { code: "A", libelle: "Factures" }, ouverts: 9, enAttente: 9, enRetard: 9 },
      ],
    );
    expect(s.files.map((f) => [f.cle, f.ouverts, f.enAttente, f.enRetard, f.categories.map((c) => c.code)])).toEqual([
      ["SUPPORT_NATIONAL", 0, 0, 0, []],
      ["SM-750", 3, 1, 1, ["A", "B"]],
    ]);
    expect(s.totaux).toEqual({ ouverts: 3, enAttente: 1, enRetard: 1 });
  });
});

describe("refusals as statuses and French messages", () => {
  it("maps a version conflict to 409 with a clear message, rules to 403 / 422", () => {
    expect(issueDuRefus({ _tag: "ConflitDeVersion", message: "x" })).toEqual({ statut: 409, message: MESSAGE_CONFLIT });
    expect(issueDuRefus({ _tag: "TransitionRefusee", garde: "acteurNonAffecte", detail: "réservé à l'agent affecté", message: "" }).statut).toBe(403);
    expect(issueDuRefus({ _tag: "TransitionRefusee", garde: "texteAbsent", detail: "", message: "" })).toEqual({ statut: 422, message: "Le texte est obligatoire pour cette action : rien n'a été enregistré." });
    expect(issueDuRefus({ _tag: "TicketIntrouvable", message: "" }).statut).toBe(404);
  });
});
