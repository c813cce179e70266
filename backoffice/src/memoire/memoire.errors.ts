import { Data } from "effect";
import type { ErreurDeChamp } from "@frais-justice/core";

/**
 * The aggregate (a mémoire, a structure…) changed since the caller read it: the version it expected is not the stored one (or a
 * concurrent writer committed first). Nothing was written; reload and decide again. Maps to a 409.
 */
export class ConflitDeVersion extends Data.TaggedError("ConflitDeVersion")<{
  /** The table of the aggregate (`memoire`, `structure`, `mandat`…). */
  readonly entite: string;
  readonly id: string;
  /** The version the caller based its command on. */
  readonly versionAttendue: number;
  /** The version found in the database, when known (absent when a concurrent writer won the race). */
  readonly versionTrouvee?: number;
}> {
  override get message(): string {
    return `${this.entite} ${this.id} a changé (version attendue ${this.versionAttendue}${this.versionTrouvee === undefined ? ", modifié entre-temps" : `, trouvée ${this.versionTrouvee}`}) : rechargez-le`;
  }
}

/** No mémoire has this id or number. Maps to a 404. */
export class MemoireIntrouvable extends Data.TaggedError("MemoireIntrouvable")<{ readonly reference: string }> {
  override get message(): string {
    return `aucun mémoire ${this.reference}`;
  }
}

/**
 * A stored row does not decode into a valid aggregate (hand-edited database, bug in a migration…):
 * it is reported, never silently loaded. Names the table, the row and every offending field.
 */
export class DonneesCorrompues extends Data.TaggedError("DonneesCorrompues")<{
  readonly table: string;
  readonly id: string;
  readonly erreurs: ReadonlyArray<ErreurDeChamp>;
}> {
  override get message(): string {
    return `données corrompues dans ${this.table} (${this.id}) : ${this.erreurs.map((e) => `${e.chemin === "" ? "(racine)" : e.chemin}: ${e.raison}`).join("; ")}`;
  }
}
