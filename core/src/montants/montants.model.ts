import { BigDecimal, Either, ParseResult, Schema } from "effect";
import { formaterDecimal, formaterMontant, formaterTaux, parseDecimal, parseNombre, type ContraintesDecimal } from "./montants.decimal.js";

// Rates in hundredths of a percent: the engine works on these integers.
const TAUX_EN_CENTIEMES = [0n, 90n, 105n, 175n, 210n, 550n, 850n, 1000n, 1300n, 2000n] as const;

/** Allowed VAT rates, ascending, in percent (métropole, Corse, DOM). DOMAIN.md §3 "Amounts"; CGI art. 278 to 297. */
export const TAUX_TVA_AUTORISES: ReadonlyArray<BigDecimal.BigDecimal> = TAUX_EN_CENTIEMES.map((c) => BigDecimal.make(c, 2));

/** Index of each allowed rate, by its value in hundredths (0..2000); -1 when not allowed. */
export const INDEX_TAUX_PAR_CENTIEMES: ReadonlyArray<number> = Array.from({ length: 2001 }, (_, c) =>
  TAUX_EN_CENTIEMES.findIndex((t) => t === BigInt(c)),
);

/** The allowed rates as the user reads them: "0, 0.9, 1.05, …, 20". */
export const LISTE_TAUX_AUTORISES = TAUX_TVA_AUTORISES.map(formaterTaux).join(", ");

/** Why a rate is refused, listing the allowed ones. */
export const tauxNonAutorise = (taux: string | number): string =>
  `taux de TVA ${String(taux)} non autorisé (autorisés : ${LISTE_TAUX_AUTORISES})`;

/** The four VAT regimes of a mémoire (DOMAIN.md §3, en-tête "type de TVA"). */
export const TYPES_TVA = ["TVA_SUR_DEBIT", "TVA_SUR_ENCAISSEMENT", "EXONERATION", "SANS_TVA"] as const;

/** The VAT regime of a mémoire: with `EXONERATION` or `SANS_TVA` every rate must be 0. */
export const TypeTva = Schema.Literal(...TYPES_TVA).annotations({
  identifier: "TypeTva",
  message: () => ({ message: `type de TVA inconnu (attendus : ${TYPES_TVA.join(", ")})`, override: true }),
});
/** `TVA_SUR_DEBIT` | `TVA_SUR_ENCAISSEMENT` | `EXONERATION` | `SANS_TVA`. */
export type TypeTva = typeof TypeTva.Type;

/** True for the regimes under which no VAT is charged (`EXONERATION`, `SANS_TVA`): every rate must be 0. */
export const estSansTaxe = (typeTva: TypeTva): boolean => typeTva === "EXONERATION" || typeTva === "SANS_TVA";

const NombreSaisi = Schema.Union(Schema.String, Schema.Number).annotations({
  message: () => ({ message: 'doit être un nombre décimal, en chaîne ("150.00") ou en nombre JSON', override: true }),
});

const lire = (entree: string | number, contraintes: ContraintesDecimal): Either.Either<BigDecimal.BigDecimal, string> =>
  typeof entree === "string" ? parseDecimal(entree, contraintes) : parseNombre(entree, contraintes);

const decimalSaisi = (
  identifier: string,
  contraintes: ContraintesDecimal,
  encoder: (x: BigDecimal.BigDecimal) => string,
) =>
  Schema.transformOrFail(NombreSaisi, Schema.BigDecimalFromSelf, {
    strict: true,
    decode: (entree, _options, ast) => {
      const lu = lire(entree, contraintes);
      return Either.isLeft(lu) ? ParseResult.fail(new ParseResult.Type(ast, entree, lu.left)) : ParseResult.succeed(lu.right);
    },
    encode: (x) => ParseResult.succeed(encoder(x)),
  }).annotations({ identifier });

/** A money amount (frais divers, débours, remise, remise globale): ≥ 0, at most 2 decimals; decoded at scale 2. */
export const Montant = decimalSaisi("Montant", { maxDecimales: 2, min: "positifOuNul" }, formaterMontant);

/** A quantité of a line: > 0, at most 3 decimals; decoded at scale 3. */
export const Quantite = decimalSaisi("Quantite", { maxDecimales: 3, min: "positif" }, formaterDecimal);

/** A tarif HT (CPP R91: tariffs are set before tax): ≥ 0, at most 4 decimals; decoded at scale 4. */
export const TarifHt = decimalSaisi("TarifHt", { maxDecimales: 4, min: "positifOuNul" }, formaterDecimal);

