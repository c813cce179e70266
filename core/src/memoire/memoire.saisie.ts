import { BigDecimal, Either, Option, Schema, type ParseResult } from "effect";
import { calculerMontantsEntree, Montant, Quantite, TarifHt, TauxTva, type Montants } from "../montants/index.js";
import { depuisParseError, SaisieInvalide, type ErreurDeChamp } from "../shared/index.js";
import { typePrestation } from "../tarifs/index.js";
import {
  AuteurRecours,
  AutoriteRequerante,
  DateCalendaire,
  DateHeureLocale,
  EnTete,
  Identifiant,
  MotifRefus,
  Paiement,
  PieceJointe,
  SensDecisionRecours,
  type EnTete as EnTeteType,
  type LignePrestation,
  type MontantsMemoire,
  type TotauxMemoire,
} from "./memoire.model.js";

/**
 * What the commands accept as input, as Effect Schemas (the Encoded side is plain JSON), and the
 * computation of a mémoire's amounts through the montants engine. Every refusal is a
 * `SaisieInvalide` naming each field (`ligne.tauxTva`, `lignes[2].tauxTva`, `enTete.typeTva`).
 */

const zero = (): BigDecimal.BigDecimal => BigDecimal.make(0n, 2);
const montantOptionnel = Schema.optionalWith(Montant, { exact: true, default: zero });

const CodeTypePrestation = Schema.String.pipe(
  Schema.filter((code) => Option.isSome(typePrestation(code)) || `type de prestation « ${code} » inconnu (voir TYPES_PRESTATION)`),
);

/** A line as typed by the prestataire (seed 001 "Saisie d'une ligne de prestation"); frais divers, débours and remise default to 0.00. */
export const LigneSaisie = Schema.Struct({
  numeroAffaire: Schema.String.pipe(Schema.filter((s) => (s.trim().length > 0 && s.length <= 50) || "n° d'affaire : 1 à 50 caractères")),
  dateRequisition: DateCalendaire,
  autoriteRequerante: AutoriteRequerante,
  typePrestation: CodeTypePrestation,
  datePrestation: DateCalendaire,
  debut: Schema.optional(DateHeureLocale),
  fin: Schema.optional(DateHeureLocale),
  quantite: Quantite,
  tarifHt: TarifHt,
  tauxTva: TauxTva,
  fraisDivers: montantOptionnel,
  debours: montantOptionnel,
  remise: montantOptionnel,
});
export type LigneSaisie = typeof LigneSaisie.Encoded;

/** The en-tête as typed: `devise` defaults to EUR and `modeDepot` to SAISIE_WEB. */
export const EnTeteSaisie = Schema.Struct({
  ...EnTete.fields,
  devise: Schema.optionalWith(Schema.Literal("EUR"), { exact: true, default: () => "EUR" as const }),
  modeDepot: Schema.optionalWith(EnTete.fields.modeDepot, { exact: true, default: () => "SAISIE_WEB" as const }),
});
export type EnTeteSaisie = typeof EnTeteSaisie.Encoded;

/** An attachment as described by the adapter that stored its bytes (content type from the bytes, size, SHA-256). */
export const PieceJointeSaisie = PieceJointe.pipe(Schema.omit("id", "origine"));
export type PieceJointeSaisie = typeof PieceJointeSaisie.Encoded;

/** A redressement asked by the greffier: new quantité and/or tarif HT of a line, and the motif. */
export const RedressementSaisie = Schema.Struct({
  ligneId: Identifiant,
  quantite: Schema.optional(Quantite),
  tarifHt: Schema.optional(TarifHt),
  motif: Schema.String.pipe(Schema.filter((s) => s.trim().length > 0 || "motif du redressement obligatoire")),
}).pipe(Schema.filter((r) => r.quantite !== undefined || r.tarifHt !== undefined || "un redressement corrige la quantité ou le tarif HT"));
export type RedressementSaisie = typeof RedressementSaisie.Encoded;

