/**
 * @frais-justice/core — the pure domain of mémoires de frais de justice.
 *
 * Each module is also importable on its own (`@frais-justice/core/montants`, ...); this entry point
 * re-exports them as namespaces so that names of different aggregates never collide.
 */
export * from "./shared/index.js";
