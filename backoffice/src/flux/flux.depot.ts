import type { ErreurDeChamp } from "@frais-justice/core";
import { Data, Either } from "effect";
import type { Orm } from "../base/orm.js";
import { lireEntier, lireInstant, sqlDe, type Sql } from "../base/sql.js";
import { table, type Table } from "../base/tables.js";
import { ConflitDeVersion } from "../memoire/memoire.errors.js";
import { statutInitial, transitionLot, type EvenementLot, type StatutLot, type TransitionLot, type TransitionLotRefusee } from "./flux.lot.js";

/** A lot as stored. */
export interface Lot {
  readonly id: string;
  readonly statut: StatutLot;
  readonly version: number;
  readonly emetteurIdentifiant: string;
  readonly structureId?: string;
  readonly utilisateur: string;
  readonly empreinte: string;
  readonly taille: number;
  readonly fichier: string;
  readonly canal: string;
  readonly recuLe: Date;
  readonly termineLe?: Date;
  readonly nombreMemoires: number;
  readonly nombreIntegres: number;
  readonly nombreRejetes: number;
  readonly erreur?: ErreurLot;
}

/** Why a lot as a whole was refused, cut short or stopped: the position in the file when known. */
export interface ErreurLot {
  readonly raison: string;
  readonly ligne?: number;
  readonly colonne?: number;
}

/** The result of one item: the mémoire created (its MJ or TMP number), or every error with its path. */
export type ResultatElement =
  | { readonly indice: number; readonly ligne: number; readonly resultat: "INTEGRE"; readonly numero: string; readonly memoireId: string }
  | { readonly indice: number; readonly ligne: number; readonly resultat: "REJETE"; readonly erreurs: ReadonlyArray<ErreurDeChamp> };

/** A status change as recorded. */
export interface TransitionEnregistree extends TransitionLot {
  readonly rang: number;
  readonly le: Date;
}

/** Another file already used this lot id. */
export class LotDejaRecu extends Data.TaggedError("LotDejaRecu")<{ readonly lotId: string }> {
  override get message(): string {
    return `le lot ${this.lotId} a déjà été reçu avec un autre contenu : un identifiant de lot ne sert qu'une fois`;
  }
}

/** No lot has this id. */
export class LotIntrouvable extends Data.TaggedError("LotIntrouvable")<{ readonly lotId: string }> {
  override get message(): string {
    return `aucun lot ${this.lotId}`;
  }
}

const lireLot = (r: Readonly<Record<string, unknown>>): Lot => {
  const termine = r["termineLe"];
  const structureId = r["structureId"];
  const erreur = r["erreur"];
  return {
    id: String(r["id"]),
    statut: String(r["statut"]) as StatutLot,
    version: lireEntier(r["version"]),
    emetteurIdentifiant: String(r["emetteurIdentifiant"]),
    ...(typeof structureId === "string" ? { structureId } : {}),
    utilisateur: String(r["utilisateur"]),
    empreinte: String(r["empreinte"]),
    taille: lireEntier(r["taille"]),
    fichier: String(r["fichier"]),
    canal: String(r["canal"]),
    recuLe: lireInstant(r["recuLe"]),
    ...(termine === null || termine === undefined ? {} : { termineLe: lireInstant(termine) }),
    nombreMemoires: lireEntier(r["nombreMemoires"]),
    nombreIntegres: lireEntier(r["nombreIntegres"]),
    nombreRejetes: lireEntier(r["nombreRejetes"]),
    ...(typeof erreur === "string" ? { erreur: JSON.parse(erreur) as ErreurLot } : {}),
  };
};

/** What changes with a status change besides the status. */
export interface MiseAJourLot {
  readonly structureId?: string;
  readonly erreur?: ErreurLot;
  readonly termineLe?: Date;
}

/**
 * The repository of lots: reception, status changes through the lot machine (each one audited in
 * `flux_lot_transition`, with the version checked), item results (`flux_element`, keyed by lot id and
 * item index), progress counters, and what the compte rendu reads.
 */
export class DepotLots {
  private readonly sql: Sql;
  private readonly tLot: Table;
  private readonly tTransition: Table;
  private readonly tElement: Table;

  constructor(readonly orm: Orm) {
    this.sql = sqlDe(orm);
    this.tLot = table(orm, "FluxLot");
    this.tTransition = table(orm, "FluxLotTransition");
    this.tElement = table(orm, "FluxElement");
  }

