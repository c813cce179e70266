import { BigIntType, EntitySchema } from "@mikro-orm/core";

/**
 * Tables of the Dépôt flux (docs/flux.md): the lots received with their processing status, the audit
 * trail of their status changes, and one row per item (mémoire) of a lot with its result — what the
 * compte rendu lists. The mémoires themselves live in the mémoire tables.
 */
export interface FluxLotRow {
  /** The lot id chosen by the émetteur (header `id`). */
  id: string;
  statut: string;
  version: number;
  /** Identifier of the émetteur structure as written in the header (SIRET…). */
  emetteurIdentifiant: string;
  /** The structure found for it, when found. */
  structureId?: string | null;
  /** E-mail of the depositing user as written in the header. */
  utilisateur: string;
  /** SHA-256 (hex) and size of the file: a lot id is re-run only with the same content. */
  empreinte: string;
  taille: number;
  /** Where the file was read from (a path on the server), to resume the lot. */
  fichier: string;
  /** Channel of the deposit: CLI, API. */
  canal: string;
  recuLe: Date;
  termineLe?: Date | null;
  nombreMemoires: number;
  nombreIntegres: number;
  nombreRejetes: number;
  /** JSON `{ ligne, colonne, raison }` when the lot itself was refused or cut short, or an incident's message. */
  erreur?: string | null;
  /** Number of status changes recorded (their `rang` runs 1..n). */
  nombreTransitions: number;
}

export const FluxLotSchema = new EntitySchema<FluxLotRow>({
  name: "FluxLot",
  tableName: "flux_lot",
  properties: {
    id: { type: "string", length: 40, primary: true },
    statut: { type: "string", length: 30 },
    version: { type: "integer", version: true },
    emetteurIdentifiant: { type: "string", length: 20 },
    structureId: { type: "string", length: 100, nullable: true },
    utilisateur: { type: "string", length: 255 },
    empreinte: { type: "string", length: 64 },
    taille: { type: new BigIntType("number") },
    fichier: { type: "text" },
    canal: { type: "string", length: 10 },
    recuLe: { type: "datetime" },
    termineLe: { type: "datetime", nullable: true },
    nombreMemoires: { type: "integer" },
    nombreIntegres: { type: "integer" },
    nombreRejetes: { type: "integer" },
    erreur: { type: "text", nullable: true },
    nombreTransitions: { type: "integer" },
  },
  indexes: [{ name: "flux_lot_recu_idx", properties: ["recuLe"] }, { name: "flux_lot_structure_idx", properties: ["structureId", "recuLe"] }],
});

/** One status change of a lot (its audit trail). */
export interface FluxLotTransitionRow {
  lotId: string;
  rang: number;
  evenement: string;
  /** Null for the reception. */
  de?: string | null;
  vers: string;
  le: Date;
  motif?: string | null;
}

export const FluxLotTransitionSchema = new EntitySchema<FluxLotTransitionRow>({
  name: "FluxLotTransition",
  tableName: "flux_lot_transition",
  properties: {
    lotId: { type: "string", length: 40, primary: true },
    rang: { type: "integer", primary: true },
    evenement: { type: "string", length: 40 },
    de: { type: "string", length: 30, nullable: true },
    vers: { type: "string", length: 30 },
    le: { type: "datetime" },
    motif: { type: "text", nullable: true },
  },
});

/** The result of one item of a lot: the idempotency key (lot id, item index) and what became of it. */
export interface FluxElementRow {
  lotId: string;
  indice: number;
  /** `INTEGRE` or `REJETE`. */
  resultat: string;
  /** Line of the item's opening tag in the file. */
  ligne: number;
  memoireId?: string | null;
  /** MJ number (sent) or TMP number (draft) of the mémoire created. */
  numero?: string | null;
  /** JSON array of `{ chemin, raison }` for a rejected item. */
  erreurs?: string | null;
  traiteLe: Date;
}

export const FluxElementSchema = new EntitySchema<FluxElementRow>({
  name: "FluxElement",
  tableName: "flux_element",
  properties: {
    lotId: { type: "string", length: 40, primary: true },
    indice: { type: "integer", primary: true },
    resultat: { type: "string", length: 10 },
    ligne: { type: "integer" },
    memoireId: { type: "string", length: 100, nullable: true },
    numero: { type: "string", length: 20, nullable: true },
    erreurs: { type: "text", nullable: true },
    traiteLe: { type: "datetime" },
  },
});

/** Every table of the Dépôt flux. */
export const ENTITES_FLUX = [FluxLotSchema, FluxLotTransitionSchema, FluxElementSchema] as const;
