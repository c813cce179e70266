import { Either } from "effect";
import { NumeroInvalide } from "./memoire.errors.js";
import type { NumeroMj, NumeroTmp } from "./memoire.model.js";

/**
 * The source of mémoire numbers, implemented by adapters (a database sequence, a counter in tests) so
 * that numbers are unique and never reused (DOMAIN.md §3 "Numbering"). Core only formats and checks
 * the value it is given; it calls the sequence only once every rule of the command has passed.
 */
export interface Numerotation {
  /** Next value of the draft sequence of a year (1 → `TMP<année>00000001`). */
  readonly prochainNumeroTmp: (annee: number) => number;
  /** Next value of the sent-mémoire sequence (2117 → `MJ0000002117`). */
  readonly prochainNumeroMj: () => number;
}

const CHIFFRES_TMP = 8;
const CHIFFRES_MJ = 10;

const verifier = (genre: "TMP" | "MJ", valeur: number, chiffres: number): Either.Either<string, NumeroInvalide> => {
  if (!Number.isSafeInteger(valeur) || valeur < 1) {
    return Either.left(new NumeroInvalide({ genre, valeur, raison: "un entier strictement positif est attendu" }));
  }
  const texte = String(valeur);
  if (texte.length > chiffres) {
    return Either.left(new NumeroInvalide({ genre, valeur, raison: `la séquence dépasse ${chiffres} chiffres` }));
  }
  return Either.right(texte.padStart(chiffres, "0"));
};

/**
 * Formats a draft number: `TMP` + year (4 digits) + the sequence on 8 digits.
 * @example formaterNumeroTmp(2019, 4) // Right("TMP201900000004"), seed 001
 */
export const formaterNumeroTmp = (annee: number, valeur: number): Either.Either<NumeroTmp, NumeroInvalide> => {
  if (!Number.isInteger(annee) || annee < 1000 || annee > 9999) {
    return Either.left(new NumeroInvalide({ genre: "TMP", valeur, raison: `année ${annee} hors de 1000..9999` }));
  }
  return Either.map(verifier("TMP", valeur, CHIFFRES_TMP), (s) => `TMP${annee}${s}` as NumeroTmp);
};

/**
 * Formats a sent-mémoire number: `MJ` + the sequence on 10 digits.
 * @example formaterNumeroMj(2117) // Right("MJ0000002117"), seed 001
 */
export const formaterNumeroMj = (valeur: number): Either.Either<NumeroMj, NumeroInvalide> =>
  Either.map(verifier("MJ", valeur, CHIFFRES_MJ), (s) => `MJ${s}` as NumeroMj);

/** True for a draft number (`TMP…`), false for a sent one (`MJ…`). */
export const estNumeroProvisoire = (numero: string): numero is NumeroTmp => /^TMP\d{12}$/.test(numero);

/** A numbering for tests and examples: both sequences count from the given values, per year for TMP. */
export const numerotationEnMemoire = (depart: { readonly tmp?: number; readonly mj?: number } = {}): Numerotation => {
  const tmpParAnnee = new Map<number, number>();
  let mj = (depart.mj ?? 1) - 1;
  return {
    prochainNumeroTmp: (annee) => {
      const suivant = (tmpParAnnee.get(annee) ?? (depart.tmp ?? 1) - 1) + 1;
      tmpParAnnee.set(annee, suivant);
      return suivant;
    },
    prochainNumeroMj: () => {
      mj += 1;
      return mj;
    },
  };
};
