import { EntitySchema } from "@mikro-orm/core";
import { COLONNES_ENVOI, type ColonnesEnvoiRow } from "./envoi.schema.js";

/**
 * Tables of the support tickets (`@frais-justice/support`). Rows are plain objects of the back-office;
 * `support/ticket.mapper.ts` turns them into the domain's `Ticket` and back, decoding with the domain's
 * `TicketSupportSchema` on the way in (a corrupted row is reported, never loaded).
 *
 * The queue is stored as `fileCle` (`NATIONAL`, or the juridiction code) with the juridiction's label
 * and cour d'appel; `ouvertLe` (submission, else creation) is the sort of every list; the two
 * `recherche*` columns are the accent- and case-folded texts of the keyword searches (the requester's
 * without internal notes, the agents' with them).
 */
export interface TicketRow {
  id: string;
  numero: string;
  etat: string;
  version: number;
  structureId: string;
  serviceId?: string | null;
  demandeurId: string;
  versionReferentiel: string;
  categorieCode: string;
  categorieLibelle: string;
  sousCategorieCode: string;
  sousCategorieLibelle: string;
  objetType: string;
  objetNumero?: string | null;
  /** JSON: the émetteur block (organisation, désignation, service, e-mail, téléphone). */
  emetteur: string;
  /** `NATIONAL` for the national support queue, else the juridiction code of the service métier. */
  fileCle: string;
  fileJuridictionLibelle?: string | null;
  fileCourAppel?: string | null;
  titre: string;
  description: string;
  agentId?: string | null;
  creeLe: Date;
  soumisLe?: Date | null;
  ouvertLe: Date;
  resoluLe?: Date | null;
  relanceLe?: Date | null;
  clotureLe?: Date | null;
  cloture?: string | null;
  modifieLe: Date;
  /** Number of journal rows (their `rang` runs 1..n, no gap). */
  nombreEntrees: number;
  /** Folded text the requester searches: number, titre, description, N° objet, public comments. */
  recherchePublique: string;
  /** Folded text the agents search: the same plus internal notes. */
  rechercheAgents: string;
}

const texte = (length: number, nullable = false) => ({ type: "string", length, nullable }) as const;
const instant = (nullable = false) => ({ type: "datetime", nullable }) as const;

export const TicketSupportSchema = new EntitySchema<TicketRow>({
  name: "Ticket",
  tableName: "ticket",
  properties: {
    id: { type: "string", length: 100, primary: true },
    numero: { ...texte(20), unique: "ticket_numero_unique" },
    etat: texte(30),
    version: { type: "integer", version: true },
    structureId: texte(100),
    serviceId: texte(100, true),
    demandeurId: texte(100),
    versionReferentiel: texte(50),
    categorieCode: texte(100),
    categorieLibelle: texte(200),
    sousCategorieCode: texte(100),
    sousCategorieLibelle: texte(200),
    objetType: texte(20),
    objetNumero: texte(50, true),
    emetteur: { type: "text" },
    fileCle: texte(30),
    fileJuridictionLibelle: texte(200, true),
    fileCourAppel: texte(20, true),
    titre: texte(200),
    description: { type: "text" },
    agentId: texte(100, true),
    creeLe: instant(),
    soumisLe: instant(true),
    ouvertLe: instant(),
    resoluLe: instant(true),
    relanceLe: instant(true),
    clotureLe: instant(true),
    cloture: texte(30, true),
    modifieLe: instant(),
    nombreEntrees: { type: "integer" },
    recherchePublique: { type: "text" },
    rechercheAgents: { type: "text" },
  },
  indexes: [
    // Agents' work lists and dashboard: a queue's tickets in some states, by opening date.
    { name: "ticket_file_etat_ouvert_idx", properties: ["fileCle", "etat", "ouvertLe"] },
    // Requester's tabs: their tickets in some states, newest first.
    { name: "ticket_demandeur_etat_ouvert_idx", properties: ["demandeurId", "etat", "ouvertLe"] },
    // Scheduler: resolved tickets by solution date.
    { name: "ticket_etat_resolu_idx", properties: ["etat", "resoluLe"] },
  ],
});

/** Metadata of an attachment listed on a ticket; the bytes live in the content-addressed store under `empreinte`. */
export interface PieceJointeTicketRow {
  /** `<ticket id>:<rang>`. */
  id: string;
  ticket: TicketRow;
  rang: number;
  pieceId: string;
  nomFichier: string;
  typeContenu: string;
  taille: number;
  empreinte: string;
}

