import { describe, expect, it } from "vitest";
import { main } from "./support-ticket.js";

describe("exemple : une question sur le suivi d'un mémoire, traitée par le service métier de la juridiction", () => {
  const lignes: Array<string> = [];
  const { ticket, etapes, messages, refus, clotures } = main((l) => lignes.push(l));

  it("routes the ticket to the service métier of the mémoire's juridiction and numbers it", () => {
    expect(ticket.numero).toBe("CPROCS0048685");
    expect(ticket.file).toEqual({ _tag: "ServiceMetier", juridiction: { code: "75", libelle: "Tribunal judiciaire de Paris", courAppel: "75" } });
    expect(lignes).toContain("Destinataire : Service métier — 75 - Tribunal judiciaire de Paris (référentiel 2026-01 = 2026-01)");
  });

  it("shows the ticket in the right requester tab at each step, and ends closed after acceptance", () => {
    expect(etapes.map((e) => [e.evenement, e.etat, e.onglet])).toEqual([
      ["ticket.creer", "NOUVEAU", "TOUS"],
      ["ticket.affecter", "EN_COURS", "TOUS"],
      ["ticket.noter", "EN_COURS", "TOUS"],
      ["ticket.demander-informations", "EN_ATTENTE_INFORMATIONS", "ACTIONS_REQUISES"],
      ["ticket.completer", "EN_COURS", "TOUS"],
      ["ticket.proposer-solution", "RESOLU", "ACTIONS_REQUISES"],
      ["ticket.refuser-solution", "EN_COURS", "TOUS"],
      ["ticket.proposer-solution", "RESOLU", "ACTIONS_REQUISES"],
      ["ticket.accepter-solution", "CLOTURE", "CLOTURES"],
    ]);
    expect(ticket.cloture).toBe("SOLUTION_ACCEPTEE");
    expect(clotures).toEqual(["CPROCS0048685"]);
    expect(ticket.journal).toHaveLength(9);
  });

  it("refuses a refusal without comment and any event on the closed ticket, naming the rule", () => {
    expect(refus).toEqual(["ticket.refuser-solution: texteAbsent", "ticket.commenter: ticketClos"]);
  });

  it("sends the messages each step calls for, and never the internal note to the requester", () => {
    expect(messages.map((m) => [m.audience, m.destinataire, m.sujet])).toEqual([
      ["AGENTS", "service-metier.tj-paris@frais-justice.example", "[CPROCS0048685] Nouveau ticket"],
      ["DEMANDEUR", "claire.dupont@traductions-dupont.example", "[CPROCS0048685] Informations complémentaires demandées"],
      ["AGENTS", "agent.support.tj-paris@frais-justice.example", "[CPROCS0048685] Informations complétées par le demandeur"],
      ["DEMANDEUR", "claire.dupont@traductions-dupont.example", "[CPROCS0048685] Une solution vous est proposée"],
      ["AGENTS", "agent.support.tj-paris@frais-justice.example", "[CPROCS0048685] Solution refusée par le demandeur"],
      ["DEMANDEUR", "claire.dupont@traductions-dupont.example", "[CPROCS0048685] Une solution vous est proposée"],
    ]);
    expect(JSON.stringify(messages)).not.toContain("pôle Chorus");
    expect(lignes.join("\n")).not.toContain("pôle Chorus");
    expect(ticket.journal.some((e) => e.visibilite === "INTERNE" && e.texte?.includes("pôle Chorus"))).toBe(true);
  });
});
