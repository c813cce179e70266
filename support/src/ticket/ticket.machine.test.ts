import { getShortestPaths, getSimplePaths } from "@xstate/graph";
import { describe, expect, it } from "vitest";
import { initialTransition, transition } from "xstate";
import { apres, creer, demandeur, JOUR, saisieMemoire, supportNational, supportParis, systeme } from "../test-support/fixtures.js";
import {
  ETATS_TICKET,
  GARDES_PAR_EVENEMENT,
  PARAMETRES_ECHEANCES_PAR_DEFAUT,
  evenementsDeLEtat,
  machineTicket,
  restaurer,
  type EtatTicket,
  type EvenementMachine,
} from "./index.js";

const brouillon = creer({ ...saisieMemoire, brouillon: true });
let n = 0;
type SansMeta<E> = E extends EvenementMachine ? Omit<E, "idEntree" | "maintenant"> & { readonly maintenant?: Date } : never;
const ev = (e: SansMeta<EvenementMachine>): EvenementMachine => ({ maintenant: apres(JOUR), ...e, idEntree: `e-${(n += 1)}` });

/** The events tried from every state in the model-based walks (no self-loops: they do not change the state value). */
const evenements = (): ReadonlyArray<EvenementMachine> => [
  ev({ type: "ticket.soumettre", acteur: demandeur }),
  ev({ type: "ticket.affecter", acteur: supportParis }),
  ev({ type: "ticket.affecter", acteur: supportNational }),
  ev({ type: "ticket.demander-informations", texte: "La réquisition ?", acteur: supportParis }),
  ev({ type: "ticket.demander-informations", texte: "La réquisition ?", acteur: supportNational }),
  ev({ type: "ticket.completer", texte: "Voici la réquisition.", acteur: demandeur }),
  ev({ type: "ticket.proposer-solution", texte: "Payé le 15.", acteur: supportParis }),
  ev({ type: "ticket.proposer-solution", texte: "Payé le 15.", acteur: supportNational }),
  ev({ type: "ticket.accepter-solution", acteur: demandeur }),
  ev({ type: "ticket.refuser-solution", texte: "Toujours pas payé.", acteur: demandeur }),
  ev({ type: "ticket.transferer", acteur: supportParis }),
  ev({ type: "ticket.cloturer", acteur: demandeur }),
  ev({ type: "ticket.cloturer-automatiquement", acteur: systeme, parametres: PARAMETRES_ECHEANCES_PAR_DEFAUT, maintenant: apres(30 * JOUR) }),
];

describe("the ticket machine, with the pure transition", () => {
  it("starts from the draft given as input", () => {
    const [s] = initialTransition(machineTicket, { ticket: brouillon });
    expect(s.value).toBe("BROUILLON");
  });

  it("goes NOUVEAU → EN_COURS → EN_ATTENTE_INFORMATIONS → EN_COURS → RESOLU → EN_COURS → RESOLU → CLOTURE", () => {
    const etapes: ReadonlyArray<[EvenementMachine, EtatTicket]> = [
      [ev({ type: "ticket.soumettre", acteur: demandeur }), "NOUVEAU"],
      [ev({ type: "ticket.affecter", acteur: supportParis }), "EN_COURS"],
      [ev({ type: "ticket.demander-informations", texte: "La réquisition ?", acteur: supportParis }), "EN_ATTENTE_INFORMATIONS"],
      [ev({ type: "ticket.completer", texte: "Ci-jointe.", acteur: demandeur }), "EN_COURS"],
      [ev({ type: "ticket.proposer-solution", texte: "Certifié.", acteur: supportParis }), "RESOLU"],
      [ev({ type: "ticket.refuser-solution", texte: "Non payé.", acteur: demandeur }), "EN_COURS"],
      [ev({ type: "ticket.proposer-solution", texte: "Mis en paiement.", acteur: supportParis }), "RESOLU"],
      [ev({ type: "ticket.accepter-solution", acteur: demandeur }), "CLOTURE"],
    ];
    let s = restaurer(brouillon);
    for (const [e, attendu] of etapes) {
      const avant = s.context.ticket.journal.length;
      [s] = transition(machineTicket, s, e);
      expect(s.value).toBe(attendu);
      expect(s.context.ticket.etat).toBe(attendu);
      expect(s.context.ticket.journal.length).toBe(avant + 1);
    }
    expect(s.status).toBe("done");
    expect(s.context.ticket.cloture).toBe("SOLUTION_ACCEPTEE");
  });

  it("leaves the snapshot unchanged when a guard blocks (an agent of another queue assigns)", () => {
    const nouveau = restaurer({ ...brouillon, etat: "NOUVEAU" });
    const [s] = transition(machineTicket, nouveau, ev({ type: "ticket.affecter", acteur: supportNational }));
    expect(s.value).toBe("NOUVEAU");
    expect(s.context.ticket).toBe(nouveau.context.ticket);
  });

  it("a transfer sends the ticket back to NOUVEAU in the national queue, unassigned", () => {
    const enCours = restaurer({ ...brouillon, etat: "EN_COURS", agentId: supportParis.id });
    const [s] = transition(machineTicket, enCours, ev({ type: "ticket.transferer", texte: "Question de compte.", acteur: supportParis }));
    expect(s.value).toBe("NOUVEAU");
    expect(s.context.ticket.file).toEqual({ _tag: "SupportNational" });
    expect(s.context.ticket.agentId).toBeUndefined();
  });

  it("each transition's guards are the rules of GARDES_PAR_EVENEMENT, in the same order", () => {
    let verifiees = 0;
    for (const etat of ETATS_TICKET) {
      for (const type of evenementsDeLEtat(etat)) {
        for (const t of machineTicket.states[etat]?.on[type] ?? []) {
          expect({ etat, type, gardes: nomsDeGarde(t.guard) }).toEqual({ etat, type, gardes: GARDES_PAR_EVENEMENT[type] });
          verifiees += 1;
        }
      }
    }
    expect(verifiees).toBeGreaterThan(25);
  });
});

