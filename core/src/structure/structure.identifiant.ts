import { Either } from "effect";

/**
 * Types of structure identifier (Chorus Pro "type d'identifiant structure", seeds 002 and 004).
 * SIRET for French companies and establishments, PARTICULIER for a natural person without SIRET,
 * UE_HORS_FRANCE (intra-EU VAT number), HORS_UE, RIDET (Nouvelle-Calédonie), TAHITI (Polynésie
 * française), AUTRE.
 */
export const TYPES_IDENTIFIANT_STRUCTURE = [
  "SIRET",
  "PARTICULIER",
  "UE_HORS_FRANCE",
  "HORS_UE",
  "RIDET",
  "TAHITI",
  "AUTRE",
] as const;
/** One of {@link TYPES_IDENTIFIANT_STRUCTURE}. */
export type TypeIdentifiantStructure = (typeof TYPES_IDENTIFIANT_STRUCTURE)[number];

const SIREN_LA_POSTE = "356000000";

const chiffres = (valeur: string): ReadonlyArray<number> => Array.from(valeur, (c) => c.charCodeAt(0) - 48);

/** Luhn checksum (ISO/IEC 7812-1): doubling every second digit from the right; valid when the sum is a multiple of 10. */
export const isLuhnValide = (valeur: string): boolean => {
  if (!/^\d+$/.test(valeur)) return false;
  const ds = chiffres(valeur);
  let somme = 0;
  for (let i = 0; i < ds.length; i += 1) {
    const d = ds[ds.length - 1 - i] ?? 0;
    const v = i % 2 === 1 ? d * 2 : d;
    somme += v > 9 ? v - 9 : v;
  }
  return somme % 10 === 0;
};

/** Why a SIRET is refused, or `undefined` when valid. */
export const raisonSiretInvalide = (siret: string): string | undefined => {
  if (!/^\d{14}$/.test(siret)) return "un SIRET comporte exactement 14 chiffres";
  if (isLuhnValide(siret)) return undefined;
  if (siret.startsWith(SIREN_LA_POSTE)) {
    const somme = chiffres(siret).reduce((a, b) => a + b, 0);
    return somme % 5 === 0
      ? undefined
      : "SIRET de La Poste (SIREN 356000000) : la somme des chiffres doit être un multiple de 5";
  }
  return "clé de contrôle du SIRET invalide (algorithme de Luhn)";
};

/** Department part of an INSEE commune code: 01–19, 21–95, 2A, 2B (Corsica), never 20. */
const DEPARTEMENT_METROPOLE = /^(0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5])$/;

/**
 * Why an INSEE place-of-birth code (Code officiel géographique, 5 characters) is refused, or
 * `undefined`. Accepted: metropolitan communes (department 01–95 except 20, 2A/2B for Corsica,
 * commune 001–999), overseas communes 97101–97899 and 984xx/986xx–989xx (commune 01–99), born abroad 99 + a country
 * code whose first digit is the continent (1–5).
 */
export const raisonCodeLieuNaissanceInvalide = (code: string): string | undefined => {
  if (code.length !== 5) return "le code INSEE du lieu de naissance comporte 5 caractères";
  if (/^99\d{3}$/.test(code)) {
    return /^99[1-5]\d{2}$/.test(code)
      ? undefined
      : "code pays INSEE (né à l'étranger) invalide : 99 suivi d'un code de 100 à 599";
  }
  if (/^9[78]\d{3}$/.test(code)) {
    return /^(97[1-8]|98[46-9])\d{2}$/.test(code) && !code.endsWith("00")
      ? undefined
      : "code INSEE d'outre-mer invalide : 971 à 978, 984 ou 986 à 989 suivi d'un numéro de commune de 01 à 99";
  }
  const departement = code.slice(0, 2);
  const commune = code.slice(2);
  if (departement === "20") return "la Corse s'écrit 2A ou 2B dans le code INSEE, jamais 20";
  if (!DEPARTEMENT_METROPOLE.test(departement)) return "département du lieu de naissance invalide (01 à 95, 2A, 2B, 97x, 98x ou 99 pour l'étranger)";
  if (!/^\d{3}$/.test(commune) || commune === "000") return "numéro de commune INSEE invalide (3 chiffres, 001 à 999)";
  return undefined;
};

/**
 * Why a PARTICULIER identifier is refused, or `undefined`. Seed 002 ("Vérifier l'identifiant de la
 * structure"): rang 1 sexe (1 homme, 2 femme), rangs 2–3 the last two digits of the birth year, rangs
 * 4–5 the birth month, rangs 6–10 the INSEE code of the birthplace. [decision] the month is 01–12
 * only: the portal asks for "les deux chiffres du mois de naissance", not for a NIR pseudo-month.
 */
export const raisonIdentifiantParticulierInvalide = (valeur: string): string | undefined => {
  if (valeur.length !== 10) return "l'identifiant d'un particulier comporte 10 caractères";
  if (!/^[12]$/.test(valeur.slice(0, 1))) return "rang 1 (sexe) : 1 pour un homme, 2 pour une femme";
  if (!/^\d{2}$/.test(valeur.slice(1, 3))) return "rangs 2 et 3 : les deux derniers chiffres de l'année de naissance";
  if (!/^(0[1-9]|1[0-2])$/.test(valeur.slice(3, 5))) return "rangs 4 et 5 : le mois de naissance, de 01 à 12";
  const lieu = raisonCodeLieuNaissanceInvalide(valeur.slice(5));
  return lieu === undefined ? undefined : `rangs 6 à 10 : ${lieu}`;
};

/**
 * Formats of intra-community VAT numbers by country prefix (VIES formats of the European
 * Commission). France is excluded: a French structure is identified by its SIRET.
 */
