import type { ActeurAgent, ActeurUtilisateur } from "@frais-justice/core/autorisation";
import type {
  Commande,
  CompteurFile,
  EntreeJournalDemandeur,
  ErreurCommande,
  ErreurCreation,
  EtatTicket,
  FileTicket,
  JuridictionFile,
  LigneTicketDemandeur,
  AnnuaireSupport,
  Message,
  Fuseau,
  Onglet,
  ParametresEcheances,
  ParametresTableauDeBord,
  PieceJointeTicket,
  ReferentielIntrouvable,
  ReponseType,
  ResultatTicket,
  Ticket,
  TicketDemandeur,
  VariablesInconnues,
} from "@frais-justice/support";
import type { SaisieInvalide } from "@frais-justice/core";
import type { Either } from "effect";
import type { ConflitDeVersion, DonneesCorrompues } from "../memoire/memoire.errors.js";
import type { StatutEnvoi, SuiviEnvoi } from "../base/boite-envoi.js";
import type { PieceIntrouvable, ReponseTypeIntrouvable, TicketIntrouvable } from "./tickets.errors.js";
import type { EmpreinteInvalide, FichierAltere, FichierIntrouvable, PieceRefusee, StockagePieces } from "../pieces-jointes/stockage.js";

/**
 * The public interface of the ticket persistence (DOMAIN.md §5, `docs/support.md`), used by the
 * back-office screens (support agents) and by the requester-side API. The implementation
 * (`DepotTicketsSql`, `depot-tickets.sql.ts`) runs on SQLite and PostgreSQL.
 *
 * Every state change goes through the ticket machine of `@frais-justice/support` (`creerTicket`,
 * `executer`): load → rebuild (decoded with the domain's `TicketSchema`) → check the expected version →
 * run the command (guards, `autoriser`) → in ONE transaction: the ticket row (`UPDATE … WHERE id = ?
 * AND version = ?`), exactly one journal row per event, the attachments, and the notifications the
 * event calls for written to the outbox. A refusal writes nothing.
 *
 * Authorization stays in core's `autoriser`: queues and agent reads are scoped with
 * `ticket.traiter` on the ticket's queue, requester reads to the requester's own tickets.
 */
export interface DepotTickets {
  // -----------------------------------------------------------------------------------------------
  // Writing

  /**
   * Creates a ticket (draft or submitted) for a user of the structure: stores the attached files
   * (refused before anything is written: empty, > 4096 KB, not PDF/PNG/JPEG/ODT/DOCX by their bytes),
   * loads what `creerTicket` needs (the catégories tree applicable at `maintenant`, the juridictions,
   * the mémoire named by the N° objet with its structure's open espaces), draws the `CPROCS` number
   * from the `ticket_cprocs` sequence inside the transaction, and writes the ticket, its first journal
   * row (`ticket.creer`) and, when submitted, the "Nouveau ticket" message to the queue.
   */
  creer(demande: DemandeCreationTicket): Promise<Either.Either<ResultatTicket, ErreurCreationTicket>>;

  /**
   * Runs a command of the domain on a stored ticket (agent commands: `ticket.affecter`,
   * `ticket.demander-informations`, `ticket.proposer-solution`, `ticket.transferer`, `ticket.commenter`,
   * `ticket.noter`, `ticket.joindre`, `ticket.cloturer`; requester commands: `ticket.modifier-brouillon`,
   * `ticket.soumettre`, `ticket.completer`, `ticket.accepter-solution`, `ticket.refuser-solution`,
   * `ticket.commenter`, `ticket.joindre`, `ticket.cloturer`; the system's `ticket.relancer` and
   * `ticket.cloturer-automatiquement` are sent by the scheduler).
   *
   * `versionAttendue` is the version the user saw (it travels with the form): a different stored
   * version, or a concurrent writer committing first, gives `ConflitDeVersion` and writes nothing.
   */
  executer(id: string, versionAttendue: number, commande: Commande, options?: OptionsExecution): Promise<Either.Either<ResultatTicket, ErreurExecutionTicket>>;

  /**
   * Stores the bytes of a file to attach with `ticket.joindre` (or `ticket.modifier-brouillon`), in the
   * content-addressed store, and returns its metadata with a new id. Nothing is linked to a ticket until
   * the command is executed.
   */
  deposerPiece(nomFichier: string, octets: Uint8Array): Promise<Either.Either<PieceJointeTicket, PieceRefusee | SaisieInvalide>>;

  // -----------------------------------------------------------------------------------------------
  // One ticket

