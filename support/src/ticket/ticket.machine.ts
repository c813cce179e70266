import { and, assign, not, setup } from "xstate";
import type { EvenementMachine } from "./ticket.evenements.js";
import { GARDES } from "./ticket.gardes.js";
import { appliquer } from "./ticket.journal.js";
import type { EtatTicket, Ticket } from "./ticket.model.js";

/** The machine's context: the whole ticket (what the guards read). */
export interface ContexteMachineTicket {
  readonly ticket: Ticket;
}

const bloque = (nom: keyof typeof GARDES) => ({ context, event }: { context: ContexteMachineTicket; event: EvenementMachine }) =>
  GARDES[nom](context.ticket, event) !== undefined;

const vers = (etat: EtatTicket) => ({ type: "appliquer" as const, params: { vers: etat } });

/**
 * The lifecycle of a support ticket as an XState v5 machine (DOMAIN.md §5; seed 001 "Consultation
 * d'un ticket"). Flat, no delays (the auto-close is driven by a scheduler sending `ticket.relancer`
 * and `ticket.cloturer-automatiquement`), no spawned actors: persist `etat` and the ticket, rebuild
 * with `machineTicket.resolveState({ value: ticket.etat, context: { ticket } })`.
 *
 * Every transition runs the one action `appliquer`, which appends exactly one journal row. Each
 * transition's guard lists the rules of `GARDES_PAR_EVENEMENT` in the same order (a test checks it).
 */
