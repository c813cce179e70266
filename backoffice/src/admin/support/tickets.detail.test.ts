import { SUPPORT_NATIONAL, TransitionRefusee, filesExistantes, serviceMetier, type NomGarde, type ReponseType } from "@frais-justice/support";
import { ConflitDeVersion, TicketIntrouvable } from "../../support/depot-tickets.js";
import { describe, expect, it } from "vitest";
import { issueDuRefus, MESSAGE_CONFLIT } from "./tickets.actions.js";
import { syntheseSupport } from "./tickets.compteurs.js";
import { commandesAgentPermises, detailTicket, reponsesTypesRemplies } from "./tickets.detail.js";
import { apres, LYON, PARIS, supportLyon, supportParis, ticketMemoireParis } from "./tickets.fixtures.js";
import { cleFile, fileDeCle } from "./tickets.libelles.js";
import { criteresTickets, triTickets } from "./tickets.ressource.js";

const options = { acteur: supportParis, actionsPermises: ["ticket.commenter", "ticket.noter", "ticket.cloturer", "ticket.joindre"] as const, annuaire: { nomAgent: (id: string) => (id === supportParis.id ? "Julien Moreau" : id) }, lienPiece: (p: string) => `/piece/${p}` };

describe("actions offered on a ticket", () => {
  it("keeps the agent commands among the events the machine accepts, in button order", () => {
    expect(commandesAgentPermises(["ticket.noter", "ticket.joindre", "ticket.affecter", "ticket.completer"])).toEqual(["ticket.affecter", "ticket.noter"]);
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
    expect(filesExistantes(juridictions).map(cleFile)).toEqual(["SUPPORT_NATIONAL", "SM-750", "SM-690"]);
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
    expect(triTickets("id; DROP TABLE", "x")).toEqual({ colonne: "ouvertLe", sens: "asc" });
  });

  it("groups counts by queue (every queue of the agent, even empty) and catégorie, naming catégories by code", () => {
    const l = (file: ReturnType<typeof serviceMetier>, categorie: string, ouverts: number, enAttente: number, enRetard: number) => ({ file, libelleFile: "", categorie, ouverts, enAttente, enRetard });
    const s = syntheseSupport(
      [SUPPORT_NATIONAL, serviceMetier(PARIS)],
      [
        l(serviceMetier(PARIS), "Mémoire de frais de justice", 2, 1, 1),
        l(serviceMetier(PARIS), "Factures émises", 1, 0, 0),
        l(serviceMetier(LYON), "Factures émises", 9, 9, 9),
      ],
    );
    expect(s.files.map((f) => [f.cle, f.ouverts, f.enAttente, f.enRetard, f.categories.map((c) => c.code)])).toEqual([
      ["SUPPORT_NATIONAL", 0, 0, 0, []],
      ["SM-750", 3, 1, 1, ["FACTURES_EMISES", "MEMOIRE_FRAIS_DE_JUSTICE"]],
    ]);
    expect(s.totaux).toEqual({ ouverts: 3, enAttente: 1, enRetard: 1 });
  });
});

describe("refusals as statuses and French messages", () => {
  it("maps a version conflict to 409 with a clear message, rules to 403 / 422", () => {
    expect(issueDuRefus(new ConflitDeVersion({ entite: "ticket", id: "t", versionAttendue: 2, versionTrouvee: 3 }))).toEqual({ statut: 409, message: MESSAGE_CONFLIT });
    const refus = (garde: NomGarde) => new TransitionRefusee({ evenement: "ticket.proposer-solution", etat: "EN_COURS", garde, detail: "réservé à l'agent affecté" });
    expect(issueDuRefus(refus("acteurNonAffecte")).statut).toBe(403);
    expect(issueDuRefus(refus("texteAbsent"))).toEqual({ statut: 422, message: "Le texte est obligatoire pour cette action : rien n'a été enregistré." });
    expect(issueDuRefus(new TicketIntrouvable({ reference: "t" })).statut).toBe(404);
  });

  it("names the action and the état in words when the état does not allow it, never core's codes", () => {
    const refus = new TransitionRefusee({ evenement: "ticket.proposer-solution", etat: "RESOLU", garde: "etatIncompatible", detail: "« ticket.proposer-solution » n'existe pas dans l'état RESOLU" });
    expect(issueDuRefus(refus)).toEqual({ statut: 422, message: "Action refusée : « Proposer une solution » n'est pas possible sur un ticket à l'état « Résolu »." });
  });
});
