import { BigIntType, EntitySchema } from "@mikro-orm/core";
import { COLONNES_ENVOI, type ColonnesEnvoiRow } from "./envoi.schema.js";

/**
 * Tables of the mémoire aggregate. Rows are plain objects of the backoffice (no decorators on core
 * types); `memoire.mapper.ts` turns them into core's `Memoire` and back, validating on the way in.
 *
 * Money and decimals are TEXT decimal strings written by core's canonical encoding (exact on both
 * databases; SQLite's DECIMAL would store REAL). `montantTtcCentimes` duplicates the TTC total as an
 * integer for sums in reports; `recherche` is the accent- and case-folded search text.
 */
export interface MemoireRow {
  id: string;
  numero: string;
  numeroProvisoire: string;
  etat: string;
  version: number;
  juridictionCode: string;
  juridictionLibelle: string;
  courAppel: string;
  structureId: string;
  serviceId?: string | null;
  categoriePrestataire?: string | null;
  referenceCoordonneesBancaires?: string | null;
  devise: string;
  texteReference?: string | null;
  typeTva?: string | null;
  numeroFacture?: string | null;
  numeroEngagementJuridique?: string | null;
  modeDepot: string;
  /** Numéro de lot of the flux deposit, or null. */
  numeroLot?: string | null;
  remiseGlobaleTtc: string;
  attestationSurLHonneur: boolean;
  montantHt: string;
  montantTva: string;
  montantDebours: string;
  montantTtcAvantRemiseGlobale: string;
  montantRemiseGlobaleTtc: string;
  montantTtc: string;
  montantTtcCentimes: number;
  /** JSON: the récapitulatif TVA rows. */
  recapitulatifTva: string;
  /** JSON: the amounts as requested when sent (`MontantsMemoire` encoded), or null. */
  montantsDemandes?: string | null;
  montantModifie: boolean;
  creeLe: Date;
  creeParType: string;
  creeParId: string;
  envoyeLe?: Date | null;
  empreinteDepot?: string | null;
  misADispositionLe?: Date | null;
  agentEnCharge?: string | null;
  /** JSON array of redressements. */
  redressements: string;
  certifieLe?: Date | null;
  /** JSON ordonnance de taxe, or null. */
  taxation?: string | null;
  /**
   * `AAAA-MM-JJ`: the first day the payment of an ordonnance de taxe may be validated — the day after
   * its appeal delay once its notification is recorded (CPP R228-1), the day of the chambre de
   * l'instruction's decision on an appeal, `9999-12-31` while an appeal waits for that decision;
   * null otherwise (no ordonnance, one that grants the request, or one whose notification is not
   * recorded). Derived from `taxation` (core's `executionDeLaTaxe`) for the « à traiter » lists.
   */
  taxeExecutableLe?: string | null;
  /** JSON refusal, or null. */
  refus?: string | null;
  valideLe?: Date | null;
  paiementDate?: string | null;
  paiementReference?: string | null;
  duplicataDe?: string | null;
  dupliqueEn?: string | null;
  etatLe: Date;
  /** Number of audit events written for this mémoire (their `rang` runs 1..n, no gap). */
  nombreEvenements: number;
  /** Accent- and case-folded text searched by the views (numbers, juridiction, references, affaires). */
  recherche: string;
}

const texte = (length: number, nullable = false) => ({ type: "string", length, nullable }) as const;
const decimal = { type: "string", length: 40 } as const;
const instant = (nullable = false) => ({ type: "datetime", nullable }) as const;

