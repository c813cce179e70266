import { Option } from "effect";
import { composeIBAN, isValidBIC, validateIBAN, ValidationErrorsIBAN } from "ibantools";

/**
 * Value of a character of a French RIB account number: digits are themselves, letters follow the
 * Banque de France table A/J→1, B/K/S→2, C/L/T→3, D/M/U→4, E/N/V→5, F/O/W→6, G/P/X→7, H/Q/Y→8, I/R/Z→9.
 */
export const valeurCaractereRib = (c: string): Option.Option<number> => {
  if (c.length !== 1) return Option.none();
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return Option.some(code - 48);
  if (c >= "A" && c <= "I") return Option.some(code - 64);
  if (c >= "J" && c <= "R") return Option.some(code - 73);
  if (c >= "S" && c <= "Z") return Option.some(code - 81);
  return Option.none();
};

/** The account number with its letters replaced by their RIB digit (`valeurCaractereRib`); none when a character is not allowed. */
export const compteEnChiffres = (compte: string): Option.Option<string> =>
  Option.map(Option.all(Array.from(compte, valeurCaractereRib)), (ds) => ds.join(""));

/** The parts of a French RIB (relevé d'identité bancaire). */
export interface PartiesRib {
  /** Code banque, 5 digits. */
  readonly banque: string;
  /** Code guichet, 5 digits. */
  readonly guichet: string;
  /** Numéro de compte, 11 digits or capital letters. */
  readonly compte: string;
  /** Clé RIB, 2 digits. */
  readonly cle: string;
}

/** Expected format of each RIB part (seed 002: "code banque : 5 caractères"...). */
export const FORMATS_RIB = {
  banque: /^\d{5}$/,
  guichet: /^\d{5}$/,
  compte: /^[0-9A-Z]{11}$/,
  cle: /^\d{2}$/,
} as const;

/**
 * The clé RIB of a bank, branch and account: 97 − ((89 × banque + 15 × guichet + 3 × compte) mod 97),
 * letters of the account replaced by their digit; always between 01 and 97. None when a part is malformed.
 */
export const calculerCleRib = (banque: string, guichet: string, compte: string): Option.Option<string> => {
  if (!FORMATS_RIB.banque.test(banque) || !FORMATS_RIB.guichet.test(guichet) || !FORMATS_RIB.compte.test(compte)) return Option.none();
  return Option.map(compteEnChiffres(compte), (c) => {
    const reste = (89 * Number(banque) + 15 * Number(guichet) + 3 * Number(c)) % 97;
    return String(97 - reste).padStart(2, "0");
  });
};

/** Why a RIB is refused, field by field (`banque`, `guichet`, `compte`, `cle`); empty when it is valid. */
export const erreursRib = (rib: PartiesRib): ReadonlyArray<{ readonly champ: keyof PartiesRib; readonly raison: string }> => {
  const erreurs: Array<{ champ: keyof PartiesRib; raison: string }> = [];
  if (!FORMATS_RIB.banque.test(rib.banque)) erreurs.push({ champ: "banque", raison: "le code banque comporte 5 chiffres" });
  if (!FORMATS_RIB.guichet.test(rib.guichet)) erreurs.push({ champ: "guichet", raison: "le code guichet comporte 5 chiffres" });
  if (!FORMATS_RIB.compte.test(rib.compte))
    erreurs.push({ champ: "compte", raison: "le numéro de compte comporte 11 chiffres ou lettres majuscules" });
  if (!FORMATS_RIB.cle.test(rib.cle)) erreurs.push({ champ: "cle", raison: "la clé RIB comporte 2 chiffres" });
  if (erreurs.length === 0 && !Option.contains(calculerCleRib(rib.banque, rib.guichet, rib.compte), rib.cle))
    erreurs.push({ champ: "cle", raison: "la clé RIB ne correspond pas à la banque, au guichet et au compte saisis" });
  return erreurs;
};

/** `true` when every part of the RIB is well formed and the key matches. */
export const isRibValide = (rib: PartiesRib): boolean => erreursRib(rib).length === 0;

/** The French IBAN of a valid RIB: `FR` + check digits + banque + guichet + compte + clé (27 characters); none for an invalid RIB. */
export const ribVersIban = (rib: PartiesRib): Option.Option<string> =>
  isRibValide(rib)
    ? Option.fromNullable(composeIBAN({ countryCode: "FR", bban: `${rib.banque}${rib.guichet}${rib.compte}${rib.cle}` }))
    : Option.none();

/** Electronic form of an IBAN as typed: spaces removed, letters upper-cased. */
export const normaliserIban = (saisie: string): string => saisie.replace(/\s+/g, "").toUpperCase();

const RAISONS_IBAN: { readonly [K in ValidationErrorsIBAN]: string } = {
  [ValidationErrorsIBAN.NoIBANProvided]: "l'IBAN est obligatoire",
  [ValidationErrorsIBAN.NoIBANCountry]: "code pays de l'IBAN inconnu (2 lettres ISO 3166, ex. FR)",
  [ValidationErrorsIBAN.WrongBBANLength]: "longueur incorrecte pour ce pays (27 caractères pour la France)",
  [ValidationErrorsIBAN.WrongBBANFormat]: "format du compte (BBAN) incorrect pour ce pays",
  [ValidationErrorsIBAN.ChecksumNotNumber]: "la clé IBAN (caractères 3 et 4) comporte 2 chiffres",
  [ValidationErrorsIBAN.WrongIBANChecksum]: "clé IBAN incorrecte (contrôle modulo 97, ISO 13616)",
  [ValidationErrorsIBAN.WrongAccountBankBranchChecksum]: "clé nationale du compte incorrecte (clé RIB pour la France)",
  [ValidationErrorsIBAN.QRIBANNotAllowed]: "QR-IBAN non accepté",
};

/**
 * Why an IBAN (electronic form) is refused, or `undefined`: ISO 13616 — known country, length and
 * BBAN format of that country, mod 97 = 1 — and the national key where one exists (clé RIB for FR).
 * Validation by `ibantools`.
 */
export const raisonIbanInvalide = (iban: string): string | undefined => {
  if (!/^[A-Z0-9]*$/.test(iban)) return "un IBAN ne comporte que des chiffres et des lettres";
  const resultat = validateIBAN(iban, { allowQRIBAN: true });
  if (resultat.valid) return undefined;
  const premiere = resultat.errorCodes[0];
  return premiere === undefined ? "IBAN invalide" : RAISONS_IBAN[premiere];
};

/** `true` when the IBAN (as typed: spaces and case tolerated) is valid. */
export const isIbanValide = (saisie: string): boolean => raisonIbanInvalide(normaliserIban(saisie)) === undefined;

/** Why a BIC (ISO 9362: 4 letters bank, 2 letters country, 2 location, optional 3 branch) is refused, or `undefined`. */
export const raisonBicInvalide = (bic: string): string | undefined =>
  bic.length !== 8 && bic.length !== 11
    ? "un BIC comporte 8 ou 11 caractères"
    : isValidBIC(bic)
      ? undefined
      : "BIC invalide (4 lettres de banque, 2 lettres de pays, 2 caractères de localisation, 3 facultatifs d'agence)";
