import { Schema } from "effect";
import { TAILLE_MAX_PIECE_JOINTE_OCTETS, type TypeContenu, type EtatMemoire } from "@frais-justice/core/memoire";
import type { Acteur } from "@frais-justice/core/autorisation";
import type { FileTicket, TypeObjet } from "../categorie/index.js";

/**
 * States of a ticket (DOMAIN.md §5; seed 001 "Tickets émis"): a draft, then Nouveau → En cours
 * (an agent assigned it) ⇄ En attente d'informations (the requester must complete) → Résolu (a
 * solution is proposed) → Clôturé (accepted, closed by the requester, or closed by the system).
 */
export const ETATS_TICKET = ["BROUILLON", "NOUVEAU", "EN_COURS", "EN_ATTENTE_INFORMATIONS", "RESOLU", "CLOTURE"] as const;
/** Schema of a ticket state. */
export const EtatTicket = Schema.Literal(...ETATS_TICKET);
export type EtatTicket = typeof EtatTicket.Type;

/** French label of each state, as the requester's list prints it (seed 001: "Ouvert", "Résolu"). */
export const LIBELLES_ETAT_TICKET: { readonly [E in EtatTicket]: string } = {
  BROUILLON: "Brouillon",
  NOUVEAU: "Ouvert",
  EN_COURS: "En cours",
  EN_ATTENTE_INFORMATIONS: "En attente d'informations",
  RESOLU: "Résolu",
  CLOTURE: "Clôturé",
};

/** Default delays of the auto-close of a resolved ticket, in days [decision DOMAIN.md §5: 5 and 10]. */
export interface ParametresEcheances {
  /** Days after the solution before the reminder to the requester. */
  readonly joursAvantRelance: number;
  /** Days after the solution before the system closes the ticket. */
  readonly joursAvantCloture: number;
}

/** 5 days to the reminder, 10 to the automatic closure (DOMAIN.md §5). */
export const PARAMETRES_ECHEANCES_PAR_DEFAUT: ParametresEcheances = { joursAvantRelance: 5, joursAvantCloture: 10 };

/** The émetteur block of the creation form (seed 001): organisation, désignation, service, contact. */
export interface Emetteur {
  /** Identifiant de l'organisation (SIRET or other identifier of the structure). */
  readonly organisation: string;
  readonly designation?: string;
  readonly service?: string;
  readonly email: string;
  readonly telephone?: string;
}

/** An attachment of a ticket: same file rules as a mémoire's (PDF/PNG/JPEG/ODT/DOCX, ≤ 4096 KB, SHA-256). */
export interface PieceJointeTicket {
  readonly id: string;
  readonly nomFichier: string;
  readonly typeContenu: TypeContenu;
  readonly taille: number;
  readonly empreinte: string;
}

/** Who wrote a journal row: the requester, an agent (by id), or the system. */
export type AuteurJournal =
  | { readonly _tag: "Demandeur"; readonly id: string }
  | { readonly _tag: "Agent"; readonly id: string }
  | { readonly _tag: "Systeme" };

/**
 * Visibility of a journal row: `PUBLIQUE` rows are shown to the requester, `INTERNE` rows (internal
 * notes) never are (DOMAIN.md §5).
 */
export type Visibilite = "PUBLIQUE" | "INTERNE";

/** Every event of a ticket, dot-namespaced; each one appends exactly one row to the journal. */
export const TYPES_EVENEMENT = [
  "ticket.creer",
  "ticket.modifier-brouillon",
  "ticket.soumettre",
  "ticket.affecter",
  "ticket.demander-informations",
  "ticket.completer",
  "ticket.proposer-solution",
  "ticket.accepter-solution",
  "ticket.refuser-solution",
  "ticket.transferer",
  "ticket.cloturer",
  "ticket.commenter",
  "ticket.noter",
  "ticket.joindre",
  "ticket.relancer",
  "ticket.cloturer-automatiquement",
] as const;
export type TypeEvenement = (typeof TYPES_EVENEMENT)[number];

