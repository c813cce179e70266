import type { Memoire } from "@frais-justice/core/memoire";
import { Either } from "effect";
import { prochaineValeur, prochainesValeurs, sequenceTmp } from "../base/sequences.js";
import { lectureDe, lireEntier, lireInstant, sqlDe, type Sql, type ValeurSql } from "../base/sql.js";
import { table, type Table } from "../base/tables.js";
import type { Orm } from "../base/orm.js";
import { ConflitDeVersion, type DonneesCorrompues, MemoireIntrouvable } from "./memoire.errors.js";
import type { EvenementMemoire } from "@frais-justice/core/memoire";
import { evenementDepuisLigne, evenementVersLigne } from "./memoire.evenement.mapper.js";
import { ecrireNotifications } from "./notifications.repository.js";
import { depuisLignes, versLignes, type LigneBrute, type LignesMemoire } from "./memoire.mapper.js";

/** The number source core's commands call synchronously (same shape as core's `Numerotation`). */
export interface NumerotationReservee {
  readonly prochainNumeroTmp: (annee: number) => number;
  readonly prochainNumeroMj: () => number;
}

/** Numbers a command may draw, reserved in the transaction before it runs (core draws synchronously). */
export interface BesoinsNumeros {
  /** An MJ number (sending). */
  readonly mj?: boolean;
  /** A TMP number of this year (creation, duplication). */
  readonly tmpAnnee?: number;
}

/** What an accepted command produced (core's `ResultatCommande`): the new state, its audit events, a new draft. */
export interface ResultatEcriture {
  readonly memoire: Memoire;
  readonly evenements: ReadonlyArray<EvenementMemoire>;
  readonly duplicata?: Memoire;
}

/** A command on a loaded mémoire: core's `executer` partially applied (pure; may be refused with `E`). */
export type CommandeSurMemoire<R extends ResultatEcriture, E> = (memoire: Memoire, numerotation: NumerotationReservee) => Either.Either<R, E>;

/** Raised inside a transaction to roll it back with a typed error. */
class Abandon<E> extends Error {
  constructor(readonly erreur: E) {
    super("transaction abandonnée");
  }
}

/** A number was drawn that the command did not reserve: a bug in the caller's {@link BesoinsNumeros}. */
export class NumeroNonReserve extends Error {
  override readonly name = "NumeroNonReserve";
}

const numerotation = (reserve: { mj?: number; tmp?: { annee: number; valeur: number } }): NumerotationReservee => {
  let { mj, tmp } = reserve;
  return {
    prochainNumeroMj: () => {
      if (mj === undefined) throw new NumeroNonReserve("numéro MJ demandé sans réservation (BesoinsNumeros.mj)");
      const v = mj;
      mj = undefined;
      return v;
    },
    prochainNumeroTmp: (annee) => {
      if (tmp?.annee !== annee) throw new NumeroNonReserve(`numéro TMP ${annee} demandé sans réservation (BesoinsNumeros.tmpAnnee)`);
      const v = tmp.valeur;
      tmp = undefined;
      return v;
    },
  };
};

const reserver = async (sql: Sql, besoins: BesoinsNumeros) => ({
  ...(besoins.mj === true ? { mj: await prochaineValeur(sql, "memoire_mj") } : {}),
  ...(besoins.tmpAnnee === undefined ? {} : { tmp: { annee: besoins.tmpAnnee, valeur: await prochaineValeur(sql, sequenceTmp(besoins.tmpAnnee)) } }),
});

const estOccupe = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | undefined)?.code;
  const texte = `${typeof code === "string" ? code : ""} ${e instanceof Error ? e.message : ""}`;
  return /SQLITE_BUSY|database is locked/.test(texte);
};

/**
 * Whether a column as the database returned it (SQLite: instants in ms, booleans 0/1; PostgreSQL:
 * `Date`, boolean, bigint as text) already holds the value about to be written. Anything not clearly
 * equal counts as changed (written again), never the reverse.
 */
