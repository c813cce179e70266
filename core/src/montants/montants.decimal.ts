import { BigDecimal, Either } from "effect";

/**
 * Exact decimal helpers. Amounts travel as Effect `BigDecimal`; inside the engine they are handled
 * as integers at a fixed scale (cents for money, thousandths for quantities...), which is exact and
 * avoids re-normalising a `BigDecimal` at every step.
 */

/** Constraints on a decimal read from the input. */
export interface ContraintesDecimal {
  /** Greatest number of significant decimals (trailing zeros do not count: "150.000" has 0). */
  readonly maxDecimales: number;
  /** Sign constraint; absent: any sign. */
  readonly min?: "positif" | "positifOuNul";
}

// Powers of ten as bigint, precomputed: the hot path must not build them again.
const PUISSANCES_DE_DIX: ReadonlyArray<bigint> = Array.from({ length: 64 }, (_, i) => 10n ** BigInt(i));

/** 10^n as a bigint. */
export const puissanceDeDix = (n: number): bigint => PUISSANCES_DE_DIX[n] ?? 10n ** BigInt(n);

/**
 * The integer `x × 10^echelle` when it is exact, `undefined` when `x` has more decimals than `echelle`.
 * No normalisation: a value already at the right scale is returned as is.
 */
export const versEchelle = (x: BigDecimal.BigDecimal, echelle: number): bigint | undefined => {
  const ecart = echelle - x.scale;
  if (ecart === 0) return x.value;
  if (ecart > 0) return x.value * puissanceDeDix(ecart);
  const diviseur = puissanceDeDix(-ecart);
  return x.value % diviseur === 0n ? x.value / diviseur : undefined;
};

/**
 * `n / diviseur` rounded half away from zero (`diviseur` a positive power of ten ≥ 10).
 * Same result as `BigDecimal.round(…, { mode: "half-from-zero" })`, on integers.
 */
export const diviserArrondi = (n: bigint, diviseur: bigint): bigint => {
  const moitie = diviseur / 2n;
  return n >= 0n ? (n + moitie) / diviseur : -((moitie - n) / diviseur);
};

/**
 * Rounds to 2 decimals, half away from zero (DOMAIN.md §3 "Amounts": `round`).
 * Equivalent to `BigDecimal.round(x, { scale: 2, mode: "half-from-zero" })`; the result has scale 2.
 */
export const arrondirMontant = (x: BigDecimal.BigDecimal): BigDecimal.BigDecimal =>
  x.scale <= 2
    ? BigDecimal.make(x.value * puissanceDeDix(2 - x.scale), 2)
    : BigDecimal.make(diviserArrondi(x.value, puissanceDeDix(x.scale - 2)), 2);

/** Plain decimal writing of an integer at a scale ≥ 0, with exactly `echelle` decimals. */
const ecrire = (valeur: bigint, echelle: number): string => {
  const negatif = valeur < 0n;
  const chiffres = (negatif ? -valeur : valeur).toString();
  if (echelle === 0) return negatif ? `-${chiffres}` : chiffres;
  const complet = chiffres.padStart(echelle + 1, "0");
  const texte = `${complet.slice(0, complet.length - echelle)}.${complet.slice(complet.length - echelle)}`;
  return negatif ? `-${texte}` : texte;
};

/**
 * Writes an amount with exactly 2 decimals, "." as separator, no thousands separator, a "-" only when
 * negative ("-0.00" never appears). A value with more decimals is first rounded half away from zero.
 */
export const formaterMontant = (x: BigDecimal.BigDecimal): string => ecrire(arrondirMontant(x).value, 2);

/** Writes a decimal without trailing zeros and never in exponent notation: "5.5", "20", "0", "1.05". */
export const formaterDecimal = (x: BigDecimal.BigDecimal): string => {
  const n = BigDecimal.normalize(x);
  return n.scale >= 0 ? ecrire(n.value, n.scale) : ecrire(n.value * puissanceDeDix(-n.scale), 0);
};

/** Writes a VAT rate without trailing zeros: "5.5", "20", "0". */
export const formaterTaux = (x: BigDecimal.BigDecimal): string => formaterDecimal(x);

// Longest text accepted for one number: protects the engine from megabyte-long digit strings.
const LONGUEUR_MAX = 40;
const DECIMAL = /^-?(\d+)(?:\.(\d+))?$/;

const signe = (valeur: bigint, texte: string, contraintes: ContraintesDecimal): Either.Either<BigDecimal.BigDecimal, string> => {
  if (contraintes.min === "positif" && valeur <= 0n) return Either.left(`« ${texte} » : doit être strictement positif`);
  if (contraintes.min === "positifOuNul" && valeur < 0n) return Either.left(`« ${texte} » : doit être positif ou nul`);
  return Either.right(BigDecimal.make(valeur, contraintes.maxDecimales));
};

