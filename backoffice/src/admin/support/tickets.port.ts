import type { Commande, EtatTicket, FileTicket, JuridictionFile, ResultatTicket, Ticket } from "@frais-justice/support";
import type { Either } from "effect";

/** A row of a queue: what the list and the CSV export read of a ticket (a whole `Ticket` fits). */
export type LigneTicket = Pick<Ticket, "id" | "numero" | "etat" | "titre" | "file" | "categorie" | "sousCategorie" | "objet" | "agentId" | "soumisLe" | "creeLe" | "modifieLe" | "version">;

/** The criteria of a work list; `files` is never empty (the caller scopes it to the agent's queues). */
export interface CriteresTickets {
  readonly files: ReadonlyArray<FileTicket>;
  /** Default: the open states (NOUVEAU, EN_COURS, EN_ATTENTE_INFORMATIONS, RESOLU). */
  readonly etats?: ReadonlyArray<EtatTicket>;
  /** Catégorie code. */
  readonly categorie?: string;
  /** Only the tickets assigned to this agent. */
  readonly agentId?: string;
}

/** Sort of a work list. */
export interface TriTickets {
  readonly colonne: "soumisLe" | "modifieLe" | "numero";
  readonly sens: "asc" | "desc";
}

/** Counts of one queue and catégorie (the dashboard and the queues page). */
export interface CompteurTickets {
  readonly file: FileTicket;
  readonly categorie: { readonly code: string; readonly libelle: string };
  /** NOUVEAU and EN_COURS. */
  readonly ouverts: number;
  /** EN_ATTENTE_INFORMATIONS and RESOLU. */
  readonly enAttente: number;
  /** Open without activity since the delay. */
  readonly enRetard: number;
}

/** Why a command on a stored ticket wrote nothing. */
export type RefusExecution =
  | { readonly _tag: "ConflitDeVersion"; readonly message: string }
  | { readonly _tag: "TicketIntrouvable"; readonly message: string }
  | { readonly _tag: "TransitionRefusee"; readonly garde: string; readonly detail: string; readonly message: string }
  | { readonly _tag: "SaisieInvalide"; readonly erreurs: ReadonlyArray<{ readonly chemin: string; readonly raison: string }>; readonly message: string }
  | { readonly _tag: "Autre"; readonly message: string };

/**
 * What the support screens need from the ticket persistence. The back-office builds it over the
 * ticket repository (`backoffice/src/support/`): every command runs the ticket machine in one
 * transaction with its journal row and its notifications, with the version the agent saw.
 */
export interface PortTickets {
  /** Juridictions whose service métier queue exists. */
  juridictions(): Promise<ReadonlyArray<JuridictionFile>>;
  charger(id: string): Promise<Ticket | undefined>;
  lister(criteres: CriteresTickets, tri: TriTickets, page: { readonly limite: number; readonly decalage: number }): Promise<ReadonlyArray<LigneTicket>>;
  compter(criteres: CriteresTickets): Promise<number>;
  executer(id: string, version: number, commande: Commande, maintenant: Date): Promise<Either.Either<ResultatTicket, RefusExecution>>;
  /** Counts per queue and catégorie over `files` (rows without any ticket may be left out). */
  compteurs(files: ReadonlyArray<FileTicket>, maintenant: Date, joursAvantRetard: number): Promise<ReadonlyArray<CompteurTickets>>;
  /** The bytes of an attachment of the ticket (found by its id on the ticket or in its journal), or undefined. */
  lirePiece(ticket: Ticket, pieceId: string): Promise<{ readonly nomFichier: string; readonly typeContenu: string; readonly octets: Uint8Array } | undefined>;
}
