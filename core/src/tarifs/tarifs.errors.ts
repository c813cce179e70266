import { Data } from "effect";
import { type Temporal } from "temporal-polyfill";

/**
 * No usable tariff for this prestation at this date: the date precedes every known version, or the
 * version in force has figures this project has not yet taken from the official text. Never guessed.
 */
export class TarifInconnu extends Data.TaggedError("TarifInconnu")<{
  /** Code of the type de prestation (`TRADUCTION_ORALE`, `TRADUCTION_ECRITE`...). */
  readonly typePrestation: string;
  /** Date of the prestation that selected the version (for an oral translation, its start date). */
  readonly date: Temporal.PlainDate;
  /** Why no amount can be computed, in plain words. */
  readonly raison: string;
}> {
  override get message(): string {
    return `Tarif inconnu pour ${this.typePrestation} au ${this.date.toString()} : ${this.raison}`;
  }
}