/** The ordonnance de taxe as typed by the magistrat: taxed HT amount per line and the motif. */
export const TaxationSaisie = Schema.Struct({
  lignes: Schema.Array(Schema.Struct({ ligneId: Identifiant, montantHtTaxe: Montant })),
  motif: Schema.String.pipe(Schema.filter((s) => s.trim().length > 0 || "motif de la taxation obligatoire")),
});
export type TaxationSaisie = typeof TaxationSaisie.Encoded;

/** An appeal against the ordonnance de taxe as the greffier records it: the day it was filed at the greffe, who filed it. */
export const RecoursSaisie = Schema.Struct({
  formeLe: DateCalendaire,
  par: AuteurRecours,
  commentaire: Schema.optional(Schema.String.pipe(Schema.maxLength(2000, { message: () => "commentaire : au plus 2000 caractères" }))),
});
export type RecoursSaisie = typeof RecoursSaisie.Encoded;

/**
 * The chambre de l'instruction's decision as the greffier records it: its day, its sense, its
 * reference and motif; a reformation names the HT amount it allows for at least one line, the other
 * senses none (the ordonnance's amounts stand).
 */
export const DecisionRecoursSaisie = Schema.Struct({
  rendueLe: DateCalendaire,
  sens: SensDecisionRecours,
  motif: Schema.String.pipe(
    Schema.filter((s) => s.trim().length > 0 || "motif de la décision obligatoire"),
    Schema.filter((s) => s.length <= 1000 || "motif de la décision : au plus 1000 caractères"),
  ),
  lignes: Schema.optional(Schema.Array(Schema.Struct({ ligneId: Identifiant, montantHtTaxe: Montant }))),
}).pipe(
  Schema.filter((d) =>
    d.sens === "REFORMATION"
      ? (d.lignes ?? []).length > 0 || "une réformation fixe le montant HT d'au moins une ligne"
      : (d.lignes ?? []).length === 0 || "seule une réformation fixe de nouveaux montants : une confirmation, une irrecevabilité ou un désistement laissent ceux de l'ordonnance",
  ),
);
export type DecisionRecoursSaisie = typeof DecisionRecoursSaisie.Encoded;

/** A refusal as typed: the motif is checked by the `motifAbsent` rule, not here, so that the refusal names it. */
export const RefusSaisie = Schema.Struct({
  motif: Schema.optional(MotifRefus),
  commentaire: Schema.optional(Schema.String),
});
export type RefusSaisie = typeof RefusSaisie.Encoded;

/** The mise en paiement as typed by the comptable. */
export const PaiementSaisie = Paiement;
export type PaiementSaisie = typeof Paiement.Encoded;

const OPTIONS = { errors: "all", onExcessProperty: "error" } as const;

/** Decodes an input with a schema; the field paths of the errors are prefixed (`ligne`, `lignes[2]`). */
export const decoder =
  <A, I>(schema: Schema.Schema<A, I>, prefixe: string) =>
  (entree: unknown): Either.Either<A, SaisieInvalide> =>
    Either.mapLeft(Schema.decodeUnknownEither(schema, OPTIONS)(entree), (e: ParseResult.ParseError) => depuisParseError(e, prefixe));

/** A `SaisieInvalide` for one field. */
export const champInvalide = (chemin: string, raison: string): SaisieInvalide => new SaisieInvalide({ erreurs: [{ chemin, raison }] });

/** Cross-field checks of a line the schema cannot express: début < fin, dates in order. */
export const verifierLigne = (ligne: Omit<LignePrestation, "id">, prefixe: string): ReadonlyArray<ErreurDeChamp> => {
  const erreurs: Array<ErreurDeChamp> = [];
  if (ligne.debut !== undefined && ligne.fin !== undefined && ligne.fin <= ligne.debut) {
    erreurs.push({ chemin: `${prefixe}.fin`, raison: "la fin doit suivre le début" });
  }
  if ((ligne.debut === undefined) !== (ligne.fin === undefined)) {
    erreurs.push({ chemin: `${prefixe}.${ligne.debut === undefined ? "debut" : "fin"}`, raison: "début et fin se renseignent ensemble" });
  }
  if (ligne.datePrestation < ligne.dateRequisition) {
    erreurs.push({ chemin: `${prefixe}.datePrestation`, raison: "la prestation ne peut précéder la réquisition" });
  }
  return erreurs;
};

