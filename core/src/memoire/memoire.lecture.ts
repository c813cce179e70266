import { Either, Option } from "effect";
import { Temporal } from "temporal-polyfill";
import { autoriser, type Acteur, type EspaceOuvrable } from "../autorisation/index.js";
import { cibleMemoire } from "./memoire.gardes.js";
import type { Memoire } from "./memoire.model.js";
import { statutVisible, type StatutVisible } from "./memoire.statut-visible.js";

/**
 * A mémoire as the views read it: the aggregate itself (its `numeroLot`, the number of the flux
 * deposit it came in, is one of the Rechercher criteria).
 */
export type MemoireVue = Memoire;

/**
 * Who reads, with what the caller loaded for `autoriser`: the actor and, for prestataire-side users,
 * the espaces opened on each structure (by structure id; a structure absent has none open, so its
 * mémoires are not readable — `memoire.consulter` needs « Mémoires de frais de justice » open).
 */
export interface Lecteur {
  readonly acteur: Acteur;
  readonly espacesOuverts?: { readonly [structureId: string]: ReadonlyArray<EspaceOuvrable> };
}

/** A row of a view: the mémoire and the status the prestataire sees. */
export interface LigneVue {
  readonly memoire: MemoireVue;
  readonly statut: StatutVisible;
}

/**
 * Whether the reader may see this mémoire in a view: `memoire.consulter` for a prestataire-side user
 * (a consultation habilitation is enough), `memoire.consulter-juridiction` for a court-side agent
 * within their perimeter. A deleted draft (`SUPPRIME`) is shown to no one; a draft (`BROUILLON`) is
 * the prestataire's own and is never shown to the court side.
 */
export const peutLire = (lecteur: Lecteur, memoire: Memoire): boolean => {
  if (memoire.etat === "SUPPRIME") return false;
  const { acteur } = lecteur;
  if (acteur._tag === "Agent" && memoire.etat === "BROUILLON") return false;
  const action = acteur._tag === "Agent" ? "memoire.consulter-juridiction" : "memoire.consulter";
  const espacesOuverts = lecteur.espacesOuverts?.[memoire.enTete.structureId] ?? [];
  return Either.isRight(autoriser(acteur, action, cibleMemoire(memoire, espacesOuverts)));
};

/** The rows the reader may see, with their visible status, in the order given. */
export const lignesLisibles = (lecteur: Lecteur, memoires: ReadonlyArray<MemoireVue>): ReadonlyArray<LigneVue> =>
  memoires.flatMap((memoire) =>
    peutLire(lecteur, memoire)
      ? Option.match(statutVisible(memoire.etat), { onNone: () => [], onSome: (statut) => [{ memoire, statut }] })
      : [],
  );

/** Time zone of the calendar dates the views compare (dates de dépôt, de l'état courant): metropolitan France. */
export const FUSEAU_HORAIRE = "Europe/Paris";

/** The calendar date (`YYYY-MM-DD`) of an instant in {@link FUSEAU_HORAIRE}: a mémoire sent at 23:30 UTC on 24/07 was deposited on 25/07. */
export const dateCalendaire = (instant: Date): string =>
  Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(FUSEAU_HORAIRE).toPlainDate().toString();

/** Compares by id, for the last tie-break of every sort (so that the order never depends on the input's). */
export const comparerTexte = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