const egalStocke = (stocke: unknown, neuf: unknown): boolean => {
  if (neuf === null || neuf === undefined) return stocke === null || stocke === undefined;
  if (stocke === null || stocke === undefined) return false;
  if (neuf instanceof Date) return (stocke instanceof Date || typeof stocke === "number") && lireInstant(stocke).getTime() === neuf.getTime();
  if (typeof neuf === "boolean") return typeof stocke === "boolean" ? stocke === neuf : (stocke === 0 || stocke === 1) && (stocke === 1) === neuf;
  if (typeof neuf === "number") return typeof stocke === "number" ? stocke === neuf : (typeof stocke === "string" || typeof stocke === "bigint") && String(stocke) === String(neuf);
  return stocke === neuf;
};

/**
 * Runs the steps of one unit of work, in order, and settles them all. On SQLite they are sent
 * together: the connection runs them one after the other, without waiting for each answer to come
 * back through the thread pool. On PostgreSQL (a connection takes one query at a time), one after the
 * other, and the first failure stops the rest (reported with the same reason).
 */
const ensemble = async <T>(sql: Sql, etapes: ReadonlyArray<() => Promise<T>>): Promise<Array<PromiseSettledResult<T>>> => {
  if (sql.dialecte === "sqlite") return Promise.allSettled(etapes.map((f) => f()));
  const resultats: Array<PromiseSettledResult<T>> = [];
  for (const f of etapes) {
    const echec = resultats.find((r) => r.status === "rejected");
    if (echec !== undefined) {
      resultats.push(echec);
      continue;
    }
    try {
      resultats.push({ status: "fulfilled", value: await f() });
    } catch (e) {
      resultats.push({ status: "rejected", reason: e });
    }
  }
  return resultats;
};

/** Settled results, or the first failure in the steps' order. */
const valeurs = <T>(resultats: ReadonlyArray<PromiseSettledResult<T>>): Array<T> =>
  resultats.map((r) => {
    if (r.status === "rejected") throw r.reason;
    return r.value;
  });

/** A mémoire as loaded, with its rows as the database returned them (the base of the next write). */
interface Lu {
  readonly memoire: Memoire;
  readonly ligne: LigneBrute;
  readonly lignes: ReadonlyArray<LigneBrute>;
  readonly pieces: ReadonlyArray<LigneBrute>;
}

/** Whether the child rows as read already are `neuves` (same count, same values column by column, in `rang` order). */
const memesLignes = (table: Table, stockees: ReadonlyArray<LigneBrute>, neuves: ReadonlyArray<Readonly<Record<string, unknown>>>): boolean => {
  if (stockees.length !== neuves.length) return false;
  const triees = [...stockees].sort((a, b) => lireEntier(a["rang"]) - lireEntier(b["rang"]));
  return neuves.every((n, i) => {
    const s = triees[i];
    if (s === undefined) return false;
    for (const propriete of table.colonnes.keys()) if (!egalStocke(s[propriete], n[propriete])) return false;
    return true;
  });
};

/** Aliases of the JSON arrays of child rows in the SQLite reading of a mémoire (not column names). */
const LIGNES_JSON = "__lignes";
const PIECES_JSON = "__pieces";

type Delta = Map<string, { structureId: string; etat: string; nombre: number; centimes: number }>;

const ajouterDelta = (delta: Delta, structureId: string, etat: string, nombre: number, centimes: number): void => {
  const cle = `${structureId}\u0000${etat}`;
  const d = delta.get(cle) ?? { structureId, etat, nombre: 0, centimes: 0 };
  d.nombre += nombre;
  d.centimes += centimes;
  delta.set(cle, d);
};

/**
 * The repository of mémoires. Every write runs in ONE transaction: the mémoire's rows, its audit
 * events (numbered `rang` 1..n per mémoire), the notices to the prestataire its events call for
 * (`notification_memoire`), the tableau de bord counters (per structure and national) and the
 * numbers drawn. A state change is: load → rebuild (core's Schema) → check the
 * expected version → run core's command (its guards) → write with `UPDATE … WHERE id = ? AND version = ?`; zero rows means a concurrent
 * writer won: `ConflitDeVersion`, and nothing of the attempt remains.
 */
export class DepotMemoires {
  private readonly sql: Sql;
  /** Reads outside any transaction (`charger`, `historique`): the read-only connections on SQLite. */
  private readonly lecture: Sql;
  private readonly tMemoire: Table;
  private readonly tLigne: Table;
  private readonly tPiece: Table;
  private readonly tEvenement: Table;
  private readonly tNotification: Table;
  private readonly selectionMemoire: string;
  private readonly selectionLigne: string;
  private readonly selectionPiece: string;
  /** SQLite: the mémoire's row with its lines and attachments as JSON arrays, in one statement. */
  private readonly selectionCompleteSqlite: string;