  /**
   * The whole ticket with its journal (internal notes included) for a support agent of its queue
   * (`autoriser(agent, "ticket.traiter", queue)`), plus the actions the agent may take now. A ticket of
   * another queue is `TicketIntrouvable` (its existence is not revealed).
   */
  chargerPourAgent(id: string, agent: ActeurAgent, maintenant?: Date): Promise<Either.Either<TicketAgent, TicketIntrouvable | DonneesCorrompues>>;

  /**
   * The ticket as its requester sees it: `vueDemandeur` (no internal note, no agent id), the
   * "Activités" journal (`journalDemandeur`), the current prestataire-visible status of the linked
   * mémoire, and the commands the requester may send now. Another user's ticket is `TicketIntrouvable`.
   */
  chargerPourDemandeur(id: string, demandeur: ActeurUtilisateur, maintenant?: Date): Promise<Either.Either<TicketVuParLeDemandeur, TicketIntrouvable | DonneesCorrompues>>;

  /** The stored ticket, unscoped (the scheduler, tests, administration). */
  charger(id: string): Promise<Either.Either<Ticket, TicketIntrouvable | DonneesCorrompues>>;

  /** The stored ticket by its number (`CPROCS0048685`), unscoped. */
  chargerParNumero(numero: string): Promise<Either.Either<Ticket, TicketIntrouvable | DonneesCorrompues>>;

  /** The bytes of an attachment of the ticket (on the ticket or in its journal), re-hashed on reading. */
  lirePiece(ticketId: string, pieceId: string): Promise<Either.Either<PieceLue, TicketIntrouvable | PieceIntrouvable | EmpreinteInvalide | FichierIntrouvable | FichierAltere>>;

  // -----------------------------------------------------------------------------------------------
  // Agents: queues, dashboard, export

  /** The queues that exist (national support, each juridiction's service métier) that the agent may handle. */
  filesDeLAgent(agent: ActeurAgent): Promise<ReadonlyArray<FileTicket>>;

  /** Juridictions whose service métier queue exists (for routing and the queue filters). */
  juridictions(): Promise<ReadonlyArray<JuridictionFile>>;

  /**
   * A page of an agent's work list: tickets of the agent's queues (intersected with `criteres.files`
   * when given), never drafts, in the given states (default: the open ones), with the total count.
   */
  fileDeTravail(agent: ActeurAgent, criteres: CriteresFile, tri: TriFile, page: Page): Promise<PageDe<LigneTicketAgent>>;

  /**
   * Dashboard counts per queue of the agent and catégorie (the domain's `tableauDeBord`, computed in
   * SQL): open (NOUVEAU, EN_COURS), waiting for the requester (EN_ATTENTE_INFORMATIONS, RESOLU) and
   * overdue (open without activity for `joursAvantRetard` days). Rows without tickets are left out.
   */
  tableauDeBord(agent: ActeurAgent, maintenant: Date, parametres?: ParametresTableauDeBord): Promise<ReadonlyArray<CompteurFile>>;

  /** Every row of an agent's work list matching the criteria (no paging), for the CSV export. */
  exporterFile(agent: ActeurAgent, criteres: CriteresFile): Promise<ExportCsv>;

  // -----------------------------------------------------------------------------------------------
  // Requesters: tabs, search, export

  /**
   * A page of the requester's "Tickets émis" in a tab (Actions requises, Tous (sauf clôturés),
   * Clôturés), optionally filtered by keywords (number, titre, description, public comments, N° objet;
   * accent- and case-insensitive, every word must match), most recently opened first, with the
   * mémoire's current visible status.
   */
  ticketsEmis(demandeurId: string, onglet: Onglet, options?: OptionsTicketsEmis): Promise<PageDe<LigneTicketDemandeur>>;

  /** How many of the requester's tickets each tab holds. */
  compteursOnglets(demandeurId: string): Promise<{ readonly [O in Onglet]: number }>;

  /** The requester's tab as the domain's export (French headers; `versCsv` makes the file). */
  exporterTicketsEmis(demandeurId: string, onglet: Onglet, options?: Omit<OptionsTicketsEmis, "page"> & { readonly fuseau?: Fuseau }): Promise<ExportCsv>;

  // -----------------------------------------------------------------------------------------------
  // Scheduler

  /**
   * The candidates of `echeancesDues` at `maintenant`: tickets in RESOLU whose reminder is due and not
   * sent, or whose closure is due, oldest solution first, at most `limite` rows; a row that does not
   * decode is returned in `corrompus` (reported, never acted upon).
   */
  resolusAEcheance(
    maintenant: Date,
    parametres: ParametresEcheances,
    limite: number,
  ): Promise<{ readonly tickets: ReadonlyArray<Ticket>; readonly corrompus: ReadonlyArray<DonneesCorrompues> }>;

  // -----------------------------------------------------------------------------------------------
  // Réponses types and outbox

