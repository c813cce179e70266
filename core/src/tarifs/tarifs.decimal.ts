import { BigDecimal } from "effect";
import { arrondirMontant, formaterMontant, formaterTaux } from "../montants/index.js";

/**
 * Decimal helpers of the tariff module. Rounding and formatting are the shared amount engine's
 * (half away from zero, 2 decimals), so a tariff and a mémoire line round the same way.
 */

/** Rounds a euro amount to the cent, half away from zero. */
export const arrondirAuCentime = arrondirMontant;

/** Renders an amount with exactly two decimals (`30.00`). */
export const formaterMontant2 = formaterMontant;

/** Renders a rate without useless zeros (`40`, `5.5`). */
export { formaterTaux };

/** Builds a decimal from a literal written in the source (a programming error if malformed). */
export const decimal = (texte: string): BigDecimal.BigDecimal => BigDecimal.unsafeFromString(texte);

/** `x × taux / 100`, exact (a percentage has finitely many decimals, so no division is needed). */
export const appliquerPourcentage = (base: BigDecimal.BigDecimal, taux: BigDecimal.BigDecimal): BigDecimal.BigDecimal =>
  BigDecimal.multiply(base, BigDecimal.make(taux.value, taux.scale + 2));
