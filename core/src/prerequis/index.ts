/**
 * Prérequis before the first mémoire (seed 002, "Vérifier les prérequis"): valid bank details, a
 * signed mandat de facturation, and for a personne physique a conforming identifier and the régime.
 * Shown to the user and checked by the mémoire send guard.
 * @module
 */

/** What can be missing, as tagged data with a French libellé, and the guard's refusal. */
export { PrerequisManquant, PrerequisNonRemplis } from "./prerequis.model.js";

/** The pure check listing every unmet prerequisite, and its guard form. */
export { prerequisManquants, verifierPrerequis } from "./prerequis.regles.js";