export const FORMATS_TVA_INTRACOMMUNAUTAIRE: { readonly [pays: string]: RegExp } = {
  AT: /^ATU\d{8}$/,
  BE: /^BE[01]\d{9}$/,
  BG: /^BG\d{9,10}$/,
  CY: /^CY\d{8}[A-Z]$/,
  CZ: /^CZ\d{8,10}$/,
  DE: /^DE\d{9}$/,
  DK: /^DK\d{8}$/,
  EE: /^EE\d{9}$/,
  EL: /^EL\d{9}$/,
  ES: /^ES[A-Z0-9]\d{7}[A-Z0-9]$/,
  FI: /^FI\d{8}$/,
  HR: /^HR\d{11}$/,
  HU: /^HU\d{8}$/,
  IE: /^IE(\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/,
  IT: /^IT\d{11}$/,
  LT: /^LT(\d{9}|\d{12})$/,
  LU: /^LU\d{8}$/,
  LV: /^LV\d{11}$/,
  MT: /^MT\d{8}$/,
  NL: /^NL\d{9}B\d{2}$/,
  PL: /^PL\d{10}$/,
  PT: /^PT\d{9}$/,
  RO: /^RO\d{2,10}$/,
  SE: /^SE\d{10}01$/,
  SI: /^SI\d{8}$/,
  SK: /^SK\d{10}$/,
};

/** Why an intra-EU VAT number (outside France) is refused, or `undefined`. */
export const raisonTvaIntracommunautaireInvalide = (valeur: string): string | undefined => {
  const pays = valeur.slice(0, 2);
  if (pays === "FR") return "une structure française s'identifie par son SIRET, pas par son numéro de TVA";
  const format = FORMATS_TVA_INTRACOMMUNAUTAIRE[pays];
  if (format === undefined) return `préfixe pays « ${pays} » inconnu : un numéro de TVA intracommunautaire commence par le code d'un État membre (AT, BE, ..., EL pour la Grèce)`;
  return format.test(valeur) ? undefined : `numéro de TVA intracommunautaire au format de ${pays} invalide`;
};

/** RIDET (Nouvelle-Calédonie, ISEE): RID of the company, 7 digits, optionally followed by the 3-digit establishment rank. */
export const raisonRidetInvalide = (valeur: string): string | undefined =>
  /^\d{7}(\d{3})?$/.test(valeur) ? undefined : "un RIDET comporte 7 chiffres (entreprise), suivis éventuellement de 3 chiffres (établissement)";

/**
 * Numéro TAHITI (Polynésie française, ISPF Répertoire territorial des entreprises): 6 digits, or one
 * letter and 5 digits since 10 October 2011, optionally followed by the 3-digit establishment number.
 */
export const raisonTahitiInvalide = (valeur: string): string | undefined =>
  /^(\d{6}|[A-Z]\d{5})(\d{3})?$/.test(valeur)
    ? undefined
    : "un numéro TAHITI comporte 6 chiffres ou une lettre et 5 chiffres, suivis éventuellement de 3 chiffres (établissement)";

/** Maximum length of a free identifier (HORS_UE, AUTRE). */
export const LONGUEUR_MAX_IDENTIFIANT_LIBRE = 80;

const raisonIdentifiantLibreInvalide = (valeur: string): string | undefined =>
  valeur.length === 0
    ? "l'identifiant est obligatoire"
    : valeur.length > LONGUEUR_MAX_IDENTIFIANT_LIBRE
      ? `l'identifiant comporte au plus ${LONGUEUR_MAX_IDENTIFIANT_LIBRE} caractères`
      : undefined;

/**
 * Normalises an identifier as typed: surrounding spaces removed; for the coded types (everything but
 * HORS_UE and AUTRE) inner spaces, dots and hyphens removed and letters upper-cased (`2a` → `2A`).
 */
export const normaliserIdentifiant = (type: TypeIdentifiantStructure, valeur: string): string => {
  const v = valeur.trim();
  switch (type) {
    case "HORS_UE":
    case "AUTRE":
      return v;
    case "SIRET":
    case "PARTICULIER":
    case "UE_HORS_FRANCE":
    case "RIDET":
    case "TAHITI":
      return v.replace(/[\s.-]/g, "").toUpperCase();
  }
};

/**
 * Why an identifier (already normalised) is refused for its type, or `undefined` when it is valid.
 * The reason is in French, ready to show next to the field.
 */
export const raisonIdentifiantInvalide = (type: TypeIdentifiantStructure, valeur: string): string | undefined => {
  if (valeur.length === 0) return "l'identifiant est obligatoire";
  switch (type) {
    case "SIRET":
      return raisonSiretInvalide(valeur);
    case "PARTICULIER":
      return raisonIdentifiantParticulierInvalide(valeur);
    case "UE_HORS_FRANCE":
      return raisonTvaIntracommunautaireInvalide(valeur);
    case "RIDET":
      return raisonRidetInvalide(valeur);
    case "TAHITI":
      return raisonTahitiInvalide(valeur);
    case "HORS_UE":
    case "AUTRE":
      return raisonIdentifiantLibreInvalide(valeur);
  }
};

/** `true` when the identifier is valid for its type (after normalisation). */
export const isIdentifiantValide = (type: TypeIdentifiantStructure, valeur: string): boolean =>
  raisonIdentifiantInvalide(type, normaliserIdentifiant(type, valeur)) === undefined;

/** Normalises then validates: `Right(normalised value)` or `Left(reason)`. */
export const validerIdentifiant = (type: TypeIdentifiantStructure, valeur: string): Either.Either<string, string> => {
  const normalise = normaliserIdentifiant(type, valeur);
  const raison = raisonIdentifiantInvalide(type, normalise);
  return raison === undefined ? Either.right(normalise) : Either.left(raison);
};