  /** The agents' canned responses (reference data, stored; the domain's starting set on first use). */
  readonly reponsesTypes: DepotReponsesTypes;

  /** The messages written by the ticket events (the embedded default keeps them here). */
  readonly boiteDEnvoi: BoiteDEnvoiTickets;
}

// -------------------------------------------------------------------------------------------------
// Construction

/**
 * How the implementation is built: `new DepotTicketsSql(orm, options)` (`depot-tickets.sql.ts`).
 * Every field has a default, so the back-office passes only what it configures.
 */
export interface OptionsDepotTickets {
  /** The clock (default: the system's). */
  readonly horloge?: () => Date;
  /** Ids of tickets, journal rows, attachments and messages (default: random UUIDs). */
  readonly genererId?: () => string;
  /** The content-addressed store of the attachments' bytes (default: `backoffice/data/pieces`). */
  readonly pieces?: StockagePieces;
  /**
   * Addresses of the agents' side for a ticket's notifications (default: from the environment and
   * the assigned agent's e-mail, see `docs/support.md`). Called inside the write transaction: it must
   * not use the database itself (on SQLite the pool holds one connection).
   */
  readonly annuaire?: (ticket: Ticket) => Promise<AnnuaireSupport>;
  /** Auto-close delays passed to the commands (default: `FJ_SUPPORT_JOURS_RELANCE` / `FJ_SUPPORT_JOURS_CLOTURE`, else 5 and 10 days). */
  readonly parametresEcheances?: ParametresEcheances;
}

// -------------------------------------------------------------------------------------------------
// Inputs

/** A file uploaded with a ticket: its name and bytes (the type is found from the bytes). */
export interface FichierTeleverse {
  readonly nomFichier: string;
  readonly octets: Uint8Array;
}

/** What a requester sends to create a ticket. */
export interface DemandeCreationTicket {
  /** The requester with the rattachements and habilitations the caller loaded. */
  readonly acteur: ActeurUtilisateur;
  /**
   * The creation form as the domain's `TicketSaisie` (encoded side: plain JSON), without
   * `piecesJointes` — the files go in `fichiers`.
   */
  readonly saisie: unknown;
  readonly fichiers?: ReadonlyArray<FichierTeleverse>;
  /** The creation instant (default: the repository's clock). */
  readonly maintenant?: Date;
}

/** Options of {@link DepotTickets.executer}. */
export interface OptionsExecution {
  /** The instant of the event (default: the repository's clock). */
  readonly maintenant?: Date;
}

/** Filters of an agent's work list. */
export interface CriteresFile {
  /** Restrict to these queues (intersected with the agent's). Absent: every queue of the agent. */
  readonly files?: ReadonlyArray<FileTicket>;
  /** Default: NOUVEAU, EN_COURS, EN_ATTENTE_INFORMATIONS, RESOLU (`ETATS_OUVERTS`). Drafts never appear. */
  readonly etats?: ReadonlyArray<EtatTicket>;
  /** Catégorie code. */
  readonly categorie?: string;
  /** Only the tickets assigned to this agent ("mes tickets"). */
  readonly agentId?: string;
  /** Keywords over number, titre, description, every comment, note and the N° objet (agents see notes). */
  readonly motsCles?: string;
}

/** Sort of a work list (ties broken by number). */
export interface TriFile {
  readonly colonne: "ouvertLe" | "modifieLe" | "numero";
  readonly sens: "asc" | "desc";
}

/** A page: at most `limite` rows after `decalage`. */
export interface Page {
  readonly limite: number;
  readonly decalage: number;
}

/** Rows of a page and the count of all rows matching. */
export interface PageDe<A> {
  readonly lignes: ReadonlyArray<A>;
  readonly total: number;
}

/** Options of the requester's list. */
export interface OptionsTicketsEmis {
  readonly motsCles?: string;
  /** Default: the first 50. */
  readonly page?: Page;
}

// -------------------------------------------------------------------------------------------------
// Outputs

/** A row of an agent's work list (a whole `Ticket` fits; `ouvertLe` = submission, else creation). */
export type LigneTicketAgent = Pick<
  Ticket,
  "id" | "numero" | "etat" | "titre" | "file" | "categorie" | "sousCategorie" | "objet" | "agentId" | "soumisLe" | "creeLe" | "modifieLe" | "version" | "demandeurId" | "structureId"
> & { readonly ouvertLe: Date };

/** The ticket page of an agent: the ticket with its whole journal, and what the agent may do now. */
export interface TicketAgent {
  readonly ticket: Ticket;
  /** The machine events this agent may send now (`peut`), for the "Actions ▾" menu. */
  readonly actionsPermises: ReadonlyArray<Commande["type"]>;
  /** The linked mémoire's current state (court side), when the ticket is about a stored mémoire. */
  readonly memoire?: { readonly id: string; readonly numero: string; readonly etat: string };
}