  async charger(id: string): Promise<Either.Either<Lot, LotIntrouvable>> {
    const [r] = await this.sql.lignes(`SELECT ${this.tLot.selection()} FROM flux_lot WHERE id = ?`, [id]);
    return r === undefined ? Either.left(new LotIntrouvable({ lotId: id })) : Either.right(lireLot(r));
  }

  /** Records a new lot in IN_RECU with its first audit row; an existing id is returned as it is. */
  async recevoir(lot: Omit<Lot, "statut" | "version" | "nombreMemoires" | "nombreIntegres" | "nombreRejetes">): Promise<{ readonly lot: Lot; readonly nouveau: boolean }> {
    const statut = statutInitial();
    const cree = await this.sql.transaction(async (tx) => {
      const existe = await tx.lignes("SELECT id FROM flux_lot WHERE id = ?", [lot.id]);
      if (existe.length > 0) return false;
      await this.tLot.inserer(tx, [
        { ...lot, structureId: lot.structureId ?? null, termineLe: null, erreur: null, statut, version: 1, nombreMemoires: 0, nombreIntegres: 0, nombreRejetes: 0, nombreTransitions: 1 },
      ]);
      await this.tTransition.inserer(tx, [{ lotId: lot.id, rang: 1, evenement: "lot.recevoir", de: null, vers: statut, le: lot.recuLe, motif: null }]);
      return true;
    });
    const charge = await this.charger(lot.id);
    if (Either.isLeft(charge)) throw new Error(`lot ${lot.id} introuvable après sa réception`);
    return { lot: charge.right, nouveau: cree };
  }

  /**
   * Applies an event through the lot machine, in one transaction: check the version, transition,
   * update the row (`WHERE id = ? AND version = ?`), append the audit row.
   */
  async appliquer(
    lot: Lot,
    evenement: EvenementLot,
    le: Date,
    maj: MiseAJourLot = {},
  ): Promise<Either.Either<Lot, TransitionLotRefusee | ConflitDeVersion>> {
    const t = transitionLot(lot.id, lot.statut, evenement);
    if (Either.isLeft(t)) return Either.left(t.left);
    const compte = await this.compter(lot.id);
    const ok = await this.sql.transaction(async (tx) => {
      const [r] = await tx.lignes<{ n: number | string }>("SELECT nombre_transitions AS n FROM flux_lot WHERE id = ? AND version = ?", [lot.id, lot.version]);
      if (r === undefined) return false;
      const rang = lireEntier(r.n) + 1;
      const touchees = await tx.lignes(
        `UPDATE flux_lot SET statut = ?, version = version + 1, nombre_transitions = ?, structure_id = COALESCE(?, structure_id), erreur = COALESCE(?, erreur),
           termine_le = COALESCE(?, termine_le), nombre_memoires = ?, nombre_integres = ?, nombre_rejetes = ? WHERE id = ? AND version = ? RETURNING id`,
        [
          t.right.vers,
          rang,
          maj.structureId ?? null,
          maj.erreur === undefined ? null : JSON.stringify(maj.erreur),
          maj.termineLe ?? null,
          compte.integres + compte.rejetes,
          compte.integres,
          compte.rejetes,
          lot.id,
          lot.version,
        ],
      );
      if (touchees.length !== 1) return false;
      await this.tTransition.inserer(tx, [{ lotId: lot.id, rang, evenement: t.right.evenement, de: t.right.de, vers: t.right.vers, le, motif: t.right.motif ?? null }]);
      return true;
    });
    if (!ok) return Either.left(new ConflitDeVersion({ entite: "flux_lot", id: lot.id, versionAttendue: lot.version }));
    const charge = await this.charger(lot.id);
    return Either.isLeft(charge) ? Either.left(new ConflitDeVersion({ entite: "flux_lot", id: lot.id, versionAttendue: lot.version })) : Either.right(charge.right);
  }

  /** The audit trail of a lot's statuses, in order. */
  async transitions(lotId: string): Promise<ReadonlyArray<TransitionEnregistree>> {
    const lignes = await this.sql.lignes(`SELECT ${this.tTransition.selection()} FROM flux_lot_transition WHERE lot_id = ? ORDER BY rang`, [lotId]);
    return lignes.map((r) => ({
      rang: lireEntier(r["rang"]),
      evenement: String(r["evenement"]) as TransitionLot["evenement"],
      de: (typeof r["de"] === "string" ? r["de"] : "") as StatutLot,
      vers: String(r["vers"]) as StatutLot,
      le: lireInstant(r["le"]),
      ...(typeof r["motif"] === "string" ? { motif: r["motif"] } : {}),
    }));
  }