export const machineTicket = setup({
  types: {
    context: {} as ContexteMachineTicket,
    events: {} as EvenementMachine,
    input: {} as { readonly ticket: Ticket },
  },
  guards: {
    acteurNonDemandeur: bloque("acteurNonDemandeur"),
    acteurHorsFile: bloque("acteurHorsFile"),
    acteurNonAffecte: bloque("acteurNonAffecte"),
    acteurNiDemandeurNiAgentDeLaFile: bloque("acteurNiDemandeurNiAgentDeLaFile"),
    acteurNonSysteme: bloque("acteurNonSysteme"),
    texteAbsent: bloque("texteAbsent"),
    champsObligatoiresManquants: bloque("champsObligatoiresManquants"),
    dejaAuSupportNational: bloque("dejaAuSupportNational"),
    relanceDejaFaite: bloque("relanceDejaFaite"),
    delaiRelanceNonEcoule: bloque("delaiRelanceNonEcoule"),
    delaiClotureNonEcoule: bloque("delaiClotureNonEcoule"),
  },
  actions: {
    /** Applies the event to the ticket: fields, state `vers`, version, and one journal row. */
    appliquer: assign(({ context, event }, params: { readonly vers: EtatTicket }) => ({ ticket: appliquer(context.ticket, event, params.vers) })),
  },
}).createMachine({
  id: "ticket",
  initial: "BROUILLON",
  context: ({ input }) => ({ ticket: input.ticket }),
  states: {
    BROUILLON: {
      on: {
        "ticket.modifier-brouillon": { guard: not("acteurNonDemandeur"), actions: vers("BROUILLON") },
        "ticket.soumettre": { target: "NOUVEAU", guard: and([not("acteurNonDemandeur"), not("champsObligatoiresManquants")]), actions: vers("NOUVEAU") },
      },
    },
    NOUVEAU: {
      on: {
        "ticket.affecter": { target: "EN_COURS", guard: not("acteurHorsFile"), actions: vers("EN_COURS") },
        "ticket.transferer": { guard: and([not("acteurHorsFile"), not("dejaAuSupportNational")]), actions: vers("NOUVEAU") },
        "ticket.cloturer": { target: "CLOTURE", guard: not("acteurNiDemandeurNiAgentDeLaFile"), actions: vers("CLOTURE") },
        "ticket.commenter": { guard: and([not("acteurNiDemandeurNiAgentDeLaFile"), not("texteAbsent")]), actions: vers("NOUVEAU") },
        "ticket.noter": { guard: and([not("acteurHorsFile"), not("texteAbsent")]), actions: vers("NOUVEAU") },
        "ticket.joindre": { guard: not("acteurNiDemandeurNiAgentDeLaFile"), actions: vers("NOUVEAU") },
      },
    },
    EN_COURS: {
      on: {
        // Another agent of the queue takes the ticket over (absence, workload): the ticket stays in progress.
        "ticket.affecter": { guard: not("acteurHorsFile"), actions: vers("EN_COURS") },
        "ticket.demander-informations": {
          target: "EN_ATTENTE_INFORMATIONS",
          guard: and([not("acteurHorsFile"), not("acteurNonAffecte"), not("texteAbsent")]),
          actions: vers("EN_ATTENTE_INFORMATIONS"),
        },
        "ticket.proposer-solution": {
          target: "RESOLU",
          guard: and([not("acteurHorsFile"), not("acteurNonAffecte"), not("texteAbsent")]),
          actions: vers("RESOLU"),
        },
        "ticket.transferer": { target: "NOUVEAU", guard: and([not("acteurHorsFile"), not("dejaAuSupportNational")]), actions: vers("NOUVEAU") },
        "ticket.cloturer": { target: "CLOTURE", guard: not("acteurNiDemandeurNiAgentDeLaFile"), actions: vers("CLOTURE") },
        "ticket.commenter": { guard: and([not("acteurNiDemandeurNiAgentDeLaFile"), not("texteAbsent")]), actions: vers("EN_COURS") },
        "ticket.noter": { guard: and([not("acteurHorsFile"), not("texteAbsent")]), actions: vers("EN_COURS") },
        "ticket.joindre": { guard: not("acteurNiDemandeurNiAgentDeLaFile"), actions: vers("EN_COURS") },
      },
    },
    EN_ATTENTE_INFORMATIONS: {
      on: {
        "ticket.completer": { target: "EN_COURS", guard: and([not("acteurNonDemandeur"), not("texteAbsent")]), actions: vers("EN_COURS") },
        "ticket.cloturer": { target: "CLOTURE", guard: not("acteurNiDemandeurNiAgentDeLaFile"), actions: vers("CLOTURE") },
        "ticket.commenter": { guard: and([not("acteurNiDemandeurNiAgentDeLaFile"), not("texteAbsent")]), actions: vers("EN_ATTENTE_INFORMATIONS") },
        "ticket.noter": { guard: and([not("acteurHorsFile"), not("texteAbsent")]), actions: vers("EN_ATTENTE_INFORMATIONS") },
        "ticket.joindre": { guard: not("acteurNiDemandeurNiAgentDeLaFile"), actions: vers("EN_ATTENTE_INFORMATIONS") },
      },
    },
    RESOLU: {
      on: {
        "ticket.accepter-solution": { target: "CLOTURE", guard: not("acteurNonDemandeur"), actions: vers("CLOTURE") },
        "ticket.refuser-solution": { target: "EN_COURS", guard: and([not("acteurNonDemandeur"), not("texteAbsent")]), actions: vers("EN_COURS") },
        "ticket.relancer": {
          guard: and([not("acteurNonSysteme"), not("relanceDejaFaite"), not("delaiRelanceNonEcoule")]),
          actions: vers("RESOLU"),
        },
        "ticket.cloturer-automatiquement": {
          target: "CLOTURE",
          guard: and([not("acteurNonSysteme"), not("delaiClotureNonEcoule")]),
          actions: vers("CLOTURE"),
        },
        "ticket.commenter": { guard: and([not("acteurNiDemandeurNiAgentDeLaFile"), not("texteAbsent")]), actions: vers("RESOLU") },
        "ticket.noter": { guard: and([not("acteurHorsFile"), not("texteAbsent")]), actions: vers("RESOLU") },
        "ticket.joindre": { guard: not("acteurNiDemandeurNiAgentDeLaFile"), actions: vers("RESOLU") },
      },
    },
    CLOTURE: { type: "final" },
  },
});

/** The events a state accepts (read from the machine: the single source of the transition table). */
export const evenementsDeLEtat = (etat: EtatTicket): ReadonlyArray<EvenementMachine["type"]> =>
  Object.keys(machineTicket.states[etat]?.on ?? {}) as ReadonlyArray<EvenementMachine["type"]>;