export const MemoireSchema = new EntitySchema<MemoireRow>({
  name: "Memoire",
  tableName: "memoire",
  properties: {
    id: { type: "string", length: 100, primary: true },
    numero: { ...texte(20), unique: "memoire_numero_unique" },
    numeroProvisoire: { ...texte(20), unique: "memoire_numero_provisoire_unique" },
    etat: texte(30),
    version: { type: "integer", version: true },
    juridictionCode: texte(20),
    juridictionLibelle: texte(200),
    courAppel: texte(20),
    structureId: texte(100),
    serviceId: texte(100, true),
    categoriePrestataire: texte(100, true),
    referenceCoordonneesBancaires: texte(100, true),
    devise: texte(3),
    texteReference: texte(200, true),
    typeTva: texte(30, true),
    numeroFacture: texte(50, true),
    numeroEngagementJuridique: texte(50, true),
    modeDepot: texte(20),
    // Rechercher by numéro de lot (a flux deposit's mémoires).
    numeroLot: { ...texte(50, true), index: "memoire_numero_lot_idx" },
    remiseGlobaleTtc: decimal,
    attestationSurLHonneur: { type: "boolean" },
    montantHt: decimal,
    montantTva: decimal,
    montantDebours: decimal,
    montantTtcAvantRemiseGlobale: decimal,
    montantRemiseGlobaleTtc: decimal,
    montantTtc: decimal,
    montantTtcCentimes: { type: new BigIntType("number") },
    recapitulatifTva: { type: "text" },
    montantsDemandes: { type: "text", nullable: true },
    montantModifie: { type: "boolean" },
    creeLe: instant(),
    creeParType: texte(20),
    creeParId: texte(100),
    envoyeLe: instant(true),
    empreinteDepot: texte(100, true),
    misADispositionLe: { ...instant(true), fieldName: "mis_a_disposition_le" },
    agentEnCharge: texte(100, true),
    redressements: { type: "text" },
    certifieLe: instant(true),
    taxation: { type: "text", nullable: true },
    taxeExecutableLe: texte(10, true),
    refus: { type: "text", nullable: true },
    valideLe: instant(true),
    paiementDate: texte(10, true),
    paiementReference: texte(100, true),
    duplicataDe: texte(100, true),
    dupliqueEn: texte(100, true),
    etatLe: instant(),
    nombreEvenements: { type: "integer" },
    recherche: { type: "text" },
  },
  indexes: [
    // Rechercher / Synthèse / Tableau de bord of one structure: structure + état, then the dépôt date range.
    { name: "memoire_structure_etat_envoye_idx", properties: ["structureId", "etat", "envoyeLe"] },
    // Court side: a juridiction's backlog (états awaiting the court) and its searches by date; with the
    // columns the « à traiter » lists read of a taxed mémoire, so that their count reads the index only.
    { name: "memoire_juridiction_etat_envoye_idx", properties: ["juridictionCode", "etat", "envoyeLe", "montantModifie", "taxeExecutableLe"] },
    // Liste fiscale: a structure's paid mémoires over a period of at most one year.
    { name: "memoire_structure_paiement_idx", properties: ["structureId", "paiementDate"] },
    // Rechercher without a structure (court-wide or national) by dépôt date.
    { name: "memoire_envoye_idx", properties: ["envoyeLe"] },
    // Back-office list of one juridiction in dépôt order (id breaks ties), whatever the état: the page
    // is read in index order and stops after 20 rows; état and structure are in the index so that the
    // list's filters and capped count need not read the table.
    { name: "memoire_juridiction_envoye_idx", properties: ["juridictionCode", "envoyeLe", "id", "etat", "structureId"] },
    // Back-office numéro filter: the numbers of a juridiction starting with what the agent typed (a
    // range), for the count and for the page when few numbers match.
    { name: "memoire_juridiction_numero_idx", properties: ["juridictionCode", "numero"] },
  ],
});

/** A ligne de prestation with its computed amounts (decimals as exact TEXT). */
export interface LignePrestationRow {
  id: string;
  memoire: MemoireRow;
  rang: number;
  numeroAffaire: string;
  dateRequisition: string;
  autoriteRequerante: string;
  typePrestation: string;
  datePrestation: string;
  debut?: string | null;
  fin?: string | null;
  quantite: string;
  tarifHt: string;
  tauxTva: string;
  fraisDivers: string;
  debours: string;
  remise: string;
  montantPrestationHt: string;
  montantHt: string;
  montantTva: string;
  montantTtc: string;
}

export const LignePrestationSchema = new EntitySchema<LignePrestationRow>({
  name: "LignePrestation",
  tableName: "ligne_prestation",
  properties: {
    id: { type: "string", length: 100, primary: true },
    memoire: { kind: "m:1", entity: () => MemoireSchema, deleteRule: "cascade", updateRule: "cascade", index: false },
    rang: { type: "integer" },
    numeroAffaire: texte(50),
    dateRequisition: texte(10),
    autoriteRequerante: texte(40),
    typePrestation: texte(50),
    datePrestation: texte(10),
    debut: texte(16, true),
    fin: texte(16, true),
    quantite: decimal,
    tarifHt: decimal,
    tauxTva: decimal,
    fraisDivers: decimal,
    debours: decimal,
    remise: decimal,
    montantPrestationHt: decimal,
    montantHt: decimal,
    montantTva: decimal,
    montantTtc: decimal,
  },
  uniques: [{ name: "ligne_prestation_memoire_rang_unique", properties: ["memoire", "rang"] }],
});

/** Metadata of a pièce jointe; the bytes live in the content-addressed store under `empreinte`. */
export interface PieceJointeRow {
  id: string;
  memoire: MemoireRow;
  rang: number;
  ligneId?: string | null;
  designation: string;
  type: string;
  nomFichier: string;
  typeContenu: string;
  taille: number;
  empreinte: string;
  origine: string;
}

export const PieceJointeSchema = new EntitySchema<PieceJointeRow>({
  name: "PieceJointe",
  tableName: "piece_jointe",
  properties: {
    id: { type: "string", length: 100, primary: true },
    memoire: { kind: "m:1", entity: () => MemoireSchema, deleteRule: "cascade", updateRule: "cascade", index: false },
    rang: { type: "integer" },
    ligneId: texte(100, true),
    designation: texte(200),
    type: texte(30),
    nomFichier: texte(255),
    typeContenu: texte(100),
    taille: { type: "integer" },
    empreinte: { ...texte(64), index: "piece_jointe_empreinte_idx" },
    origine: texte(20),
  },
  uniques: [{ name: "piece_jointe_memoire_rang_unique", properties: ["memoire", "rang"] }],
});

