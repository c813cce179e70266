import { BigDecimal, Either } from "effect";
import { parseDecimal, parseNombre, type ContraintesDecimal } from "./montants.decimal.js";
import { INDEX_TAUX_PAR_CENTIEMES, TYPES_TVA, type LigneMontantsEntree, type MemoireMontantsEntree, type TypeTva } from "./montants.model.js";

/*
 * Fast decoding of well-formed raw input. Effect Schema decoding costs about 30 µs per line; most
 * inputs are valid, so this plain reading is tried first and gives up (`undefined`) at the first doubt.
 * The schemas stay the reference: on `undefined` they decode again and word every error. A property
 * test checks that whatever this accepts, the schemas accept too, with the same values.
 */

const CHAMPS_MEMOIRE = new Set<PropertyKey>(["typeTva", "remiseGlobaleTtc", "lignes"]);
const CHAMPS_LIGNE = new Set<PropertyKey>(["quantite", "tarifHt", "tauxTva", "fraisDivers", "debours", "remise"]);
const TYPES = new Set<unknown>(TYPES_TVA);
const MONTANT: ContraintesDecimal = { maxDecimales: 2, min: "positifOuNul" };
const QUANTITE: ContraintesDecimal = { maxDecimales: 3, min: "positif" };
const TARIF: ContraintesDecimal = { maxDecimales: 4, min: "positifOuNul" };
const TAUX: ContraintesDecimal = { maxDecimales: 2 };

type Enregistrement = Readonly<Record<PropertyKey, unknown>>;

const estEnregistrement = (x: unknown, champs: ReadonlySet<PropertyKey>): x is Enregistrement => {
  if (typeof x !== "object" || x === null || Array.isArray(x)) return false;
  for (const cle of Reflect.ownKeys(x)) if (!champs.has(cle)) return false;
  return true;
};

const lire = (x: unknown, contraintes: ContraintesDecimal): BigDecimal.BigDecimal | undefined => {
  const lu = typeof x === "string" ? parseDecimal(x, contraintes) : typeof x === "number" ? parseNombre(x, contraintes) : undefined;
  return lu !== undefined && Either.isRight(lu) ? lu.right : undefined;
};

const zero = BigDecimal.make(0n, 2);
const lireOptionnel = (o: Enregistrement, champ: string): BigDecimal.BigDecimal | undefined =>
  Object.prototype.hasOwnProperty.call(o, champ) ? lire(o[champ], MONTANT) : zero;

const lireTaux = (x: unknown): BigDecimal.BigDecimal | undefined => {
  const taux = lire(x, TAUX);
  if (taux === undefined || taux.value < 0n || taux.value > 2000n) return undefined;
  return (INDEX_TAUX_PAR_CENTIEMES[Number(taux.value)] ?? -1) < 0 ? undefined : taux;
};

const lireLigne = (x: unknown): LigneMontantsEntree | undefined => {
  if (!estEnregistrement(x, CHAMPS_LIGNE)) return undefined;
  const quantite = lire(x["quantite"], QUANTITE);
  const tarifHt = lire(x["tarifHt"], TARIF);
  const tauxTva = lireTaux(x["tauxTva"]);
  const fraisDivers = lireOptionnel(x, "fraisDivers");
  const debours = lireOptionnel(x, "debours");
  const remise = lireOptionnel(x, "remise");
  if (quantite === undefined || tarifHt === undefined || tauxTva === undefined || fraisDivers === undefined || debours === undefined || remise === undefined) {
    return undefined;
  }
  return { quantite, tarifHt, tauxTva, fraisDivers, debours, remise };
};

/** The decoded mémoire when the raw input is well-formed field by field; `undefined` otherwise. */
export const decoderRapide = (saisie: unknown): MemoireMontantsEntree | undefined => {
  if (!estEnregistrement(saisie, CHAMPS_MEMOIRE)) return undefined;
  const typeTva = saisie["typeTva"];
  const brutes = saisie["lignes"];
  const remiseGlobaleTtc = lireOptionnel(saisie, "remiseGlobaleTtc");
  if (!TYPES.has(typeTva) || !Array.isArray(brutes) || brutes.length === 0 || remiseGlobaleTtc === undefined) return undefined;
  const lignes: Array<LigneMontantsEntree> = [];
  for (const brute of brutes as ReadonlyArray<unknown>) {
    const ligne = lireLigne(brute);
    if (ligne === undefined) return undefined;
    lignes.push(ligne);
  }
  return { typeTva: typeTva as TypeTva, remiseGlobaleTtc, lignes };
};