export const PieceJointeTicketSchema = new EntitySchema<PieceJointeTicketRow>({
  name: "PieceJointeTicket",
  tableName: "piece_jointe_ticket",
  properties: {
    id: { type: "string", length: 120, primary: true },
    ticket: { kind: "m:1", entity: () => TicketSupportSchema, deleteRule: "cascade", updateRule: "cascade", index: false },
    rang: { type: "integer" },
    pieceId: texte(100),
    nomFichier: texte(255),
    typeContenu: texte(100),
    taille: { type: "integer" },
    empreinte: texte(64),
  },
  uniques: [{ name: "piece_jointe_ticket_ticket_rang_unique", properties: ["ticket", "rang"] }],
});

/**
 * One row of a ticket's activity journal (one per accepted event); `rang` numbers them 1..n per
 * ticket (unique: a gap or a duplicate is visible). `visibilite = 'INTERNE'` rows (internal notes) are
 * never shown to the requester.
 */
export interface EntreeJournalTicketRow {
  id: string;
  ticket: TicketRow;
  rang: number;
  type: string;
  le: Date;
  auteurType: string;
  auteurId?: string | null;
  etatAvant?: string | null;
  etatApres: string;
  visibilite: string;
  texte?: string | null;
  /** JSON: the attachment added by `ticket.joindre`. */
  pieceJointe?: string | null;
  agentId?: string | null;
  /** JSON: the queues before and after a transfer. */
  fileAvant?: string | null;
  fileApres?: string | null;
}

export const EntreeJournalTicketSchema = new EntitySchema<EntreeJournalTicketRow>({
  name: "EntreeJournalTicket",
  tableName: "entree_journal_ticket",
  properties: {
    id: { type: "string", length: 100, primary: true },
    ticket: { kind: "m:1", entity: () => TicketSupportSchema, deleteRule: "cascade", updateRule: "cascade", index: false },
    rang: { type: "integer" },
    type: texte(60),
    le: instant(),
    auteurType: texte(20),
    auteurId: texte(100, true),
    etatAvant: texte(30, true),
    etatApres: texte(30),
    visibilite: texte(10),
    texte: { type: "text", nullable: true },
    pieceJointe: { type: "text", nullable: true },
    agentId: texte(100, true),
    fileAvant: { type: "text", nullable: true },
    fileApres: { type: "text", nullable: true },
  },
  uniques: [{ name: "entree_journal_ticket_ticket_rang_unique", properties: ["ticket", "rang"] }],
});

/**
 * The outbox of the ticket notifications: written in the same transaction as the event, at most once
 * per (journal row, recipient); delivered by SMTP when configured (`statut` EN_ATTENTE → ENVOYE / ECHEC).
 */
export interface MessageTicketRow extends ColonnesEnvoiRow {
  id: string;
  ticket: TicketRow;
  ticketNumero: string;
  entreeId: string;
  destinataire: string;
  audience: string;
}

export const MessageTicketSchema = new EntitySchema<MessageTicketRow>({
  name: "MessageTicket",
  tableName: "message_ticket",
  properties: {
    id: { type: "string", length: 100, primary: true },
    ticket: { kind: "m:1", entity: () => TicketSupportSchema, deleteRule: "cascade", updateRule: "cascade", index: "message_ticket_ticket_idx" },
    ticketNumero: texte(20),
    entreeId: texte(100),
    destinataire: texte(254),
    audience: texte(20),
    ...COLONNES_ENVOI,
  },
  uniques: [{ name: "message_ticket_entree_destinataire_unique", properties: ["entreeId", "destinataire"] }],
  indexes: [{ name: "message_ticket_statut_cree_idx", properties: ["statut", "creeLe"] }],
});

/** A réponse type of the agents (reference data, editable): `{{variable}}` placeholders of the domain only. */
export interface ReponseTypeRow {
  code: string;
  titre: string;
  texte: string;
  actif: boolean;
  version: number;
}

export const ReponseTypeSchema = new EntitySchema<ReponseTypeRow>({
  name: "ReponseType",
  tableName: "reponse_type",
  properties: {
    code: { type: "string", length: 100, primary: true },
    titre: texte(200),
    texte: { type: "text" },
    actif: { type: "boolean" },
    version: { type: "integer", version: true },
  },
});

/** Every table of the support tickets, in dependency order. */
export const ENTITES_SUPPORT = [TicketSupportSchema, PieceJointeTicketSchema, EntreeJournalTicketSchema, MessageTicketSchema, ReponseTypeSchema] as const;
