import { randomUUID } from "node:crypto";
import type { Courriel } from "@frais-justice/support";
import type { EvenementMemoire, Memoire } from "@frais-justice/core/memoire";
import type { Orm } from "../base/orm.js";
import { lireEntier, lireInstant, sqlDe, type Sql, type ValeurSql } from "../base/sql.js";
import { table, type Table } from "../base/tables.js";
import type { BoiteADistribuer } from "../support/distributeur.js";
import { avisDeTaxation, type NatureNotification } from "./memoire.notification.js";

/** Where a notice stands: waiting for delivery, sent, or failed (retried up to the distributor's maximum). */
export type StatutNotification = "EN_ATTENTE" | "ENVOYE" | "ECHEC";

/** A notice to the prestataire as an e-mail, with the mémoire and the event it is about. */
export interface CourrielMemoire extends Courriel {
  readonly memoireId: string;
  readonly numero: string;
  readonly evenementRang: number;
  readonly nature: NatureNotification;
}

/** A notice of the outbox with its delivery record. */
export interface NotificationMemoire {
  readonly id: string;
  readonly message: CourrielMemoire;
  readonly creeLe: Date;
  readonly statut: StatutNotification;
  readonly tentatives: number;
  readonly envoyeLe?: Date;
  /** The SMTP message id, once sent. */
  readonly identifiantTransport?: string;
  readonly derniereErreur?: string;
}

/**
 * The prestataire's addresses for a notice about a mémoire: its author when they are an active user
 * still attached to the structure, and the structure's gestionnaire principal (active), each once.
 */
const DESTINATAIRES =
  "SELECT DISTINCT u.email AS \"email\" FROM rattachement r JOIN utilisateur u ON u.id = r.utilisateur_id " +
  "WHERE r.structure_id = ? AND u.statut = 'ACTIF' AND (r.utilisateur_id = ? OR r.role = 'GESTIONNAIRE_PRINCIPAL') ORDER BY u.email";

/**
 * Writes, in the caller's transaction, the notices that a command's events call for (today: an
 * ordonnance de taxe that changes the amount), one row per recipient; `premierRang` is the `rang` of
 * the first of `evenements` in the mémoire's trail. Returns the number of rows written (0 when the
 * structure has no active user to tell: the show page says so).
 */
export const ecrireNotifications = async (tx: Sql, t: Table, memoire: Memoire, evenements: ReadonlyArray<EvenementMemoire>, premierRang: number): Promise<number> => {
  const lignes: Array<Record<string, unknown>> = [];
  for (const [i, evenement] of evenements.entries()) {
    const avis = avisDeTaxation(memoire, evenement);
    if (avis === undefined) continue;
    const auteur = memoire.creePar.type === "UTILISATEUR" ? memoire.creePar.id : "";
    const destinataires = await tx.lignes<{ email: string }>(DESTINATAIRES, [memoire.enTete.structureId, auteur]);
    for (const { email } of destinataires) {
      lignes.push({
        id: randomUUID(),
        memoireId: memoire.id,
        numero: memoire.numero,
        evenementRang: premierRang + i,
        nature: avis.nature,
        destinataire: email,
        sujet: avis.sujet,
        texte: avis.texte,
        creeLe: evenement.le,
        statut: "EN_ATTENTE",
        tentatives: 0,
        envoyeLe: null,
        identifiantTransport: null,
        derniereErreur: null,
      });
    }
  }
  await t.inserer(tx, lignes);
  return lignes.length;
};

type LigneBrute = Record<string, unknown>;

/**
 * The outbox of the notices to prestataires (`notification_memoire`): what the show page lists, and
 * what `DistributeurMessages` delivers by SMTP when configured.
 */
export class BoiteNotificationsMemoire implements BoiteADistribuer<CourrielMemoire> {
  private readonly sql: Sql;
  private readonly t: Table;

  constructor(orm: Orm) {
    this.sql = sqlDe(orm);
    this.t = table(orm, "NotificationMemoire");
  }

  private readonly lire = (l: LigneBrute): NotificationMemoire => {
    const statut = String(l["statut"]);
    return {
      id: String(l["id"]),
      message: {
        memoireId: String(l["memoireId"]),
        numero: String(l["numero"]),
        evenementRang: lireEntier(l["evenementRang"]),
        nature: String(l["nature"]) as NatureNotification,
        destinataire: String(l["destinataire"]),
        sujet: String(l["sujet"]),
        texte: String(l["texte"]),
      },
      creeLe: lireInstant(l["creeLe"]),
      statut: statut === "ENVOYE" || statut === "ECHEC" ? statut : "EN_ATTENTE",
      tentatives: lireEntier(l["tentatives"]),
      ...(l["envoyeLe"] === null || l["envoyeLe"] === undefined ? {} : { envoyeLe: lireInstant(l["envoyeLe"]) }),
      ...(typeof l["identifiantTransport"] === "string" ? { identifiantTransport: l["identifiantTransport"] } : {}),
      ...(typeof l["derniereErreur"] === "string" ? { derniereErreur: l["derniereErreur"] } : {}),
    };
  };

  /** The notices about one mémoire, in the order of its events, then by recipient. */
  async duMemoire(memoireId: string): Promise<ReadonlyArray<NotificationMemoire>> {
    const lignes = await this.sql.lignes<LigneBrute>(`SELECT ${this.t.selection()} FROM notification_memoire WHERE memoire_id = ? ORDER BY evenement_rang, destinataire`, [memoireId]);
    return lignes.map(this.lire);
  }

  async aDistribuer(limite: number, tentativesMax: number): Promise<ReadonlyArray<NotificationMemoire>> {
    const lignes = await this.sql.lignes<LigneBrute>(
      `SELECT ${this.t.selection()} FROM notification_memoire WHERE statut = 'EN_ATTENTE' OR (statut = 'ECHEC' AND tentatives < ?) ORDER BY cree_le, id LIMIT ?`,
      [tentativesMax, limite],
    );
    return lignes.map(this.lire);
  }

  async prendre(id: string, tentativesLues: number): Promise<boolean> {
    const lignes = await this.sql.lignes("UPDATE notification_memoire SET tentatives = tentatives + 1 WHERE id = ? AND tentatives = ? AND statut <> 'ENVOYE' RETURNING id", [id, tentativesLues]);
    return lignes.length === 1;
  }

  async marquerEnvoye(id: string, identifiantTransport: string, le: Date): Promise<boolean> {
    const params: Array<ValeurSql> = [le, identifiantTransport, id];
    const lignes = await this.sql.lignes(
      "UPDATE notification_memoire SET statut = 'ENVOYE', envoye_le = ?, identifiant_transport = ?, derniere_erreur = NULL WHERE id = ? AND statut <> 'ENVOYE' RETURNING id",
      params,
    );
    return lignes.length === 1;
  }

  async marquerEchec(id: string, erreur: string): Promise<void> {
    await this.sql.lignes("UPDATE notification_memoire SET statut = 'ECHEC', derniere_erreur = ? WHERE id = ? AND statut <> 'ENVOYE'", [erreur.slice(0, 2000), id]);
  }
}
