import { describe, expect, it } from "vitest";
import { creer, demandeur, mener, saisieCompte, supportParis, VERS } from "../test-support/fixtures.js";
import type { Ticket } from "../ticket/index.js";
import { notificationsDe, type AnnuaireSupport } from "./index.js";

const annuaire: AnnuaireSupport = {
  supportNational: "support@example.gouv.fr",
  servicesMetier: new Map([["75", "service-metier.tj-paris@example.gouv.fr"]]),
  agents: new Map([[supportParis.id, "agent.75@example.gouv.fr"]]),
};
const derniers = (t: Ticket) => notificationsDe(t, t.journal[t.journal.length - 1]!, annuaire);

describe("notifications", () => {
  it("a new ticket goes to its queue's address; an account question to the national support", () => {
    expect(derniers(creer()).map((m) => [m.audience, m.destinataire, m.sujet])).toEqual([
      ["AGENTS", "service-metier.tj-paris@example.gouv.fr", "[CPROCS0048685] Nouveau ticket"],
    ]);
    expect(derniers(creer(saisieCompte))[0]?.destinataire).toBe("support@example.gouv.fr");
    expect(derniers(creer({ ...saisieCompte, brouillon: true }))).toEqual([]);
  });

  it("information requested and solution proposed go to the requester's contact, with the public text", () => {
    const attente = mener(creer(), VERS.EN_ATTENTE_INFORMATIONS);
    const [m] = derniers(attente);
    expect(m).toMatchObject({ audience: "DEMANDEUR", destinataire: "contact@traductions-dupont.example", sujet: "[CPROCS0048685] Informations complémentaires demandées" });
    expect(m?.texte).toContain("Merci de joindre la réquisition.");
    const [s] = derniers(mener(creer(), VERS.RESOLU));
    expect(s?.sujet).toBe("[CPROCS0048685] Une solution vous est proposée");
    expect(s?.texte).toMatch(/clôturé automatiquement le \d{2}\/\d{2}\/\d{4}/);
  });

  it("the requester's answer and refusal go to the assigned agent", () => {
    const complete = mener(creer(), [...VERS.EN_ATTENTE_INFORMATIONS, { type: "ticket.completer", texte: "Voici la réquisition.", acteur: demandeur }]);
    expect(derniers(complete).map((m) => [m.destinataire, m.sujet])).toEqual([["agent.75@example.gouv.fr", "[CPROCS0048685] Informations complétées par le demandeur"]]);
    const refus = mener(creer(), [...VERS.RESOLU, { type: "ticket.refuser-solution", texte: "Toujours impayé.", acteur: demandeur }]);
    expect(derniers(refus)[0]?.texte).toContain("Toujours impayé.");
  });

  it("notes, comments, assignment and acceptance call for no message", () => {
    expect(derniers(mener(creer(), VERS.EN_COURS))).toEqual([]);
    expect(derniers(mener(creer(), [...VERS.EN_COURS, { type: "ticket.noter", texte: "interne", acteur: supportParis }]))).toEqual([]);
    expect(derniers(mener(creer(), VERS.CLOTURE))).toEqual([]);
  });
});