/** A VAT rate in percent, one of {@link TAUX_TVA_AUTORISES}; decoded at scale 2. */
export const TauxTva = Schema.transformOrFail(NombreSaisi, Schema.BigDecimalFromSelf, {
  strict: true,
  decode: (entree, _options, ast) => {
    const refus = (raison: string) => ParseResult.fail(new ParseResult.Type(ast, entree, raison));
    const lu = lire(entree, { maxDecimales: 2 });
    if (Either.isLeft(lu)) {
      // A well-formed number with more decimals is simply a rate that is not allowed.
      return Either.isRight(lire(entree, { maxDecimales: 40 })) ? refus(tauxNonAutorise(entree)) : refus(lu.left);
    }
    const centiemes = lu.right.value;
    const index = centiemes >= 0n && centiemes <= 2000n ? INDEX_TAUX_PAR_CENTIEMES[Number(centiemes)] : undefined;
    return index === undefined || index < 0 ? refus(tauxNonAutorise(entree)) : ParseResult.succeed(lu.right);
  },
  encode: (x) => ParseResult.succeed(formaterTaux(x)),
}).annotations({ identifier: "TauxTva" });

const zero = (): BigDecimal.BigDecimal => BigDecimal.make(0n, 2);
const montantOptionnel = Schema.optionalWith(Montant, { exact: true, default: zero });

/**
 * The amounts part of a ligne de prestation. `fraisDivers`, `debours` and `remise` default to 0.00.
 * Field-level rules only; the cross-field ones (remise ≤ HT + frais, rate 0 under exemption) are
 * checked by the computation.
 */
export const LigneMontantsEntree = Schema.Struct({
  quantite: Quantite,
  tarifHt: TarifHt,
  tauxTva: TauxTva,
  fraisDivers: montantOptionnel,
  debours: montantOptionnel,
  remise: montantOptionnel,
}).annotations({ identifier: "LigneMontantsEntree" });
/** A decoded line: every amount field present, as `BigDecimal`. */
export type LigneMontantsEntree = typeof LigneMontantsEntree.Type;

/** The amounts part of a mémoire: its VAT regime, its lines (at least one) and its remise globale TTC (default 0.00). */
export const MemoireMontantsEntree = Schema.Struct({
  typeTva: TypeTva,
  remiseGlobaleTtc: montantOptionnel,
  lignes: Schema.Array(LigneMontantsEntree).pipe(
    Schema.filter((lignes) => lignes.length > 0 || "au moins une ligne de prestation est requise"),
  ),
}).annotations({ identifier: "MemoireMontantsEntree" });
/** A decoded mémoire, the input of `calculerMontantsEntree`. */
export type MemoireMontantsEntree = typeof MemoireMontantsEntree.Type;

/** The computed amounts of one line (DOMAIN.md §3). */
export interface LigneMontants {
  /** round(quantité × tarif HT). */
  readonly montantPrestationHt: BigDecimal.BigDecimal;
  /** montantPrestationHt + frais divers − remise (≥ 0). */
  readonly montantHt: BigDecimal.BigDecimal;
  /** round(montantHt × taux / 100); informative, the mémoire's VAT is the récapitulatif's. */
  readonly montantTva: BigDecimal.BigDecimal;
  /** montantHt + montantTva + débours. */
  readonly montantTtc: BigDecimal.BigDecimal;
}

/** One row of the récapitulatif TVA: one per rate used (EN 16931, VAT breakdown). */
export interface LigneRecapitulatifTva {
  readonly tauxTva: BigDecimal.BigDecimal;
  /** Σ montantHt of the lines at this rate. */
  readonly baseHt: BigDecimal.BigDecimal;
  /** round(baseHt × taux / 100). */
  readonly montantTva: BigDecimal.BigDecimal;
}

/** The totals of a mémoire, as shown on the certificat de dépôt. */
export interface TotauxMontants {
  readonly montantHt: BigDecimal.BigDecimal;
  readonly montantTva: BigDecimal.BigDecimal;
  readonly montantDebours: BigDecimal.BigDecimal;
  readonly montantTtcAvantRemiseGlobale: BigDecimal.BigDecimal;
  readonly montantRemiseGlobaleTtc: BigDecimal.BigDecimal;
  readonly montantTtc: BigDecimal.BigDecimal;
}

/** Every amount of a mémoire: per line, per rate, totals. */
export interface Montants {
  readonly lignes: ReadonlyArray<LigneMontants>;
  readonly recapitulatifTva: ReadonlyArray<LigneRecapitulatifTva>;
  readonly totaux: TotauxMontants;
}

/** {@link Montants} as JSON: amounts as strings with 2 decimals, rates without trailing zeros. */
export interface MontantsJson {
  readonly lignes: ReadonlyArray<{
    readonly montantPrestationHt: string;
    readonly montantHt: string;
    readonly montantTva: string;
    readonly montantTtc: string;
  }>;
  readonly recapitulatifTva: ReadonlyArray<{ readonly tauxTva: string; readonly baseHt: string; readonly montantTva: string }>;
  readonly totaux: {
    readonly montantHt: string;
    readonly montantTva: string;
    readonly montantDebours: string;
    readonly montantTtcAvantRemiseGlobale: string;
    readonly montantRemiseGlobaleTtc: string;
    readonly montantTtc: string;
  };
}
