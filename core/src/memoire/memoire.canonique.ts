import { sha256 } from "@noble/hashes/sha2.js";
import { BigDecimal } from "effect";

/**
 * A JSON value of the canonical form: strings, booleans, `null`, arrays and objects only.
 * Numbers are deliberately absent — every amount, quantity or rate is written as a decimal string
 * with a fixed scale, so that no reader ever has to agree on how a number is printed.
 */
export type ValeurCanonique =
  | string
  | boolean
  | null
  | ReadonlyArray<ValeurCanonique>
  | { readonly [cle: string]: ValeurCanonique };

/**
 * Serialises a value the way RFC 8785 (JSON Canonicalization Scheme) does for the subset above:
 * object members sorted by their keys compared as UTF-16 code units, no whitespace, strings escaped
 * as ECMAScript `JSON.stringify` escapes them, arrays kept in their order.
 */
export const serialiserCanonique = (valeur: ValeurCanonique): string => {
  if (valeur === null) return "null";
  if (typeof valeur === "string") return JSON.stringify(valeur);
  if (typeof valeur === "boolean") return valeur ? "true" : "false";
  if (isTableau(valeur)) return `[${valeur.map(serialiserCanonique).join(",")}]`;
  // Default sort compares UTF-16 code units, which is exactly RFC 8785 §3.2.3.
  const cles = Object.keys(valeur).sort();
  return `{${cles.map((cle) => `${JSON.stringify(cle)}:${serialiserCanonique(valeur[cle] ?? null)}`).join(",")}}`;
};

const isTableau = (valeur: ValeurCanonique): valeur is ReadonlyArray<ValeurCanonique> => Array.isArray(valeur);

const ALPHABET_BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Standard base64 (RFC 4648 §4, alphabet `A–Z a–z 0–9 + /`, `=` padding): 32 bytes give 44 characters. */
export const base64 = (octets: Uint8Array): string => {
  let resultat = "";
  for (let i = 0; i < octets.length; i += 3) {
    const a = octets[i] ?? 0;
    const b = octets[i + 1] ?? 0;
    const c = octets[i + 2] ?? 0;
    const bloc = (a << 16) | (b << 8) | c;
    const restants = octets.length - i;
    resultat += ALPHABET_BASE64.charAt((bloc >> 18) & 63);
    resultat += ALPHABET_BASE64.charAt((bloc >> 12) & 63);
    resultat += restants > 1 ? ALPHABET_BASE64.charAt((bloc >> 6) & 63) : "=";
    resultat += restants > 2 ? ALPHABET_BASE64.charAt(bloc & 63) : "=";
  }
  return resultat;
};

/** SHA-256 (FIPS 180-4) of the UTF-8 bytes of a text, in standard base64 (44 characters). */
export const sha256Base64 = (texte: string): string => base64(sha256(new TextEncoder().encode(texte)));

const ecrireEntierDecimal = (valeur: bigint, echelle: number): string => {
  const negatif = valeur < 0n;
  const chiffres = (negatif ? -valeur : valeur).toString().padStart(echelle + 1, "0");
  const entier = chiffres.slice(0, chiffres.length - echelle);
  const decimales = chiffres.slice(chiffres.length - echelle);
  return `${negatif ? "-" : ""}${entier}${echelle > 0 ? `.${decimales}` : ""}`;
};

/**
 * A decimal in its shortest exact form: "." separator, no exponent, no trailing zero, no "+",
 * "-" only when negative ("1", "5.5", "0.125", "-3.1"). Used for quantités, tarifs and taux.
 */
export const decimalCanonique = (x: BigDecimal.BigDecimal): string => {
  const n = BigDecimal.normalize(x);
  return n.scale <= 0 ? (n.value * 10n ** BigInt(-n.scale)).toString() : ecrireEntierDecimal(n.value, n.scale);
};

/**
 * An amount with exactly 2 decimals ("605.28", "0.00"). An amount with more decimals is a bug
 * upstream (every amount of a mémoire is exact to the cent): it is refused, never rounded, so that
 * two different mémoires can never share a serialisation.
 */
export const montantCanonique = (x: BigDecimal.BigDecimal): string => {
  const n = BigDecimal.normalize(x);
  if (n.scale > 2) throw new Error(`montant non exact au centime : ${decimalCanonique(x)}`);
  return ecrireEntierDecimal(n.value * 10n ** BigInt(2 - n.scale), 2);
};