  constructor(readonly orm: Orm) {
    this.sql = sqlDe(orm);
    this.lecture = lectureDe(orm);
    this.tMemoire = table(orm, "Memoire");
    this.tLigne = table(orm, "LignePrestation");
    this.tPiece = table(orm, "PieceJointe");
    this.tEvenement = table(orm, "EvenementMemoire");
    this.tNotification = table(orm, "NotificationMemoire");
    this.selectionMemoire = `SELECT ${this.tMemoire.selection()} FROM memoire`;
    this.selectionLigne = `SELECT ${this.tLigne.selection()} FROM ligne_prestation WHERE memoire_id = ?`;
    this.selectionPiece = `SELECT ${this.tPiece.selection()} FROM piece_jointe WHERE memoire_id = ?`;
    const objet = (t: Table) => `json_object(${[...t.colonnes].map(([propriete, colonne]) => `'${propriete}', ${colonne}`).join(", ")})`;
    this.selectionCompleteSqlite =
      `SELECT ${this.tMemoire.selection()}, ` +
      `(SELECT json_group_array(${objet(this.tLigne)}) FROM ligne_prestation WHERE memoire_id = memoire.id) AS "${LIGNES_JSON}", ` +
      `(SELECT json_group_array(${objet(this.tPiece)}) FROM piece_jointe WHERE memoire_id = memoire.id) AS "${PIECES_JSON}" FROM memoire`;
  }

  // -------------------------------------------------------------------------------------------------
  // Reading

  private async lire(sql: Sql, colonne: "id" | "numero", valeur: string): Promise<Either.Either<Lu, MemoireIntrouvable | DonneesCorrompues>> {
    const [m] = await sql.lignes<LigneBrute>(`${this.selectionMemoire} WHERE ${colonne} = ?`, [valeur]);
    if (m === undefined) return Either.left(new MemoireIntrouvable({ reference: valeur }));
    const id = String(m["id"]);
    const [lignes = [], pieces = []] = valeurs(await ensemble(sql, [() => sql.lignes<LigneBrute>(this.selectionLigne, [id]), () => sql.lignes<LigneBrute>(this.selectionPiece, [id])]));
    return Either.map(depuisLignes(m, lignes, pieces), (memoire) => ({ memoire, ligne: m, lignes, pieces }));
  }

  /**
   * By id. On SQLite, one statement: the lines and attachments come back as JSON arrays of the same
   * rows (column values keep their SQLite types: text, integer, null), one trip through the driver's
   * thread pool instead of three. On PostgreSQL, three statements.
   */
  private async lireParId(sql: Sql, id: string): Promise<Either.Either<Lu, MemoireIntrouvable | DonneesCorrompues>> {
    if (sql.dialecte === "sqlite") {
      const [brute] = await sql.lignes<LigneBrute>(`${this.selectionCompleteSqlite} WHERE id = ?`, [id]);
      if (brute === undefined) return Either.left(new MemoireIntrouvable({ reference: id }));
      const { [LIGNES_JSON]: lignesJson, [PIECES_JSON]: piecesJson, ...m } = brute;
      const lignes = JSON.parse(String(lignesJson)) as Array<LigneBrute>;
      const pieces = JSON.parse(String(piecesJson)) as Array<LigneBrute>;
      return Either.map(depuisLignes(m, lignes, pieces), (memoire) => ({ memoire, ligne: m, lignes, pieces }));
    }
    const [[m] = [], lignes = [], pieces = []] = valeurs(
      await ensemble(sql, [
        () => sql.lignes<LigneBrute>(`${this.selectionMemoire} WHERE id = ?`, [id]),
        () => sql.lignes<LigneBrute>(this.selectionLigne, [id]),
        () => sql.lignes<LigneBrute>(this.selectionPiece, [id]),
      ]),
    );
    if (m === undefined) return Either.left(new MemoireIntrouvable({ reference: id }));
    return Either.map(depuisLignes(m, lignes, pieces), (memoire) => ({ memoire, ligne: m, lignes, pieces }));
  }

