import type { Courriel } from "@frais-justice/support";
import { DonneesCorrompues } from "../memoire/memoire.errors.js";
import { lireEntier, lireInstant, type Sql } from "./sql.js";
import type { Table } from "./tables.js";

/**
 * What the outboxes of the back-office share (the tickets' `message_ticket`, the mémoires'
 * `notification_memoire`): the delivery columns of their rows and the statements of delivery. Each
 * outbox adds its own columns (the ticket and journal row, the mémoire and event) and reads them.
 */

/** Where a message stands: waiting for delivery, sent, or failed (retried up to the distributor's maximum). */
export type StatutEnvoi = "EN_ATTENTE" | "ENVOYE" | "ECHEC";

/** The delivery record of a message. */
export interface SuiviEnvoi {
  readonly creeLe: Date;
  readonly statut: StatutEnvoi;
  readonly tentatives: number;
  readonly envoyeLe?: Date;
  /** The SMTP message id, once sent. */
  readonly identifiantTransport?: string;
  readonly derniereErreur?: string;
}

/** A row as the database returned it, keyed by property. */
export type LigneBrute = Readonly<Record<string, unknown>>;

/** Whether a stored value is one of the delivery states. */
export const estStatutEnvoi = (v: unknown): v is StatutEnvoi => v === "EN_ATTENTE" || v === "ENVOYE" || v === "ECHEC";

/** The delivery record of a row (selected with `Table.selection`); an unknown state is reported, never shown as another. */
export const lireSuivi = (l: LigneBrute, table: string): SuiviEnvoi => {
  const statut = l["statut"];
  if (!estStatutEnvoi(statut)) throw new DonneesCorrompues({ table, id: String(l["id"]), erreurs: [{ chemin: "statut", raison: `valeur inconnue : ${JSON.stringify(statut)}` }] });
  return {
    creeLe: lireInstant(l["creeLe"]),
    statut,
    tentatives: lireEntier(l["tentatives"]),
    ...(l["envoyeLe"] === null || l["envoyeLe"] === undefined ? {} : { envoyeLe: lireInstant(l["envoyeLe"]) }),
    ...(typeof l["identifiantTransport"] === "string" ? { identifiantTransport: l["identifiantTransport"] } : {}),
    ...(typeof l["derniereErreur"] === "string" ? { derniereErreur: l["derniereErreur"] } : {}),
  };
};

/** The delivery columns of a new row: waiting, no attempt yet. */
export const suiviInitial = (creeLe: Date) => ({ creeLe, statut: "EN_ATTENTE", tentatives: 0, envoyeLe: null, identifiantTransport: null, derniereErreur: null }) as const;

/** A message of an outbox, as delivery needs it: its row id, its attempts so far, the e-mail. */
export interface MessageADistribuer<C extends Courriel> {
  readonly id: string;
  readonly tentatives: number;
  readonly message: C;
}

/**
 * What delivery (`DistributeurMessages`) needs of an outbox: the messages to send, and the record of
 * each attempt.
 */
export interface BoiteADistribuer<C extends Courriel> {
  /** The waiting messages (and failed ones with fewer than `tentativesMax` attempts), oldest first. */
  aDistribuer(limite: number, tentativesMax: number): Promise<ReadonlyArray<MessageADistribuer<C>>>;
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

/**
 * An outbox table and its statements of delivery: the rows to send (read by `lire`, each outbox's
 * own reading of its rows), and the record of each attempt. The tickets' and the mémoires' outboxes
 * extend it with their own lists.
 */
export class BoiteEnvoiSql<C extends Courriel, M extends MessageADistribuer<C>> implements BoiteADistribuer<C> {
  /** `table.colonne` of each delivery property. */
  private readonly c: { readonly [P in "id" | "statut" | "tentatives" | "creeLe" | "envoyeLe" | "identifiantTransport" | "derniereErreur"]: string };

  constructor(
    protected readonly sql: Sql,
    protected readonly t: Table,
    protected readonly lire: (ligne: LigneBrute) => M,
  ) {
    const c = (p: string) => t.colonne(p);
    this.c = { id: c("id"), statut: c("statut"), tentatives: c("tentatives"), creeLe: c("creeLe"), envoyeLe: c("envoyeLe"), identifiantTransport: c("identifiantTransport"), derniereErreur: c("derniereErreur") };
  }

  async aDistribuer(limite: number, tentativesMax: number): Promise<ReadonlyArray<M>> {
    const c = this.c;
    const lignes = await this.sql.lignes<LigneBrute>(
      `SELECT ${this.t.selection()} FROM ${this.t.nom} WHERE ${c.statut} = 'EN_ATTENTE' OR (${c.statut} = 'ECHEC' AND ${c.tentatives} < ?) ORDER BY ${c.creeLe}, ${c.id} LIMIT ?`,
      [tentativesMax, limite],
    );
    return lignes.map(this.lire);
  }

  async prendre(id: string, tentativesLues: number): Promise<boolean> {
    const c = this.c;
    const lignes = await this.sql.lignes(
      `UPDATE ${this.t.nom} SET ${c.tentatives} = ${c.tentatives} + 1 WHERE ${c.id} = ? AND ${c.tentatives} = ? AND ${c.statut} <> 'ENVOYE' RETURNING ${c.id}`,
      [id, tentativesLues],
    );
    return lignes.length === 1;
  }

  async marquerEnvoye(id: string, identifiantTransport: string, le: Date): Promise<boolean> {
    const c = this.c;
    const lignes = await this.sql.lignes(
      `UPDATE ${this.t.nom} SET ${c.statut} = 'ENVOYE', ${c.envoyeLe} = ?, ${c.identifiantTransport} = ?, ${c.derniereErreur} = NULL WHERE ${c.id} = ? AND ${c.statut} <> 'ENVOYE' RETURNING ${c.id}`,
      [le, identifiantTransport, id],
    );
    return lignes.length === 1;
  }

  /** Records a failed attempt with its reason (at most 2,000 characters). */
  async marquerEchec(id: string, erreur: string): Promise<void> {
    const c = this.c;
    await this.sql.lignes(`UPDATE ${this.t.nom} SET ${c.statut} = 'ECHEC', ${c.derniereErreur} = ? WHERE ${c.id} = ? AND ${c.statut} <> 'ENVOYE'`, [erreur.slice(0, 2000), id]);
  }
}
