/**
 * @frais-justice/core — the pure domain of mémoires de frais de justice.
 *
 * Each module is also importable on its own (`@frais-justice/core/montants`, ...); this entry point
 * re-exports them as namespaces so that names of different aggregates never collide.
 */
export * from "./shared/index.js";
/** Exact amounts of a mémoire: lines, VAT summary per rate, totals (DOMAIN.md §3). */
export * as Montants from "./montants/index.js";
/** Dated tariff tables, public holidays, catalogue of types de prestation, certification threshold. */
export * as Tarifs from "./tarifs/index.js";