/**
 * One row of the activity journal (seed 001 "Activités"): what happened, when, by whom, the state
 * before and after, its visibility, and its content (comment, solution, note, attachment, queue).
 */
export interface EntreeJournal {
  readonly id: string;
  readonly type: TypeEvenement;
  readonly le: Date;
  readonly auteur: AuteurJournal;
  /** State before the event (absent for the creation). */
  readonly etatAvant?: EtatTicket;
  readonly etatApres: EtatTicket;
  readonly visibilite: Visibilite;
  /** Comment, question, answer, solution, refusal comment or internal note. */
  readonly texte?: string;
  readonly pieceJointe?: PieceJointeTicket;
  /** The agent assigned (affecter). */
  readonly agentId?: string;
  /** Queue before and after a transfer. */
  readonly fileAvant?: FileTicket;
  readonly fileApres?: FileTicket;
}

/** The mémoire a ticket is about, as the ticket keeps it: its number and the juridiction it is addressed to. */
export interface ObjetTicket {
  readonly type: TypeObjet;
  /** N° objet: the mémoire's MJ number, an invoice number, a structure identifier; absent for `AUCUN`. */
  readonly numero?: string;
}

/** A support ticket (DOMAIN.md §5). */
export interface Ticket {
  readonly id: string;
  /** `CPROCS` + 7 digits (seed 001: `CPROCS0048685`). */
  readonly numero: string;
  readonly etat: EtatTicket;
  /** The structure the ticket is emitted for, and the user who emitted it (the requester). */
  readonly structureId: string;
  readonly serviceId?: string;
  readonly demandeurId: string;
  /** Version of the catégories tree applied, and the codes and labels chosen in it. */
  readonly versionReferentiel: string;
  readonly categorie: { readonly code: string; readonly libelle: string };
  readonly sousCategorie: { readonly code: string; readonly libelle: string };
  readonly objet: ObjetTicket;
  readonly emetteur: Emetteur;
  /** The queue that handles it (set from the sous-catégorie; changed by a transfer). */
  readonly file: FileTicket;
  readonly titre: string;
  readonly description: string;
  readonly piecesJointes: ReadonlyArray<PieceJointeTicket>;
  /** The agent handling it (assigned), if any. */
  readonly agentId?: string;
  readonly creeLe: Date;
  /** "Ouvert le": when it was submitted. */
  readonly soumisLe?: Date;
  /** When the current solution was proposed (start of the auto-close delays). */
  readonly resoluLe?: Date;
  /** When the reminder for the current solution was sent. */
  readonly relanceLe?: Date;
  readonly clotureLe?: Date;
  /** How it was closed. */
  readonly cloture?: "SOLUTION_ACCEPTEE" | "DEMANDEUR" | "AGENT" | "AUTOMATIQUE";
  /** Last activity (any event): the "overdue" measure of the agents' dashboard. */
  readonly modifieLe: Date;
  /** +1 at each event (optimistic locking in adapters). */
  readonly version: number;
  readonly journal: ReadonlyArray<EntreeJournal>;
}

/** The actor of an event, as the machine reads it (core's `Acteur`). */
export type ActeurTicket = Acteur;

/** Largest attachment, in bytes (same rule as the mémoire: 4096 KB). */
export const TAILLE_MAX_PIECE_JOINTE = TAILLE_MAX_PIECE_JOINTE_OCTETS;

/**
 * The mémoire a ticket is about, as the caller loaded it: a core `Memoire` fits. Only its number,
 * state and en-tête (structure, service, juridiction) are read.
 */
export interface MemoireConcernee {
  readonly numero: string;
  readonly etat: EtatMemoire;
  readonly enTete: {
    readonly structureId: string;
    readonly serviceId?: string | undefined;
    readonly juridiction: { readonly code: string; readonly libelle: string; readonly courAppel: string };
  };
}