  /** Loads a mémoire by id, validated by core's Schema. */
  async charger(id: string): Promise<Either.Either<Memoire, MemoireIntrouvable | DonneesCorrompues>> {
    return Either.map(await this.lireParId(this.lecture, id), (r) => r.memoire);
  }

  /** Loads a mémoire by its current number (MJ, or TMP while a draft). */
  async chargerParNumero(numero: string): Promise<Either.Either<Memoire, MemoireIntrouvable | DonneesCorrompues>> {
    return Either.map(await this.lire(this.lecture, "numero", numero), (r) => r.memoire);
  }

  /** The audit trail of a mémoire, in order. */
  async historique(memoireId: string): Promise<Either.Either<ReadonlyArray<EvenementMemoire>, DonneesCorrompues>> {
    const lignes = await this.lecture.lignes<LigneBrute>(`SELECT ${this.tEvenement.selection()} FROM evenement_memoire WHERE memoire_id = ? ORDER BY rang`, [memoireId]);
    return Either.map(Either.all(lignes.map(evenementDepuisLigne)), (es) => es.map((e) => e.evenement));
  }

  // -------------------------------------------------------------------------------------------------
  // Writing

  /**
   * Creates mémoires (core's `creerBrouillon`, an import…): `fabrique` receives the reserved numbers
   * and returns the new aggregates with their events; all written in one transaction.
   */
  async creer<R extends ResultatEcriture, E>(besoins: BesoinsNumeros, fabrique: (numerotation: NumerotationReservee) => Either.Either<R, E>): Promise<Either.Either<R, E>> {
    return this.enTransaction(async (tx) => {
      const resultat = fabrique(numerotation(await reserver(tx, besoins)));
      if (Either.isLeft(resultat)) throw new Abandon(resultat.left);
      await this.insererNouveaux(tx, [resultat.right]);
      return resultat.right;
    });
  }

  /**
   * Creates `n` mémoires in one transaction with `n` MJ numbers drawn from the sequence (imports of
   * sent mémoires, flux deposits): `fabrique` receives the numbers and returns the aggregates (or a
   * promise of them: the demo data writes each mémoire's réquisition to the attachment store first).
   */
  async creerLot(
    n: number,
    fabrique: (numerosMj: ReadonlyArray<number>) => ReadonlyArray<ResultatEcriture> | Promise<ReadonlyArray<ResultatEcriture>>,
  ): Promise<ReadonlyArray<ResultatEcriture>> {
    return this.sql.transaction(async (tx) => {
      const resultats = await fabrique(await prochainesValeurs(tx, "memoire_mj", n));
      await this.insererNouveaux(tx, resultats);
      return resultats;
    });
  }

  /**
   * Writes the notices to the prestataire that the events of mémoires already written call for (the
   * demo data: its taxed mémoires come with their e-mails, as if taxed in the back-office). The bulk
   * paths do not write them: an import of past taxations must not e-mail anyone. Returns the rows written.
   */
  async ecrireNotificationsDe(resultats: ReadonlyArray<ResultatEcriture>): Promise<number> {
    return this.sql.transaction(async (tx) => {
      let n = 0;
      for (const r of resultats) n += await ecrireNotifications(tx, this.tNotification, r.memoire, r.evenements.filter((e) => e.memoireId === r.memoire.id), 1);
      return n;
    });
  }

  /**
   * Writes new mémoires in bulk (imports, seed, benchmark): one transaction, multi-row INSERTs, the
   * tableau de bord updated once per (structure, état). Numbers must already be set.
   */
  async enregistrerNouveaux(resultats: ReadonlyArray<ResultatEcriture>): Promise<void> {
    await this.sql.transaction((tx) => this.insererNouveaux(tx, resultats));
  }

