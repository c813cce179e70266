/**
 * The support ticket (DOMAIN.md §5; seed 001 "Envoyer une demande d'aide au support", "Consultation
 * d'un ticket"): its data, its lifecycle machine, its commands, its activity journal and the
 * auto-close schedule.
 * @module
 */

/** The ticket, its states and labels, journal rows, attachments, émetteur, auto-close delays. */
export {
  ETATS_TICKET,
  EtatTicket,
  LIBELLES_ETAT_TICKET,
  PARAMETRES_ECHEANCES_PAR_DEFAUT,
  TYPES_EVENEMENT,
  TAILLE_MAX_PIECE_JOINTE,
  type Ticket,
  type TypeEvenement,
  type EntreeJournal,
  type AuteurJournal,
  type Visibilite,
  type Emetteur,
  type PieceJointeTicket,
  type ObjetTicket,
  type ParametresEcheances,
  type MemoireConcernee,
  type ActeurTicket,
} from "./ticket.model.js";

/** Tagged errors: a refused event naming the failed rule, a sequence value out of format, an unknown mémoire. */
export { TransitionRefusee, NumeroTicketInvalide, MemoireIntrouvable, NOMS_GARDES, type NomGarde } from "./ticket.errors.js";

/** Numbers `CPROCS` + 7 digits from the adapter's sequence (seed 001: `CPROCS0048685`). */
export { formaterNumeroTicket, FORMAT_NUMERO_TICKET } from "./ticket.numerotation.js";

/** Inputs as Effect Schemas (Encoded side: plain JSON): creation form, command payloads, attachments. */
export { TicketSaisie, CommandeSaisie, EmetteurSaisie, PieceJointeTicketSaisie, EmailContact } from "./ticket.saisie.js";

/** Events of the machine (each carries actor, instant and the id of the journal row it appends). */
export { TYPES_EVENEMENT_MACHINE, type EvenementMachine, type TypeEvenementMachine, type BaseEvenement } from "./ticket.evenements.js";

/** The rules of the events, named after their condition, and the rules of each event in order. */
export { GARDES, GARDES_PAR_EVENEMENT, ajouterJours, type Garde } from "./ticket.gardes.js";

/** The XState v5 machine (`setup()`, named guards, one journaling action); test it with `transition`. */
export { machineTicket, evenementsDeLEtat, type ContexteMachineTicket } from "./ticket.machine.js";

/** How an event changes a ticket and the one journal row it appends. */
export { appliquer, entreeDe, auteurDe } from "./ticket.journal.js";

/**
 * Commands, pure: `creerTicket(saisie, donnees, contexte)` and `executer(ticket, commande, contexte)`
 * → `Either<{ ticket, evenements }, error>`; `peut` for menus; `restaurer` rebuilds the machine snapshot.
 */
export {
  creerTicket,
  executer,
  unsafeExecuter,
  peut,
  premiereGardeBloquante,
  restaurer,
  type Commande,
  type ContexteTicket,
  type DonneesCreation,
  type ErreurCreation,
  type ErreurCommande,
  type ResultatTicket,
} from "./ticket.commands.js";

/** The auto-close schedule: which `ticket.relancer` / `ticket.cloturer-automatiquement` are due now. */
export { echeancesDues, type EcheanceDue } from "./ticket.echeances.js";

/** The machine read back for the docs: transitions, Mermaid diagram, table, the page `docs/support-etats.md`. */
export {
  transitionsDuTicket,
  diagrammeMermaidTicket,
  tableauTransitionsTicket,
  pageEtatsTicket,
  type TransitionTicket,
} from "./ticket.diagramme.js";

/** Schemas of a stored ticket (for the persistence adapter: encode to JSON, decode and validate on the way in). */
export { TicketSchema, EntreeJournalSchema, FileTicketSchema, AuteurJournalSchema, type TicketEncode } from "./ticket.schema.js";
