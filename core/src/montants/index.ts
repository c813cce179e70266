/**
 * Exact amounts of a mémoire de frais de justice: lines, récapitulatif TVA per rate, totals.
 * Rules: DOMAIN.md §3 "Amounts" (national invoice model, EN 16931 VAT breakdown per rate); see docs/montants.md.
 *
 * @module
 */

/**
 * Reads a decimal written with "." ("150.00") exactly, with at most `maxDecimales` significant
 * decimals and an optional sign constraint; `Left` carries the reason in French.
 * DOMAIN.md §3: quantité ≤ 3 decimals and > 0, tarif HT ≤ 4 and ≥ 0, money ≤ 2 and ≥ 0.
 * @example parseDecimal("150.00", { maxDecimales: 2, min: "positifOuNul" }) // Either.right(150.00)
 */
export { parseDecimal } from "./montants.decimal.js";

/** Constraints of {@link parseDecimal}: greatest number of decimals and sign. */
export type { ContraintesDecimal } from "./montants.decimal.js";

/**
 * Writes an amount with exactly 2 decimals ("158.25", "0.00", "-3.10"): "." separator, no thousands
 * separator, "-" only when negative; a value with more decimals is rounded half away from zero first.
 */
export { formaterMontant } from "./montants.decimal.js";

/** Writes a VAT rate without trailing zeros and never in exponent notation: "5.5", "20", "0", "1.05". */
export { formaterTaux } from "./montants.decimal.js";

/**
 * Rounds to 2 decimals half away from zero — the only rounding of the engine (DOMAIN.md §3);
 * same result as `BigDecimal.round(x, { scale: 2, mode: "half-from-zero" })`. 0.005 → 0.01, 2.675 → 2.68.
 */
export { arrondirMontant } from "./montants.decimal.js";

/**
 * Effect Schemas of the inputs, `string | number` → `BigDecimal` (decimal strings with ".", or JSON
 * numbers read through `String(n)`), with French refusal reasons:
 * - `Montant`: money (frais divers, débours, remise, remise globale TTC), ≥ 0, ≤ 2 decimals, scale 2;
 * - `Quantite`: > 0, ≤ 3 decimals, scale 3;
 * - `TarifHt`: ≥ 0, ≤ 4 decimals, scale 4 (tariffs are set HT, CPP R91);
 * - `TauxTva`: one of {@link TAUX_TVA_AUTORISES}, scale 2;
 * - `TypeTva`: `TVA_SUR_DEBIT` | `TVA_SUR_ENCAISSEMENT` | `EXONERATION` | `SANS_TVA`;
 * - `LigneMontantsEntree`: the amount fields of a line (frais divers, débours, remise default to 0.00);
 * - `MemoireMontantsEntree`: `typeTva`, `remiseGlobaleTtc` (default 0.00), `lignes` (at least one).
 * Decode with `{ errors: "all", onExcessProperty: "error" }` to refuse unknown fields and list every error.
 * Field-level rules only: the cross-field ones are checked by {@link calculerMontantsEntree}.
 */
export {
  LigneMontantsEntree,
  MemoireMontantsEntree,
  Montant,
  Quantite,
  TarifHt,
  TauxTva,
  TypeTva,
} from "./montants.model.js";

/** Allowed VAT rates in percent, ascending: 0, 0.9, 1.05, 1.75, 2.1, 5.5, 8.5, 10, 13, 20 (DOMAIN.md §3; CGI art. 278 ff., 296, 297). */
export { TAUX_TVA_AUTORISES } from "./montants.model.js";

/** The four VAT regimes, in the order of the national portal. */
export { TYPES_TVA } from "./montants.model.js";

/** True for `EXONERATION` and `SANS_TVA`, under which every rate must be 0 (DOMAIN.md §3). */
export { estSansTaxe } from "./montants.model.js";

/**
 * Computed amounts: per line (`LigneMontants`), per rate (`LigneRecapitulatifTva`, EN 16931 VAT
 * breakdown), totals (`TotauxMontants`, as on the certificat de dépôt), and their JSON form.
 */
export type { LigneMontants, LigneRecapitulatifTva, Montants, MontantsJson, TotauxMontants } from "./montants.model.js";

/**
 * Decodes, validates and computes the amounts of a mémoire given as raw JSON; `Left` is a
 * `SaisieInvalide` listing every offending field (`lignes[2].tauxTva`, `remiseGlobaleTtc`, `typeTva`).
 * Rules: DOMAIN.md §3 "Amounts".
 * @example calculerMontants({ typeTva: "TVA_SUR_DEBIT", lignes: [{ quantite: "1", tarifHt: "150.00", tauxTva: "5.5" }] })
 * // Right: HT 150.00, TVA 8.25, TTC 158.25
 */
export { calculerMontants } from "./montants.calcul.js";

/**
 * Computes the amounts of an already decoded mémoire (the mémoire aggregate holds decoded lines).
 * Integer arithmetic only — the hot path measured by `npm run bench`. Still refuses a remise above its
 * line, a non-zero rate under `EXONERATION`/`SANS_TVA`, a remise globale above the TTC, and any
 * hand-built value that the schemas would have refused.
 */
export { calculerMontantsEntree } from "./montants.calcul.js";

/** Throwing twin of {@link calculerMontants} (throws the `SaisieInvalide`), for scripts and tests. */
export { unsafeCalculerMontants } from "./montants.calcul.js";

/** {@link Montants} as printed by the CLI: amounts as strings with 2 decimals, rates without trailing zeros. */
export { montantsEnJson } from "./montants.calcul.js";