/** One audit event; `rang` numbers the events of a mémoire 1..n (unique: a gap or a duplicate is visible). */
export interface EvenementMemoireRow {
  id: string;
  memoire: MemoireRow;
  rang: number;
  numero: string;
  commande: string;
  auteurType: string;
  auteurId: string;
  le: Date;
  de: string;
  vers: string;
  motif?: string | null;
  /** JSON totals before and after the command. */
  montantsAvant: string;
  montantsApres: string;
  /** JSON object of string details. */
  details: string;
}

export const EvenementMemoireSchema = new EntitySchema<EvenementMemoireRow>({
  name: "EvenementMemoire",
  tableName: "evenement_memoire",
  properties: {
    id: { type: "string", length: 100, primary: true },
    memoire: { kind: "m:1", entity: () => MemoireSchema, deleteRule: "cascade", updateRule: "cascade", index: false },
    rang: { type: "integer" },
    numero: texte(20),
    commande: texte(60),
    auteurType: texte(20),
    auteurId: texte(100),
    le: instant(),
    de: texte(30),
    vers: texte(30),
    motif: { type: "text", nullable: true },
    montantsAvant: { type: "text" },
    montantsApres: { type: "text" },
    details: { type: "text" },
  },
  uniques: [{ name: "evenement_memoire_memoire_rang_unique", properties: ["memoire", "rang"] }],
});

/**
 * Counts and TTC sums per structure and état, maintained in the same transaction as every write of
 * a mémoire: the tableau de bord reads a few rows instead of scanning millions.
 */
export interface TableauDeBordRow {
  structureId: string;
  etat: string;
  nombre: number;
  montantTtcCentimes: number;
}

export const TableauDeBordSchema = new EntitySchema<TableauDeBordRow>({
  name: "TableauDeBord",
  tableName: "tableau_de_bord",
  properties: {
    structureId: { type: "string", length: 100, primary: true },
    etat: { type: "string", length: 30, primary: true },
    nombre: { type: new BigIntType("number") },
    montantTtcCentimes: { type: new BigIntType("number") },
  },
});

/**
 * National counts and TTC sums per état, maintained in the same transaction as the per-structure
 * counters (every transition, every ingest batch): national totals are one row per état.
 */
export interface TableauDeBordNationalRow {
  etat: string;
  nombre: number;
  montantTtcCentimes: number;
}

export const TableauDeBordNationalSchema = new EntitySchema<TableauDeBordNationalRow>({
  name: "TableauDeBordNational",
  tableName: "tableau_de_bord_national",
  properties: {
    etat: { type: "string", length: 30, primary: true },
    nombre: { type: new BigIntType("number") },
    montantTtcCentimes: { type: new BigIntType("number") },
  },
});

/** Counters behind the numbers on SQLite (`memoire_mj`, `memoire_tmp_2026`, `ticket_cprocs`); PostgreSQL uses sequences. */
export interface CompteurRow {
  nom: string;
  valeur: number;
}

export const CompteurSchema = new EntitySchema<CompteurRow>({
  name: "Compteur",
  tableName: "compteur",
  properties: {
    nom: { type: "string", length: 60, primary: true },
    valeur: { type: new BigIntType("number") },
  },
});

/** A stored file of the content-addressed store (bytes on disk under their SHA-256). */
export interface FichierRow {
  empreinte: string;
  taille: number;
  typeContenu: string;
  creeLe: Date;
}

export const FichierSchema = new EntitySchema<FichierRow>({
  name: "Fichier",
  tableName: "fichier",
  properties: {
    empreinte: { type: "string", length: 64, primary: true },
    taille: { type: "integer" },
    typeContenu: texte(100),
    creeLe: instant(),
  },
});

/**
 * The outbox of the notices sent to the prestataire about their mémoire (today: an ordonnance de
 * taxe whose amount differs from the request, CPP R228 and R228-1). Written in the same transaction
 * as the event (`evenementRang`), at most once per (mémoire, event, recipient); delivered by SMTP when
 * configured (`statut` EN_ATTENTE → ENVOYE / ECHEC), like the tickets' messages.
 */
export interface NotificationMemoireRow extends ColonnesEnvoiRow {
  id: string;
  memoire: MemoireRow;
  /** The mémoire's number when the notice was written. */
  numero: string;
  /** The `rang` of the audit event the notice is about. */
  evenementRang: number;
  /** What the notice is about: `TAXATION`. */
  nature: string;
  destinataire: string;
}

export const NotificationMemoireSchema = new EntitySchema<NotificationMemoireRow>({
  name: "NotificationMemoire",
  tableName: "notification_memoire",
  properties: {
    id: { type: "string", length: 100, primary: true },
    memoire: { kind: "m:1", entity: () => MemoireSchema, deleteRule: "cascade", updateRule: "cascade", index: false },
    numero: texte(20),
    evenementRang: { type: "integer" },
    nature: texte(20),
    destinataire: texte(254),
    ...COLONNES_ENVOI,
  },
  uniques: [{ name: "notification_memoire_evenement_destinataire_unique", properties: ["memoire", "evenementRang", "destinataire"] }],
  indexes: [{ name: "notification_memoire_statut_cree_idx", properties: ["statut", "creeLe"] }],
});
