import { randomUUID } from "node:crypto";
import type { Courriel } from "@frais-justice/support";
import type { EvenementMemoire, Memoire } from "@frais-justice/core/memoire";
import type { Orm } from "../base/orm.js";
import { BoiteEnvoiSql, lireSuivi, suiviInitial, type LigneBrute, type SuiviEnvoi } from "../base/boite-envoi.js";
import { lectureDe, lireEntier, sqlDe, type Sql } from "../base/sql.js";
import { table, type Table } from "../base/tables.js";
import { DonneesCorrompues } from "./memoire.errors.js";
import { avisDeTaxation, NATURES_NOTIFICATION, type NatureNotification } from "./memoire.notification.js";

/** A notice to the prestataire as an e-mail, with the mémoire and the event it is about. */
export interface CourrielMemoire extends Courriel {
  readonly memoireId: string;
  readonly numero: string;
  readonly evenementRang: number;
  readonly nature: NatureNotification;
}

/** A notice of the outbox with its delivery record. */
export interface NotificationMemoire extends SuiviEnvoi {
  readonly id: string;
  readonly message: CourrielMemoire;
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
        ...suiviInitial(evenement.le),
      });
    }
  }
  await t.inserer(tx, lignes);
  return lignes.length;
};

/** What a notice is about, as stored; an unknown value is reported, never shown as another. */
const lireNature = (l: LigneBrute): NatureNotification => {
  const nature = l["nature"];
  const connue = NATURES_NOTIFICATION.find((n) => n === nature);
  if (connue === undefined) throw new DonneesCorrompues({ table: "notification_memoire", id: String(l["id"]), erreurs: [{ chemin: "nature", raison: `valeur inconnue : ${JSON.stringify(nature)}` }] });
  return connue;
};

const lire = (l: LigneBrute): NotificationMemoire => ({
  id: String(l["id"]),
  message: {
    memoireId: String(l["memoireId"]),
    numero: String(l["numero"]),
    evenementRang: lireEntier(l["evenementRang"]),
    nature: lireNature(l),
    destinataire: String(l["destinataire"]),
    sujet: String(l["sujet"]),
    texte: String(l["texte"]),
  },
  ...lireSuivi(l, "notification_memoire"),
});

/**
 * The outbox of the notices to prestataires (`notification_memoire`): what the show page lists, and
 * what `DistributeurMessages` delivers by SMTP when configured.
 */
export class BoiteNotificationsMemoire extends BoiteEnvoiSql<CourrielMemoire, NotificationMemoire> {
  /** The show page's reads: the read-only connections on SQLite, so that they never wait for a writer. */
  private readonly lecture: Sql;

  constructor(orm: Orm) {
    super(sqlDe(orm), table(orm, "NotificationMemoire"), lire);
    this.lecture = lectureDe(orm);
  }

  /** The notices about one mémoire, in the order of its events, then by recipient. */
  async duMemoire(memoireId: string): Promise<ReadonlyArray<NotificationMemoire>> {
    const lignes = await this.lecture.lignes<LigneBrute>(`SELECT ${this.t.selection()} FROM notification_memoire WHERE memoire_id = ? ORDER BY evenement_rang, destinataire`, [memoireId]);
    return lignes.map(this.lire);
  }
}