/** The guard names of a transition, read from the machine definition (`and([not("a"), not("b")])` → a, b). */
const nomsDeGarde = (garde: unknown): ReadonlyArray<string> => {
  if (typeof garde === "string") return [garde];
  if (typeof garde === "function" && "guards" in garde && Array.isArray(garde.guards)) return (garde.guards as ReadonlyArray<unknown>).flatMap(nomsDeGarde);
  return [];
};

describe("model-based: the paths of the machine (@xstate/graph)", () => {
  const options = {
    input: { ticket: brouillon },
    events: evenements,
    serializeState: (s: ReturnType<typeof restaurer>) => `${String(s.value)}|${s.context.ticket.file._tag}|${s.context.ticket.agentId ?? ""}`,
  };

  it("every state is reachable, by shortest paths whose snapshots keep etat = state value and one journal row per step", () => {
    const chemins = getShortestPaths(machineTicket, options);
    expect(new Set(chemins.map((p) => p.state.value))).toEqual(new Set(ETATS_TICKET));
    for (const p of chemins) {
      p.steps.forEach((step, i) => {
        expect(step.state.context.ticket.etat).toBe(step.state.value);
        const precedent = p.steps[i - 1]?.state;
        if (precedent === undefined) return;
        const [suivant] = transition(machineTicket, precedent, step.event);
        expect(suivant.value).toBe(step.state.value);
        expect(suivant.context.ticket.journal.length).toBe(precedent.context.ticket.journal.length + 1);
      });
      if (p.state.value === "CLOTURE") expect(p.state.status).toBe("done");
    }
  });

  it("every simple path reaches CLOTURE only through its last step, and accepts a solution only from RESOLU", () => {
    const chemins = getSimplePaths(machineTicket, options);
    expect(chemins.length).toBeGreaterThan(10);
    for (const p of chemins) {
      const etats = p.steps.map((s) => s.state.value);
      expect(etats.slice(0, -1)).not.toContain("CLOTURE");
      p.steps.forEach((step, i) => {
        if (step.event.type === "ticket.accepter-solution" || step.event.type === "ticket.refuser-solution") {
          expect(p.steps[i - 1]?.state.value).toBe("RESOLU");
          expect(step.event.acteur).toBe(demandeur);
        }
      });
    }
  });

  it("the national support reaches RESOLU only after a transfer", () => {
    const chemins = getSimplePaths(machineTicket, { ...options, toState: (s) => s.value === "RESOLU" && s.context.ticket.file._tag === "SupportNational" });
    const versResolu = chemins.filter((p) => p.state.value === "RESOLU" && p.state.context.ticket.file._tag === "SupportNational");
    expect(versResolu.length).toBeGreaterThan(0);
    for (const p of versResolu) expect(p.steps.map((s) => s.event.type)).toContain("ticket.transferer");
  });
});
