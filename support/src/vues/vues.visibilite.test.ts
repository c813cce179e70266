import { Either } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { notificationsDe, type AnnuaireSupport } from "../notification/index.js";
import { demandeur, mener, creer, supportParis, VERS, contexteA, apres } from "../test-support/fixtures.js";
import { ACTEURS, arbDepart, arbEtapes, arbEtapesGuidees, derouler, MARQUEUR_NOTE } from "../test-support/parcours.js";
import { executer } from "../ticket/index.js";
import {
  compteursOnglets,
  correspondAuxMotsCles,
  exporterTickets,
  journalDemandeur,
  ligneDemandeur,
  ticketsEmis,
  versCsv,
  vueDemandeur,
  type Onglet,
} from "./index.js";

const annuaire: AnnuaireSupport = {
  supportNational: "support@example.gouv.fr",
  servicesMetier: new Map([["75", "service-metier.tj-paris@example.gouv.fr"]]),
  agents: new Map([[supportParis.id, "agent.75@example.gouv.fr"]]),
};
const ONGLETS: ReadonlyArray<Onglet> = ["ACTIONS_REQUISES", "TOUS", "CLOTURES"];

/** Every requester-facing projection of a ticket, as one text. */
const toutCeQueVoitLeDemandeur = (tickets: ReadonlyArray<ReturnType<typeof creer>>): string => {
  const lignes = ONGLETS.flatMap((onglet) => ticketsEmis(tickets, demandeur.id, { onglet, etatsMemoires: new Map([["MJ0000002117", "CERTIFIE"]]) }));
  const { entetes, lignes: rangees } = exporterTickets(lignes);
  const notifications = tickets.flatMap((t) =>
    t.journal.flatMap((e, i) => notificationsDe({ ...t, journal: t.journal.slice(0, i + 1) }, e, annuaire).filter((m) => m.audience === "DEMANDEUR")),
  );
  return JSON.stringify([
    tickets.map(vueDemandeur),
    tickets.map(journalDemandeur),
    tickets.map((t) => ligneDemandeur(t)),
    lignes,
    versCsv(entetes, rangees),
    notifications,
    compteursOnglets(tickets, demandeur.id),
  ]);
};

describe("visibility: internal notes never reach the requester", () => {
  it("example: a note written by the agent is in the journal, absent from every requester projection and from search", () => {
    const t = mener(creer(), [...VERS.EN_COURS, { type: "ticket.noter", texte: `${MARQUEUR_NOTE} le prestataire insiste`, acteur: supportParis }]);
    expect(t.journal.some((e) => e.visibilite === "INTERNE" && e.texte?.includes(MARQUEUR_NOTE))).toBe(true);
    expect(toutCeQueVoitLeDemandeur([t])).not.toContain(MARQUEUR_NOTE);
    expect(correspondAuxMotsCles(t, "insiste")).toBe(false);
    expect(ticketsEmis([t], demandeur.id, { onglet: "TOUS", motsCles: "insiste" })).toEqual([]);
  });

  it("regression: an agent's id never reaches the requester, neither as the assigned agent nor as the author of a public row", () => {
    const t = mener(creer(), [...VERS.EN_COURS, { type: "ticket.commenter", texte: "Nous regardons.", acteur: supportParis }]);
    expect(t.journal.some((e) => e.auteur._tag === "Agent" && e.auteur.id === supportParis.id)).toBe(true);
    expect(toutCeQueVoitLeDemandeur([t])).not.toContain(`"${supportParis.id}"`);
    expect(vueDemandeur(t).journal.map((e) => e.auteur._tag)).toEqual(["Demandeur", "Agent", "Agent"]);
  });

  it("property: over random walks, no projection, search result, export or requester notification shows a note", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(arbDepart, fc.oneof(arbEtapes, arbEtapesGuidees)), { minLength: 1, maxLength: 3 }), (marches) => {
        const tickets = marches.map(([depart, etapes]) => derouler(depart, etapes).fin);
        const visible = toutCeQueVoitLeDemandeur(tickets);
        expect(visible).not.toContain(MARQUEUR_NOTE);
        for (const agent of ACTEURS) if (agent._tag === "Agent") expect(visible).not.toContain(`"${agent.id}"`);
        for (const onglet of ONGLETS) expect(ticketsEmis(tickets, demandeur.id, { onglet, motsCles: MARQUEUR_NOTE })).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("the walks do reach the deep states and write notes (the property above is not vacuous)", () => {
    const fins = fc.sample(fc.tuple(arbDepart, arbEtapesGuidees), { numRuns: 300, seed: 42 }).map(([d, e]) => derouler(d, e).fin);
    expect(fins.some((t) => t.etat === "CLOTURE" && t.cloture === "SOLUTION_ACCEPTEE")).toBe(true);
    expect(fins.some((t) => t.journal.some((e) => e.visibilite === "INTERNE"))).toBe(true);
    expect(fins.some((t) => t.etat === "RESOLU")).toBe(true);
  });

  it("a note is refused to the requester and to agents outside the queue", () => {
    const t = creer();
    const r = executer(t, { type: "ticket.noter", texte: "x", acteur: demandeur }, contexteA(apres(1)));
    expect(Either.isLeft(r)).toBe(true);
  });
});
