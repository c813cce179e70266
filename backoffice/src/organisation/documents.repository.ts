import { depuisParseError } from "@frais-justice/core";
import { Data, Either, Schema, type ParseResult } from "effect";
import type { Orm } from "../base/orm.js";
import { sqlDe, type Sql, type ValeurSql } from "../base/sql.js";
import { table, type Table } from "../base/tables.js";
import { ConflitDeVersion, DonneesCorrompues } from "../memoire/memoire.errors.js";
import { decodeurStocke } from "../base/decodage.js";

/** No row has this id. */
export class DocumentIntrouvable extends Data.TaggedError("DocumentIntrouvable")<{ readonly entite: string; readonly id: string }> {
  override get message(): string {
    return `${this.entite} ${this.id} introuvable`;
  }
}

/** A loaded aggregate and the version to send back with the next write. */
export interface Versionne<A> {
  readonly valeur: A;
  readonly version: number;
}

/**
 * The generic repository of the organisation aggregates: one row per aggregate, the query columns
 * computed by `cles`, the aggregate encoded by its Schema in `donnees`. Writes are versioned
 * (`UPDATE … WHERE id = ? AND version = ?` → `ConflitDeVersion`), reads are decoded by the Schema
 * (→ `DonneesCorrompues`). `apresEcriture` maintains projections (services of a structure).
 */
export class DepotDocuments<A, I> {
  private readonly t: Table;
  private readonly sql: Sql;
  private readonly encoder: (a: A) => I;
  private readonly decoder: (u: unknown) => Either.Either<A, ParseResult.ParseError>;

  constructor(
    orm: Orm,
    readonly entite: string,
    private readonly schema: Schema.Schema<A, I>,
    private readonly idDe: (a: A) => string,
    private readonly cles: (a: A) => Readonly<Record<string, ValeurSql>>,
    private readonly apresEcriture?: (tx: Sql, a: A) => Promise<void>,
  ) {
    this.t = table(orm, entite);
    this.sql = sqlDe(orm);
    this.encoder = Schema.encodeSync(schema);
    this.decoder = decodeurStocke(schema, { onExcessProperty: "error" });
  }

  private ligne(a: A, version: number): Record<string, ValeurSql> {
    return { id: this.idDe(a), ...this.cles(a), version, donnees: JSON.stringify(this.encoder(a)) };
  }

  private lire(r: Readonly<Record<string, unknown>>): Either.Either<Versionne<A>, DonneesCorrompues> {
    const id = String(r["id"]);
    let brut: unknown;
    try {
      brut = typeof r["donnees"] === "string" ? JSON.parse(r["donnees"]) : r["donnees"];
    } catch {
      return Either.left(new DonneesCorrompues({ table: this.t.nom, id, erreurs: [{ chemin: "donnees", raison: "JSON illisible" }] }));
    }
    return Either.mapBoth(this.decoder(brut), {
      onLeft: (e) => new DonneesCorrompues({ table: this.t.nom, id, erreurs: depuisParseError(e).erreurs }),
      onRight: (valeur) => ({ valeur, version: Number(r["version"]) }),
    });
  }

  /** Creates (`versionAttendue` absent) or updates an aggregate in one transaction; returns the new version. */
  async enregistrer(a: A, versionAttendue?: number, sql: Sql = this.sql): Promise<Either.Either<number, ConflitDeVersion>> {
    const id = this.idDe(a);
    try {
      return await sql.transaction(async (tx) => {
        if (versionAttendue === undefined) {
          await this.t.inserer(tx, [this.ligne(a, 1)]);
          if (this.apresEcriture !== undefined) await this.apresEcriture(tx, a);
          return Either.right(1);
        }
        const l = this.ligne(a, versionAttendue + 1);
        const colonnes = Object.keys(l).filter((k) => k !== "id");
        const touchees = await tx.lignes(
          `UPDATE ${this.t.nom} SET ${colonnes.map((c) => `${this.t.colonne(c)} = ?`).join(", ")} WHERE id = ? AND version = ? RETURNING id`,
          [...colonnes.map((c) => l[c] ?? null), id, versionAttendue],
        );
        if (touchees.length !== 1) throw new ConflitDeVersion({ entite: this.t.nom, id, versionAttendue });
        if (this.apresEcriture !== undefined) await this.apresEcriture(tx, a);
        return Either.right(versionAttendue + 1);
      });
    } catch (e) {
      if (e instanceof ConflitDeVersion) return Either.left(e);
      throw e;
    }
  }

  /** Writes many new aggregates in one transaction (seed, imports). */
  async enregistrerNouveaux(as: ReadonlyArray<A>): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await this.t.inserer(tx, as.map((a) => this.ligne(a, 1)));
      if (this.apresEcriture !== undefined) for (const a of as) await this.apresEcriture(tx, a);
    });
  }

  /** Loads one aggregate and its version. */
  async charger(id: string): Promise<Either.Either<Versionne<A>, DocumentIntrouvable | DonneesCorrompues>> {
    const [r] = await this.sql.lignes(`SELECT ${this.t.selection()} FROM ${this.t.nom} WHERE id = ?`, [id]);
    if (r === undefined) return Either.left(new DocumentIntrouvable({ entite: this.t.nom, id }));
    return this.lire(r);
  }

  /** The aggregates whose query column `propriete` equals `valeur`, by id. */
  async lister(propriete: string, valeur: ValeurSql): Promise<Either.Either<ReadonlyArray<Versionne<A>>, DonneesCorrompues>> {
    const lignes = await this.sql.lignes(`SELECT ${this.t.selection()} FROM ${this.t.nom} WHERE ${this.t.colonne(propriete)} = ? ORDER BY id`, [valeur]);
    return Either.all(lignes.map((r) => this.lire(r)));
  }

  /** Deletes an aggregate (a refused request, a revoked habilitation); true when it existed. */
  async supprimer(id: string): Promise<boolean> {
    return (await this.sql.lignes(`DELETE FROM ${this.t.nom} WHERE id = ? RETURNING id`, [id])).length === 1;
  }
}
