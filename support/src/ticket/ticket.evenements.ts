import type { Acteur } from "@frais-justice/core/autorisation";
import { TYPES_EVENEMENT, type ParametresEcheances, type PieceJointeTicket } from "./ticket.model.js";

/** What every event of the machine carries: who, when, and the id of the journal row it appends. */
export interface BaseEvenement {
  readonly acteur: Acteur;
  readonly maintenant: Date;
  readonly idEntree: string;
}

/** The events of the ticket machine (dot-namespaced); the commands add `maintenant` and `idEntree`. */
export type EvenementMachine = BaseEvenement &
  (
    | { readonly type: "ticket.modifier-brouillon"; readonly titre?: string; readonly description?: string; readonly piecesJointes?: ReadonlyArray<PieceJointeTicket> }
    | { readonly type: "ticket.soumettre" }
    | { readonly type: "ticket.affecter" }
    | { readonly type: "ticket.demander-informations"; readonly texte: string }
    | { readonly type: "ticket.completer"; readonly texte: string }
    | { readonly type: "ticket.proposer-solution"; readonly texte: string }
    | { readonly type: "ticket.accepter-solution"; readonly texte?: string }
    | { readonly type: "ticket.refuser-solution"; readonly texte: string }
    | { readonly type: "ticket.transferer"; readonly texte?: string }
    | { readonly type: "ticket.cloturer"; readonly texte?: string }
    | { readonly type: "ticket.commenter"; readonly texte: string }
    | { readonly type: "ticket.noter"; readonly texte: string }
    | { readonly type: "ticket.joindre"; readonly pieceJointe: PieceJointeTicket }
    | { readonly type: "ticket.relancer"; readonly parametres: ParametresEcheances }
    | { readonly type: "ticket.cloturer-automatiquement"; readonly parametres: ParametresEcheances }
  );

/** The type of a machine event. */
export type TypeEvenementMachine = EvenementMachine["type"];

/** Every machine event type, in the order of the lifecycle. */
export const TYPES_EVENEMENT_MACHINE: ReadonlyArray<TypeEvenementMachine> = TYPES_EVENEMENT.filter(
  (t): t is TypeEvenementMachine => t !== "ticket.creer",
);
