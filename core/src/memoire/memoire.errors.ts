import { Data } from "effect";
import type { EtatMemoire } from "./memoire.model.js";

/**
 * Names of the rules a command is checked against, in the order they are checked. Each one names a
 * legal or business condition; a refused command says which one failed (never a silent no-op).
 * - `etatIncompatible`: the command does not exist in the current state (e.g. editing a sent mémoire);
 * - `acteurNonAutorise`: role, habilitation or perimeter refused by `autoriser` (autorisation module);
 * - `auMoinsUneLigne`, `champsObligatoiresManquants`, `attestationSurLHonneurAbsente`,
 *   `prerequisManquants`, `delaiForclos` (CPP art. 800): the send rules;
 * - `certificationNonPermise` (CPP R224-1, A43-16): only tariffed costs or a total under the threshold;
 * - `motifAbsent`: a refusal needs a motif (and a commentaire for `AUTRE`);
 * - `notificationTaxeSansObjet`: only an ordonnance de taxe that differs from the request is notified
 *   (CPP R228), and its notification is recorded once;
 * - `notificationTaxeInvalide`: the day it was notified lies between the taxation and today;
 * - `delaiDeRecoursEnCours` (CPP R228-1): an ordonnance de taxe that differs from the request is not
 *   executed before its notification and the end of the ten days of appeal that follow it;
 * - `recoursTaxeSansObjet`: an appeal is recorded against an ordonnance de taxe, once;
 * - `recoursTaxeInvalide` (CPP R228-1): the day it was filed lies between the ordonnance and today and,
 *   for the prestataire's, within the delay; the prestataire appeals an ordonnance that differs from its request;
 * - `decisionRecoursSansObjet`: a decision is recorded on an appeal recorded and not yet decided;
 * - `decisionRecoursInvalide`: the day of the decision lies between the appeal and today;
 * - `recoursEnInstance` (CPP R228-1): an appeal filed within the delay suspends execution until the
 *   chambre de l'instruction decides.
 */
export const NOMS_GARDES = [
  "etatIncompatible",
  "acteurNonAutorise",
  "auMoinsUneLigne",
  "champsObligatoiresManquants",
  "attestationSurLHonneurAbsente",
  "prerequisManquants",
  "delaiForclos",
  "certificationNonPermise",
  "motifAbsent",
  "notificationTaxeSansObjet",
  "notificationTaxeInvalide",
  "delaiDeRecoursEnCours",
  "recoursTaxeSansObjet",
  "recoursTaxeInvalide",
  "decisionRecoursSansObjet",
  "decisionRecoursInvalide",
  "recoursEnInstance",
] as const;
export type NomGarde = (typeof NOMS_GARDES)[number];

/**
 * A command refused by the lifecycle: which event, in which state, which rule (`garde`) failed and why.
 * The mémoire is unchanged. Adapters map it to a 409 (or 403 for `acteurNonAutorise`).
 */
export class TransitionRefusee extends Data.TaggedError("TransitionRefusee")<{
  /** The command / event refused, e.g. `memoire.valider-et-envoyer`. */
  readonly evenement: string;
  /** The state of the mémoire when it was refused. */
  readonly etat: EtatMemoire;
  /** The rule that failed. */
  readonly garde: NomGarde;
  /** Plain-words explanation (the missing fields, the deadline passed, the actor's refusal...). */
  readonly detail: string;
}> {
  override get message(): string {
    return `« ${this.evenement} » refusé dans l'état ${this.etat} (${this.garde}) : ${this.detail}`;
  }
}

/**
 * The number sequence gave a value the format cannot hold (TMP: 8 digits, MJ: 10 digits) or not a
 * positive integer: the adapter's sequence is exhausted or broken. The mémoire is unchanged.
 */
export class NumeroInvalide extends Data.TaggedError("NumeroInvalide")<{
  readonly genre: "TMP" | "MJ";
  readonly valeur: number;
  readonly raison: string;
}> {
  override get message(): string {
    return `numéro ${this.genre} impossible à former avec ${this.valeur} : ${this.raison}`;
  }
}