// Plain scan of the common case (an optional "-", digits, optionally "." and digits) when the digits fit
// in a double exactly; `undefined` sends everything else to the reference reading.
const lectureRapide = (texte: string, contraintes: ContraintesDecimal): Either.Either<BigDecimal.BigDecimal, string> | undefined => {
  const n = texte.length;
  if (n > LONGUEUR_MAX) return undefined;
  const debut = n > 0 && texte.charCodeAt(0) === 45 ? 1 : 0;
  let i = debut;
  let valeur = 0;
  while (i < n) {
    const c = texte.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    valeur = valeur * 10 + c;
    i++;
  }
  const chiffresEntiers = i - debut;
  if (chiffresEntiers === 0) return undefined;
  let significatives = 0;
  if (i < n) {
    if (texte.charCodeAt(i) !== 46 || i + 1 === n) return undefined;
    i++;
    let zeros = 0;
    for (; i < n; i++) {
      const c = texte.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return undefined;
      if (c === 0) zeros++;
      else {
        significatives += zeros + 1;
        if (significatives > contraintes.maxDecimales || chiffresEntiers + significatives > 15) return undefined;
        valeur = valeur * 10 ** (zeros + 1) + c;
        zeros = 0;
      }
    }
  }
  if (chiffresEntiers + contraintes.maxDecimales > 15) return undefined;
  const entier = BigInt(valeur * 10 ** (contraintes.maxDecimales - significatives));
  return signe(debut === 1 ? -entier : entier, texte, contraintes);
};

/**
 * Reads a decimal written with "." as separator ("150.00", "5.5", "1"), exactly; returns the value at
 * scale `maxDecimales`, or the reason (in French) it is refused: wrong separator, exponent notation,
 * too many decimals, wrong sign. DOMAIN.md §3: quantité ≤ 3 decimals, tarif ≤ 4, money ≤ 2.
 *
 * @example parseDecimal("150.00", { maxDecimales: 2, min: "positifOuNul" }) // Right(150.00)
 * @example parseDecimal("150,00", { maxDecimales: 2 }) // Left("séparateur décimal « , » …")
 */
export const parseDecimal = (
  texte: string,
  contraintes: ContraintesDecimal,
): Either.Either<BigDecimal.BigDecimal, string> => lectureRapide(texte, contraintes) ?? parseDecimalDetaille(texte, contraintes);

/** The reference reading, regular-expression based, which also words the refusals. */
export const parseDecimalDetaille = (
  texte: string,
  contraintes: ContraintesDecimal,
): Either.Either<BigDecimal.BigDecimal, string> => {
  if (texte.length > LONGUEUR_MAX) return Either.left(`nombre trop long (${texte.length} caractères, au plus ${LONGUEUR_MAX})`);
  const m = DECIMAL.exec(texte);
  if (m === null) {
    if (texte.trim() !== texte) return Either.left(`« ${texte} » : espaces non acceptés autour du nombre`);
    if (texte.includes(",")) return Either.left(`« ${texte} » : séparateur décimal « , » non accepté, écrire « . » (ex. 150.00)`);
    if (/^[-+]?[\d.]+[eE][-+]?\d+$/.test(texte)) return Either.left(`« ${texte} » : notation exponentielle non acceptée, écrire le nombre en entier (ex. 1500.00)`);
    return Either.left(`« ${texte} » n'est pas un nombre décimal (attendu : chiffres, « . » comme séparateur, ex. 150.00)`);
  }
  const fraction = (m[2] ?? "").replace(/0+$/, "");
  if (fraction.length > contraintes.maxDecimales) {
    return Either.left(`« ${texte} » : au plus ${contraintes.maxDecimales} décimale${contraintes.maxDecimales > 1 ? "s" : ""}`);
  }
  const entier = m[1] ?? "0";
  const chiffres = BigInt(entier + fraction.padEnd(contraintes.maxDecimales, "0"));
  return signe(texte.startsWith("-") ? -chiffres : chiffres, texte, contraintes);
};

/**
 * Reads a JSON number through its shortest writing `String(n)`: 150 → "150", 0.1 → "0.1". NaN,
 * infinities and values JavaScript writes in exponent notation (1e21, 1e-7) are refused: they cannot
 * be read back as the decimal the user meant.
 */
export const parseNombre = (
  n: number,
  contraintes: ContraintesDecimal,
): Either.Either<BigDecimal.BigDecimal, string> => {
  if (!Number.isFinite(n)) return Either.left(`${String(n)} n'est pas un nombre fini`);
  const texte = String(n);
  if (/[eE]/.test(texte)) {
    return Either.left(`${texte} : nombre trop grand ou trop petit pour être lu exactement, l'écrire en chaîne décimale (ex. "1500.00")`);
  }
  return parseDecimal(texte, contraintes);
};