  /** Records item results (a resumed lot rewrites an item's row with its latest result). */
  async enregistrerElements(lotId: string, resultats: ReadonlyArray<ResultatElement>, le: Date): Promise<void> {
    if (resultats.length === 0) return;
    await this.sql.transaction(async (tx) => {
      for (let i = 0; i < resultats.length; i += 500) {
        const lot = resultats.slice(i, i + 500);
        await tx.lignes(
          `INSERT INTO flux_element (lot_id, indice, resultat, ligne, memoire_id, numero, erreurs, traite_le) VALUES ${lot.map(() => "(?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}
           ON CONFLICT (lot_id, indice) DO UPDATE SET resultat = excluded.resultat, ligne = excluded.ligne, memoire_id = excluded.memoire_id,
             numero = excluded.numero, erreurs = excluded.erreurs, traite_le = excluded.traite_le`,
          lot.flatMap((r) => [
            lotId,
            r.indice,
            r.resultat,
            r.ligne,
            r.resultat === "INTEGRE" ? r.memoireId : null,
            r.resultat === "INTEGRE" ? r.numero : null,
            r.resultat === "REJETE" ? JSON.stringify(r.erreurs) : null,
            le,
          ]),
        );
      }
    });
  }

  /** Progress counters of a lot in progress (what a poll of its status reads); the final counts are recounted from the items. */
  async avancer(lotId: string, c: { readonly memoires: number; readonly integres: number; readonly rejetes: number }): Promise<void> {
    await this.sql.lignes("UPDATE flux_lot SET nombre_memoires = ?, nombre_integres = ?, nombre_rejetes = ? WHERE id = ?", [c.memoires, c.integres, c.rejetes, lotId]);
  }

  /** Counts of the items recorded. */
  async compter(lotId: string): Promise<{ readonly integres: number; readonly rejetes: number }> {
    const lignes = await this.sql.lignes<{ resultat: string; n: number | string }>("SELECT resultat, count(*) AS n FROM flux_element WHERE lot_id = ? GROUP BY resultat", [lotId]);
    const n = (r: string) => lireEntier(lignes.find((l) => l.resultat === r)?.n ?? 0);
    return { integres: n("INTEGRE"), rejetes: n("REJETE") };
  }

  /** The indices of the items already integrated (a resumed lot skips them). */
  async indicesIntegres(lotId: string): Promise<ReadonlySet<number>> {
    const lignes = await this.sql.lignes<{ indice: number | string }>("SELECT indice FROM flux_element WHERE lot_id = ? AND resultat = 'INTEGRE'", [lotId]);
    return new Set(lignes.map((l) => lireEntier(l.indice)));
  }

  /** The item results of a lot, by index (`depuis` and `limite` page through a large lot). */
  async elements(lotId: string, depuis = 0, limite = Number.MAX_SAFE_INTEGER): Promise<ReadonlyArray<ResultatElement>> {
    const lignes = await this.sql.lignes(`SELECT ${this.tElement.selection()} FROM flux_element WHERE lot_id = ? AND indice >= ? ORDER BY indice LIMIT ?`, [
      lotId,
      depuis,
      Math.min(limite, 1_000_000_000),
    ]);
    return lignes.map((r): ResultatElement => {
      const base = { indice: lireEntier(r["indice"]), ligne: lireEntier(r["ligne"]) };
      return r["resultat"] === "INTEGRE"
        ? { ...base, resultat: "INTEGRE", numero: String(r["numero"]), memoireId: String(r["memoireId"]) }
        : { ...base, resultat: "REJETE", erreurs: JSON.parse(typeof r["erreurs"] === "string" ? r["erreurs"] : "[]") as ReadonlyArray<ErreurDeChamp> };
    });
  }

  /** The mémoire of an id, if it exists (the mémoire id of an item derives from its idempotency key). */
  async memoireExistante(id: string): Promise<{ readonly id: string; readonly numero: string } | undefined> {
    const [r] = await this.sql.lignes<{ id: string; numero: string }>("SELECT id, numero FROM memoire WHERE id = ?", [id]);
    return r === undefined ? undefined : { id: String(r.id), numero: String(r.numero) };
  }
}