  /**
   * Runs a command on a stored mémoire (the one path of every state change): load, rebuild, check
   * `versionAttendue` (the version the user saw travels with the request), run `commande` (core's
   * guards), write the new state, its events and counters. Refusals roll everything back.
   */
  async executer<R extends ResultatEcriture, E>(
    id: string,
    versionAttendue: number,
    commande: CommandeSurMemoire<R, E>,
    besoins: BesoinsNumeros = {},
  ): Promise<Either.Either<R, E | ConflitDeVersion | MemoireIntrouvable | DonneesCorrompues>> {
    try {
      return await this.enTransaction<R, E | ConflitDeVersion | MemoireIntrouvable | DonneesCorrompues>(async (tx) => {
        const lu = await this.lireParId(tx, id);
        if (Either.isLeft(lu)) throw new Abandon(lu.left);
        const { memoire } = lu.right;
        if (memoire.version !== versionAttendue) throw new Abandon(new ConflitDeVersion({ entite: "memoire", id, versionAttendue, versionTrouvee: memoire.version }));
        const resultat = commande(memoire, numerotation(await reserver(tx, besoins)));
        if (Either.isLeft(resultat)) throw new Abandon(resultat.left);
        await this.ecrireChangement(tx, lu.right, resultat.right);
        return resultat.right;
      });
    } catch (e) {
      if (estOccupe(e)) return Either.left(new ConflitDeVersion({ entite: "memoire", id, versionAttendue }));
      throw e;
    }
  }

  private async enTransaction<R, E>(travail: (tx: Sql) => Promise<R>): Promise<Either.Either<R, E>> {
    try {
      return Either.right(await this.sql.transaction(travail));
    } catch (e) {
      if (e instanceof Abandon) return Either.left(e.erreur as E);
      throw e;
    }
  }

  private async insererNouveaux(tx: Sql, resultats: ReadonlyArray<ResultatEcriture>): Promise<void> {
    const memoires: Array<LignesMemoire> = [];
    const evenements: Array<Record<string, unknown>> = [];
    const delta: Delta = new Map();
    for (const r of resultats) {
      const nouveaux = r.duplicata === undefined ? [r.memoire] : [r.memoire, r.duplicata];
      for (const m of nouveaux) {
        const siens = r.evenements.filter((e) => e.memoireId === m.id);
        const lignes = versLignes(m, siens.length);
        memoires.push(lignes);
        siens.forEach((e, i) => evenements.push(evenementVersLigne(e, i + 1)));
        ajouterDelta(delta, lignes.memoire.structureId, lignes.memoire.etat, 1, lignes.memoire.montantTtcCentimes);
      }
    }
    await this.tMemoire.inserer(tx, memoires.map((m) => m.memoire as unknown as Record<string, unknown>));
    await this.tLigne.inserer(tx, memoires.flatMap((m) => m.lignes));
    await this.tPiece.inserer(tx, memoires.flatMap((m) => m.piecesJointes));
    await this.tEvenement.inserer(tx, evenements);
    await this.appliquerDelta(tx, delta);
  }

  /**
   * Writes what a command changed. The new rows are compared with the rows as read (not with a second
   * encoding of the state before): only the mémoire's changed columns are written, and the lines and
   * attachments only when one of their rows changed. On SQLite the statements are sent together; the
   * versioned UPDATE's answer is checked once all have settled, and a conflict (or any error) rolls
   * the whole transaction back.
   */
  private async ecrireChangement(tx: Sql, lu: Lu, r: ResultatEcriture): Promise<void> {
    const { memoire: avant, ligne: stocke } = lu;
    const nombreEvenements = lireEntier(stocke["nombreEvenements"]);
    const siens = r.evenements.filter((e) => e.memoireId === avant.id);
    const nouveau = versLignes(r.memoire, nombreEvenements + siens.length);
    const changes: Array<string> = [];
    const params: Array<ValeurSql> = [];
    for (const [propriete, colonne] of this.tMemoire.colonnes) {
      const n = (nouveau.memoire as unknown as Record<string, unknown>)[propriete];
      if (!egalStocke(stocke[propriete], n)) {
        changes.push(`${colonne} = ?`);
        params.push((n ?? null) as ValeurSql);
      }
    }
    const lignesChangees = !memesLignes(this.tLigne, lu.lignes, nouveau.lignes);
    const piecesChangees = !memesLignes(this.tPiece, lu.pieces, nouveau.piecesJointes);
    const etatAvant = String(stocke["etat"]);
    const centimesAvant = lireEntier(stocke["montantTtcCentimes"]);
    const structureAvant = String(stocke["structureId"]);
    const delta: Delta = new Map();
    if (etatAvant !== nouveau.memoire.etat || centimesAvant !== nouveau.memoire.montantTtcCentimes || structureAvant !== nouveau.memoire.structureId) {
      ajouterDelta(delta, structureAvant, etatAvant, -1, -centimesAvant);
      ajouterDelta(delta, nouveau.memoire.structureId, nouveau.memoire.etat, 1, nouveau.memoire.montantTtcCentimes);
    }
    // In this order (the mémoire's row is locked first, then the counters in key order, as every writer
    // does); the UPDATE's step fails with the conflict when it touched no row.
    valeurs(
      await ensemble(tx, [
        async () => {
          if (changes.length === 0) return;
          const touchees = await tx.lignes(`UPDATE memoire SET ${changes.join(", ")} WHERE id = ? AND version = ? RETURNING id`, [...params, avant.id, avant.version]);
          if (touchees.length !== 1) throw new Abandon(new ConflitDeVersion({ entite: "memoire", id: avant.id, versionAttendue: avant.version }));
        },
        async () => {
          if (lignesChangees) {
            await tx.lignes("DELETE FROM ligne_prestation WHERE memoire_id = ?", [avant.id]);
            await this.tLigne.inserer(tx, nouveau.lignes);
          }
          if (piecesChangees) {
            await tx.lignes("DELETE FROM piece_jointe WHERE memoire_id = ?", [avant.id]);
            await this.tPiece.inserer(tx, nouveau.piecesJointes);
          }
        },
        () => this.tEvenement.inserer(tx, siens.map((e, i) => evenementVersLigne(e, nombreEvenements + i + 1))),
        // The notices the events call for (an ordonnance de taxe that changes the amount), in the same transaction.
        async () => {
          await ecrireNotifications(tx, this.tNotification, r.memoire, siens, nombreEvenements + 1);
        },
        async () => {
          if (r.duplicata !== undefined) await this.insererNouveaux(tx, [{ memoire: r.duplicata, evenements: r.evenements.filter((e) => e.memoireId === r.duplicata?.id) }]);
          await this.appliquerDelta(tx, delta);
        },
      ]),
    );
  }

