import { Data } from "effect";
import type { EtatTicket } from "./ticket.model.js";

/**
 * Names of the rules an event is checked against. A refused event names the first that failed; the
 * ticket is unchanged.
 * - `etatIncompatible`: the event does not exist in this state;
 * - `ticketClos`: a closed ticket is read-only;
 * - `solutionEnAttenteDeReponse`: nobody closes a resolved ticket by hand — the requester accepts or
 *   refuses the solution, or the system closes it after the delay;
 * - `acteurNonDemandeur`: reserved to the requester (the user who emitted the ticket);
 * - `acteurHorsFile`: reserved to a support agent of the ticket's queue (`autoriser(…, "ticket.traiter", …)`);
 * - `acteurNonAffecte`: reserved to the agent the ticket is assigned to;
 * - `acteurNiDemandeurNiAgentDeLaFile`: reserved to the requester or an agent of the queue;
 * - `acteurNonSysteme`: done by the system only (`ticket.cloturer-automatiquement`);
 * - `texteAbsent`: a question, answer, solution, refusal comment or note needs a text;
 * - `champsObligatoiresManquants`: a draft is submitted without a titre or description;
 * - `dejaAuSupportNational`: a transfer goes to the national support, where the ticket already is;
 * - `relanceDejaFaite`, `delaiRelanceNonEcoule`, `delaiClotureNonEcoule`: the auto-close delays.
 */
export const NOMS_GARDES = [
  "etatIncompatible",
  "ticketClos",
  "solutionEnAttenteDeReponse",
  "acteurNonDemandeur",
  "acteurHorsFile",
  "acteurNonAffecte",
  "acteurNiDemandeurNiAgentDeLaFile",
  "acteurNonSysteme",
  "texteAbsent",
  "champsObligatoiresManquants",
  "dejaAuSupportNational",
  "relanceDejaFaite",
  "delaiRelanceNonEcoule",
  "delaiClotureNonEcoule",
] as const;
export type NomGarde = (typeof NOMS_GARDES)[number];

/** An event refused: which one, in which state, which rule (`garde`) failed and why. The ticket is unchanged. */
export class TransitionRefusee extends Data.TaggedError("TransitionRefusee")<{
  readonly evenement: string;
  readonly etat: EtatTicket;
  readonly garde: NomGarde;
  readonly detail: string;
}> {
  override get message(): string {
    return `« ${this.evenement} » refusé dans l'état ${this.etat} (${this.garde}) : ${this.detail}`;
  }
}

/** The sequence gave a value that is not a number `CPROCS` + 7 digits can hold. */
export class NumeroTicketInvalide extends Data.TaggedError("NumeroTicketInvalide")<{
  readonly valeur: number;
}> {
  override get message(): string {
    return `numéro de ticket impossible à former avec ${this.valeur} : entier de 1 à 9999999 attendu`;
  }
}

/**
 * The N° objet names no mémoire the caller could load (or a deleted draft), or the mémoire passed
 * is not the one named.
 */
export class MemoireIntrouvable extends Data.TaggedError("MemoireIntrouvable")<{
  readonly numeroObjet: string;
}> {
  override get message(): string {
    return `aucun mémoire ${this.numeroObjet} consultable`;
  }
}