const versMemoire = (m: Montants, lignes: ReadonlyArray<LignePrestation>): MontantsMemoire => ({
  lignes: m.lignes.map((l, i) => ({
    ligneId: lignes[i]?.id ?? String(i),
    montantPrestationHt: l.montantPrestationHt,
    montantHt: l.montantHt,
    montantTva: l.montantTva,
    montantTtc: l.montantTtc,
  })),
  recapitulatifTva: m.recapitulatifTva.map((r) => ({ tauxTva: r.tauxTva, baseHt: r.baseHt, montantTva: r.montantTva })),
  ...m.totaux,
});

/** The amounts of a mémoire without lines: every total 0.00. */
export const montantsNuls = (): MontantsMemoire => ({
  lignes: [],
  recapitulatifTva: [],
  montantHt: zero(),
  montantTva: zero(),
  montantDebours: zero(),
  montantTtcAvantRemiseGlobale: zero(),
  montantRemiseGlobaleTtc: zero(),
  montantTtc: zero(),
});

/**
 * Computes the amounts of a mémoire with the montants engine (DOMAIN.md §3 "Amounts"). A draft whose
 * type de TVA is not chosen yet is computed as `TVA_SUR_DEBIT` (the rates then apply as typed); a
 * mémoire without lines has zero amounts and no remise globale.
 */
export const calculerMontantsMemoire = (memoire: {
  readonly enTete: EnTeteType;
  readonly lignes: ReadonlyArray<LignePrestation>;
  readonly remiseGlobaleTtc: BigDecimal.BigDecimal;
}): Either.Either<MontantsMemoire, SaisieInvalide> => {
  if (memoire.lignes.length === 0) {
    return BigDecimal.isZero(memoire.remiseGlobaleTtc)
      ? Either.right(montantsNuls())
      : Either.left(champInvalide("remiseGlobaleTtc", "pas de remise globale sur un mémoire sans ligne"));
  }
  return Either.map(
    calculerMontantsEntree({
      typeTva: memoire.enTete.typeTva ?? "TVA_SUR_DEBIT",
      remiseGlobaleTtc: memoire.remiseGlobaleTtc,
      lignes: memoire.lignes.map((l) => ({
        quantite: l.quantite,
        tarifHt: l.tarifHt,
        tauxTva: l.tauxTva,
        fraisDivers: l.fraisDivers,
        debours: l.debours,
        remise: l.remise,
      })),
    }),
    (m) => versMemoire(m, memoire.lignes),
  );
};

/** The totals of the amounts (what the audit trail records before / after each event). */
export const totaux = (m: MontantsMemoire): TotauxMemoire => ({
  montantHt: m.montantHt,
  montantTva: m.montantTva,
  montantDebours: m.montantDebours,
  montantTtcAvantRemiseGlobale: m.montantTtcAvantRemiseGlobale,
  montantRemiseGlobaleTtc: m.montantRemiseGlobaleTtc,
  montantTtc: m.montantTtc,
});

/** True when two sets of totals are equal, amount by amount (`BigDecimal.equals`). */
export const totauxEgaux = (a: TotauxMemoire, b: TotauxMemoire): boolean =>
  BigDecimal.equals(a.montantHt, b.montantHt) &&
  BigDecimal.equals(a.montantTva, b.montantTva) &&
  BigDecimal.equals(a.montantDebours, b.montantDebours) &&
  BigDecimal.equals(a.montantTtcAvantRemiseGlobale, b.montantTtcAvantRemiseGlobale) &&
  BigDecimal.equals(a.montantRemiseGlobaleTtc, b.montantRemiseGlobaleTtc) &&
  BigDecimal.equals(a.montantTtc, b.montantTtc);