  /**
   * Adds counts and sums to the tableau de bord, per structure then nationally (one row per état),
   * each in key order: every writer takes the counter rows' locks in the same order, so two writers
   * never deadlock. On SQLite (one writer at a time, no lock order to keep) the statements are sent
   * together; on PostgreSQL one after the other, in that order.
   */
  private async appliquerDelta(tx: Sql, delta: Delta): Promise<void> {
    const instructions: Array<() => Promise<unknown>> = [];
    const lignes = [...delta.values()].filter((d) => d.nombre !== 0 || d.centimes !== 0).sort((a, b) => (a.structureId + a.etat < b.structureId + b.etat ? -1 : 1));
    for (let i = 0; i < lignes.length; i += 500) {
      const lot = lignes.slice(i, i + 500);
      instructions.push(() =>
        tx.lignes(
          `INSERT INTO tableau_de_bord (structure_id, etat, nombre, montant_ttc_centimes) VALUES ${lot.map(() => "(?, ?, ?, ?)").join(", ")}
         ON CONFLICT (structure_id, etat) DO UPDATE SET nombre = tableau_de_bord.nombre + excluded.nombre,
           montant_ttc_centimes = tableau_de_bord.montant_ttc_centimes + excluded.montant_ttc_centimes`,
          lot.flatMap((d) => [d.structureId, d.etat, d.nombre, d.centimes]),
        ),
      );
    }
    const national = new Map<string, { nombre: number; centimes: number }>();
    for (const d of lignes) {
      const n = national.get(d.etat) ?? { nombre: 0, centimes: 0 };
      n.nombre += d.nombre;
      n.centimes += d.centimes;
      national.set(d.etat, n);
    }
    const parEtat = [...national].filter(([, n]) => n.nombre !== 0 || n.centimes !== 0).sort(([a], [b]) => (a < b ? -1 : 1));
    if (parEtat.length > 0) {
      instructions.push(() =>
        tx.lignes(
          `INSERT INTO tableau_de_bord_national (etat, nombre, montant_ttc_centimes) VALUES ${parEtat.map(() => "(?, ?, ?)").join(", ")}
       ON CONFLICT (etat) DO UPDATE SET nombre = tableau_de_bord_national.nombre + excluded.nombre,
         montant_ttc_centimes = tableau_de_bord_national.montant_ttc_centimes + excluded.montant_ttc_centimes`,
          parEtat.flatMap(([etat, n]) => [etat, n.nombre, n.centimes]),
        ),
      );
    }
    valeurs(await ensemble(tx, instructions));
  }
}
