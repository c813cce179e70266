import { SUPPORT_NATIONAL } from "../categorie/index.js";
import type { EvenementMachine } from "./ticket.evenements.js";
import type { AuteurJournal, EntreeJournal, EtatTicket, Ticket } from "./ticket.model.js";

/** The author of a journal row from the actor of an event. */
export const auteurDe = (acteur: EvenementMachine["acteur"]): AuteurJournal =>
  acteur._tag === "Systeme" ? { _tag: "Systeme" } : acteur._tag === "Agent" ? { _tag: "Agent", id: acteur.id } : { _tag: "Demandeur", id: acteur.id };

/** The one journal row an event appends (internal notes are `INTERNE`, everything else `PUBLIQUE`). */
export const entreeDe = (ticket: Ticket, e: EvenementMachine, etatApres: EtatTicket): EntreeJournal => {
  const base = {
    id: e.idEntree,
    type: e.type,
    le: e.maintenant,
    auteur: auteurDe(e.acteur),
    etatAvant: ticket.etat,
    etatApres,
    visibilite: e.type === "ticket.noter" ? ("INTERNE" as const) : ("PUBLIQUE" as const),
  };
  switch (e.type) {
    case "ticket.affecter":
      return { ...base, agentId: e.acteur._tag === "Agent" ? e.acteur.id : "" };
    case "ticket.transferer":
      return { ...base, fileAvant: ticket.file, fileApres: SUPPORT_NATIONAL, ...(e.texte === undefined ? {} : { texte: e.texte }) };
    case "ticket.joindre":
      return { ...base, pieceJointe: e.pieceJointe };
    case "ticket.demander-informations":
    case "ticket.completer":
    case "ticket.proposer-solution":
    case "ticket.refuser-solution":
    case "ticket.commenter":
    case "ticket.noter":
      return { ...base, texte: e.texte };
    case "ticket.accepter-solution":
    case "ticket.cloturer":
      return e.texte === undefined || e.texte.trim() === "" ? base : { ...base, texte: e.texte };
    case "ticket.modifier-brouillon":
    case "ticket.soumettre":
    case "ticket.relancer":
    case "ticket.cloturer-automatiquement":
      return base;
  }
};

/**
 * The ticket after an accepted event: its fields changed by the event, its state `etatApres`, its
 * version + 1 and exactly one row appended to its journal.
 */
export const appliquer = (ticket: Ticket, e: EvenementMachine, etatApres: EtatTicket): Ticket => {
  const entree = entreeDe(ticket, e, etatApres);
  const commun = { etat: etatApres, version: ticket.version + 1, modifieLe: e.maintenant, journal: [...ticket.journal, entree] };
  const sans = <K extends keyof Ticket>(t: Ticket, ...cles: ReadonlyArray<K>): Ticket => {
    const copie: Record<string, unknown> = { ...t };
    for (const cle of cles) delete copie[cle];
    return copie as unknown as Ticket;
  };
  switch (e.type) {
    case "ticket.modifier-brouillon":
      return {
        ...ticket,
        ...commun,
        ...(e.titre === undefined ? {} : { titre: e.titre }),
        ...(e.description === undefined ? {} : { description: e.description }),
        ...(e.piecesJointes === undefined ? {} : { piecesJointes: e.piecesJointes }),
      };
    case "ticket.soumettre":
      return { ...ticket, ...commun, soumisLe: e.maintenant };
    case "ticket.affecter":
      return e.acteur._tag === "Agent" ? { ...ticket, ...commun, agentId: e.acteur.id } : { ...ticket, ...commun };
    case "ticket.transferer":
      return { ...sans(ticket, "agentId"), ...commun, file: SUPPORT_NATIONAL };
    case "ticket.proposer-solution":
      return { ...sans(ticket, "relanceLe"), ...commun, resoluLe: e.maintenant };
    case "ticket.refuser-solution":
      return { ...sans(ticket, "resoluLe", "relanceLe"), ...commun };
    case "ticket.accepter-solution":
      return { ...ticket, ...commun, clotureLe: e.maintenant, cloture: "SOLUTION_ACCEPTEE" };
    case "ticket.cloturer":
      return { ...ticket, ...commun, clotureLe: e.maintenant, cloture: e.acteur._tag === "Agent" ? "AGENT" : "DEMANDEUR" };
    case "ticket.cloturer-automatiquement":
      return { ...ticket, ...commun, clotureLe: e.maintenant, cloture: "AUTOMATIQUE" };
    case "ticket.relancer":
      return { ...ticket, ...commun, relanceLe: e.maintenant };
    case "ticket.joindre":
      return { ...ticket, ...commun, piecesJointes: [...ticket.piecesJointes, e.pieceJointe] };
    case "ticket.demander-informations":
    case "ticket.completer":
    case "ticket.commenter":
    case "ticket.noter":
      return { ...ticket, ...commun };
  }
};
