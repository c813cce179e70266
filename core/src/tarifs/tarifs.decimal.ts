import { BigDecimal } from "effect";

/**
 * Private decimal helpers of the tariff module. They follow the house rounding rule (half away from
 * zero, 2 decimals) and will be replaced by the shared amount engine once it is available.
 */

/** Rounds a euro amount to the cent, half away from zero. */
export const arrondirAuCentime = (montant: BigDecimal.BigDecimal): BigDecimal.BigDecimal =>
  BigDecimal.round(montant, { scale: 2, mode: "half-from-zero" });

/** Builds a decimal from a literal written in the source (a programming error if malformed). */
export const decimal = (texte: string): BigDecimal.BigDecimal => BigDecimal.unsafeFromString(texte);

/** `x × taux / 100`, exact (a percentage has finitely many decimals, so no division is needed). */
export const appliquerPourcentage = (base: BigDecimal.BigDecimal, taux: BigDecimal.BigDecimal): BigDecimal.BigDecimal =>
  BigDecimal.multiply(base, BigDecimal.make(taux.value, taux.scale + 2));

/** Renders an amount with exactly two decimals (`30.00`, `-0.50`), after rounding to the cent. */
export const formaterMontant2 = (montant: BigDecimal.BigDecimal): string => {
  const centimes = BigDecimal.scale(arrondirAuCentime(montant), 2).value;
  const negatif = centimes < 0n;
  const absolu = (negatif ? -centimes : centimes).toString().padStart(3, "0");
  return `${negatif ? "-" : ""}${absolu.slice(0, -2)}.${absolu.slice(-2)}`;
};

/** Renders a rate or a count without useless zeros (`40`, `5.5`). */
export const formaterTaux = (taux: BigDecimal.BigDecimal): string => BigDecimal.format(BigDecimal.normalize(taux));