/** The ticket page of the requester: no internal note, no agent id, anywhere. */
export interface TicketVuParLeDemandeur {
  readonly ticket: TicketDemandeur;
  readonly activites: ReadonlyArray<EntreeJournalDemandeur>;
  /** The linked mémoire's status as the prestataire sees it (`LIBELLES_STATUT_VISIBLE`). */
  readonly statutMemoire?: string;
  /** The commands the requester may send now. */
  readonly actionsPermises: ReadonlyArray<Commande["type"]>;
}

/** The bytes of an attachment and its metadata. */
export interface PieceLue {
  readonly piece: PieceJointeTicket;
  readonly octets: Uint8Array;
}

/** An export: French headers and one row of strings per ticket (`versCsv` of the domain makes the file). */
export interface ExportCsv {
  readonly entetes: ReadonlyArray<string>;
  readonly lignes: ReadonlyArray<ReadonlyArray<string>>;
}

// -------------------------------------------------------------------------------------------------
// Réponses types

/** A stored réponse type: the domain's `ReponseType`, active or archived, versioned. */
export interface ReponseTypeStockee extends ReponseType {
  readonly actif: boolean;
  readonly version: number;
}

/** The agents' canned responses (reference data). */
export interface DepotReponsesTypes {
  /** Every active one, by titre (archived ones too with `{ archives: true }`). */
  lister(options?: { readonly archives?: boolean }): Promise<ReadonlyArray<ReponseTypeStockee>>;
  /**
   * Creates or changes one (`versionAttendue` for a change). Its text may only use the domain's
   * variables (`VariablesInconnues` otherwise); titre and texte are required.
   */
  enregistrer(
    reponse: ReponseType & { readonly actif?: boolean },
    versionAttendue?: number,
  ): Promise<Either.Either<ReponseTypeStockee, VariablesInconnues | SaisieInvalide | ConflitDeVersion>>;
  /** The text of a réponse type filled for a ticket (`repondre`), ready to put in a reply. */
  remplirPour(code: string, ticket: Ticket): Promise<Either.Either<string, ReponseTypeIntrouvable | VariablesInconnues>>;
}

// -------------------------------------------------------------------------------------------------
// Outbox

/** State of an outbox message: waiting (the embedded default keeps it so), sent by SMTP, or failed. */
export type StatutMessage = StatutEnvoi;

/** A message of the outbox: the domain's `Message` and its delivery record. */
export interface MessageSortant extends SuiviEnvoi {
  readonly id: string;
  readonly message: Message;
  readonly ticketId: string;
}

/**
 * The outbox: every message an accepted event calls for is written here in the same transaction as
 * the event (at most once per journal row and recipient). Delivery (`distributeur.ts`) sends the
 * waiting ones by SMTP when configured and records the outcome.
 */
export interface BoiteDEnvoiTickets {
  /** Newest first; filtered by state and/or ticket. */
  lister(filtre: { readonly statut?: StatutMessage; readonly ticketId?: string }, page: Page): Promise<PageDe<MessageSortant>>;
  /** The waiting messages (and failed ones with fewer than `tentativesMax` attempts), oldest first. */
  aDistribuer(limite: number, tentativesMax: number): Promise<ReadonlyArray<MessageSortant>>;
  /**
   * Takes a message before sending it: counts one attempt, only if its attempts are still
   * `tentativesLues` and it is not sent (`false`: another instance took it since it was read).
   */
  prendre(id: string, tentativesLues: number): Promise<boolean>;
  /** Records a delivery; `false` when the message was already marked sent. */
  marquerEnvoye(id: string, identifiantTransport: string, le: Date): Promise<boolean>;
  /** Records a failed attempt (retried while `tentatives` is below the distributor's maximum). */
  marquerEchec(id: string, erreur: string): Promise<void>;
}

// -------------------------------------------------------------------------------------------------
// Errors

/** Every way a creation may fail: the domain's refusals, a refused file, a corrupted reference row. */
export type ErreurCreationTicket = ErreurCreation | ReferentielIntrouvable | PieceRefusee | DonneesCorrompues;

/** Every way a command on a stored ticket may fail; nothing is written in any case. */
export type ErreurExecutionTicket = ErreurCommande | ConflitDeVersion | TicketIntrouvable | DonneesCorrompues;

export { TicketIntrouvable, PieceIntrouvable, ReponseTypeIntrouvable } from "./tickets.errors.js";
export { ConflitDeVersion, DonneesCorrompues } from "../memoire/memoire.errors.js";
