import { BigDecimal, Either, Schema } from "effect";
import { type ErreurDeChamp, type SaisieInvalide } from "../shared/index.js";
import { decoderRapide } from "./montants.decodage.js";
import { diviserArrondi, formaterMontant, formaterTaux, versEchelle } from "./montants.decimal.js";
import { erreursDepuisParseError, raisons, saisieInvalide } from "./montants.errors.js";
import {
  INDEX_TAUX_PAR_CENTIEMES,
  LigneMontantsEntree,
  MemoireMontantsEntree,
  Montant,
  TAUX_TVA_AUTORISES,
  TypeTva,
  estSansTaxe,
  tauxNonAutorise,
  type LigneMontants,
  type LigneRecapitulatifTva,
  type Montants,
  type MontantsJson,
} from "./montants.model.js";

/*
 * The engine works on integers at fixed scales, all exact:
 *   quantité ×10^3, tarif ×10^4, money ×10^2 (cents), rate ×10^2 (hundredths of a percent).
 * quantité × tarif is at scale 7: rounding it to cents divides by 10^5;
 * montantHt × rate is at scale 4 (in percent): dividing by 100 and rounding to cents divides by 10^4.
 * Rounding is half away from zero (DOMAIN.md §3), which `diviserArrondi` implements on integers.
 */
const ECHELLE_QUANTITE = 3;
const ECHELLE_TARIF = 4;
const ECHELLE_MONTANT = 2;
const DIVISEUR_PRESTATION = 100_000n;
const DIVISEUR_TVA = 10_000n;
const NOMBRE_TAUX = TAUX_TVA_AUTORISES.length;
const TAUX_CENTIEMES: ReadonlyArray<bigint> = TAUX_TVA_AUTORISES.map((t) => t.value);

const centimes = (valeur: bigint): BigDecimal.BigDecimal => BigDecimal.make(valeur, ECHELLE_MONTANT);

const indexTaux = (centiemes: bigint | undefined): number =>
  centiemes !== undefined && centiemes >= 0n && centiemes <= 2000n ? (INDEX_TAUX_PAR_CENTIEMES[Number(centiemes)] ?? -1) : -1;

const verifierDecimal = (
  erreurs: Array<ErreurDeChamp>,
  chemin: string,
  x: BigDecimal.BigDecimal,
  echelle: number,
  strictementPositif: boolean,
): bigint | undefined => {
  const v = versEchelle(x, echelle);
  if (v === undefined) erreurs.push({ chemin, raison: raisons.tropDeDecimales(echelle) });
  else if (strictementPositif ? v <= 0n : v < 0n) erreurs.push({ chemin, raison: strictementPositif ? raisons.nonPositif : raisons.negatif });
  else return v;
  return undefined;
};

/**
 * Every error of one decoded line: field-level ones (only possible when the line was built by hand,
 * not decoded), the rate under an exemption regime, and a remise larger than the line.
 * `typeTva` undefined: the regime is itself invalid, the rate-0 rule cannot be judged.
 */
const erreursLigne = (ligne: LigneMontantsEntree, i: number, typeTva: TypeTva | undefined): Array<ErreurDeChamp> => {
  const erreurs: Array<ErreurDeChamp> = [];
  const p = `lignes[${i}]`;
  const q = verifierDecimal(erreurs, `${p}.quantite`, ligne.quantite, ECHELLE_QUANTITE, true);
  const t = verifierDecimal(erreurs, `${p}.tarifHt`, ligne.tarifHt, ECHELLE_TARIF, false);
  const f = verifierDecimal(erreurs, `${p}.fraisDivers`, ligne.fraisDivers, ECHELLE_MONTANT, false);
  verifierDecimal(erreurs, `${p}.debours`, ligne.debours, ECHELLE_MONTANT, false);
  const r = verifierDecimal(erreurs, `${p}.remise`, ligne.remise, ECHELLE_MONTANT, false);
  const c = versEchelle(ligne.tauxTva, 2);
  if (indexTaux(c) < 0) erreurs.push({ chemin: `${p}.tauxTva`, raison: tauxNonAutorise(formaterTaux(ligne.tauxTva)) });
  else if (typeTva !== undefined && estSansTaxe(typeTva) && c !== 0n) erreurs.push({ chemin: `${p}.tauxTva`, raison: raisons.tauxNonNulSansTaxe(typeTva) });
  if (q !== undefined && t !== undefined && f !== undefined && r !== undefined) {
    const plafond = diviserArrondi(q * t, DIVISEUR_PRESTATION) + f;
    if (r > plafond) erreurs.push({ chemin: `${p}.remise`, raison: raisons.remiseSuperieure(centimes(r), centimes(plafond)) });
  }
  return erreurs;
};

/**
 * Computes the amounts of an already decoded mémoire (DOMAIN.md §3 "Amounts"). Lean: integer
 * arithmetic only; it still refuses what a decoded input could hide (a remise larger than its line, a
 * non-zero rate under `EXONERATION`/`SANS_TVA`, a remise globale above the TTC) and what a hand-built
 * input could carry (negative or over-precise values, unknown rates).
 */
export const calculerMontantsEntree = (entree: MemoireMontantsEntree): Either.Either<Montants, SaisieInvalide> => {
  const typeTva = entree.typeTva;
  const sansTaxe = estSansTaxe(typeTva);
  const lignesEntree = entree.lignes;
  const bases: Array<bigint> = new Array<bigint>(NOMBRE_TAUX).fill(0n);
  const utilises: Array<boolean> = new Array<boolean>(NOMBRE_TAUX).fill(false);
  const lignes: Array<LigneMontants> = [];
  let erreurs: Array<ErreurDeChamp> | undefined;
  let totalDebours = 0n;

  for (let i = 0; i < lignesEntree.length; i++) {
    const ligne = lignesEntree[i] as LigneMontantsEntree;
    const q = versEchelle(ligne.quantite, ECHELLE_QUANTITE);
    const t = versEchelle(ligne.tarifHt, ECHELLE_TARIF);
    const f = versEchelle(ligne.fraisDivers, ECHELLE_MONTANT);
    const d = versEchelle(ligne.debours, ECHELLE_MONTANT);
    const r = versEchelle(ligne.remise, ECHELLE_MONTANT);
    const c = versEchelle(ligne.tauxTva, 2);
    const k = indexTaux(c);
    if (
      q === undefined || q <= 0n || t === undefined || t < 0n || f === undefined || f < 0n ||
      d === undefined || d < 0n || r === undefined || r < 0n || c === undefined || k < 0 || (sansTaxe && c !== 0n)
    ) {
      (erreurs ??= []).push(...erreursLigne(ligne, i, typeTva));
      continue;
    }
    const prestation = diviserArrondi(q * t, DIVISEUR_PRESTATION);
    const ht = prestation + f - r;
    if (ht < 0n) {
      (erreurs ??= []).push(...erreursLigne(ligne, i, typeTva));
      continue;
    }
    const tva = diviserArrondi(ht * c, DIVISEUR_TVA);
    lignes.push({ montantPrestationHt: centimes(prestation), montantHt: centimes(ht), montantTva: centimes(tva), montantTtc: centimes(ht + tva + d) });
    bases[k] = (bases[k] as bigint) + ht;
    utilises[k] = true;
    totalDebours += d;
  }

  if (lignesEntree.length === 0) (erreurs ??= []).push({ chemin: "lignes", raison: raisons.aucuneLigne });
  const remiseGlobale = versEchelle(entree.remiseGlobaleTtc, ECHELLE_MONTANT);
  if (remiseGlobale === undefined || remiseGlobale < 0n) {
    verifierDecimal((erreurs ??= []), "remiseGlobaleTtc", entree.remiseGlobaleTtc, ECHELLE_MONTANT, false);
  }
  if (erreurs !== undefined || remiseGlobale === undefined) return Either.left(saisieInvalide(erreurs ?? []));

  const recapitulatifTva: Array<LigneRecapitulatifTva> = [];
  // Σ montantHt of the lines = Σ of the bases per rate: summed here, once per rate rather than per line.
  let totalHt = 0n;
  let totalTva = 0n;
  for (let k = 0; k < NOMBRE_TAUX; k++) {
    if (!utilises[k]) continue;
    const base = bases[k] as bigint;
    totalHt += base;
    const tva = diviserArrondi(base * (TAUX_CENTIEMES[k] as bigint), DIVISEUR_TVA);
    recapitulatifTva.push({ tauxTva: TAUX_TVA_AUTORISES[k] as BigDecimal.BigDecimal, baseHt: centimes(base), montantTva: centimes(tva) });
    totalTva += tva;
  }
  const avant = totalHt + totalTva + totalDebours;
  if (remiseGlobale > avant) {
    return Either.left(saisieInvalide([{ chemin: "remiseGlobaleTtc", raison: raisons.remiseGlobaleSuperieure(centimes(remiseGlobale), centimes(avant)) }]));
  }
  return Either.right({
    lignes,
    recapitulatifTva,
    totaux: {
      montantHt: centimes(totalHt),
      montantTva: centimes(totalTva),
      montantDebours: centimes(totalDebours),
      montantTtcAvantRemiseGlobale: centimes(avant),
      montantRemiseGlobaleTtc: centimes(remiseGlobale),
      montantTtc: centimes(avant - remiseGlobale),
    },
  });
};

const OPTIONS_DECODAGE = { errors: "all", onExcessProperty: "error" } as const;
const decoderMemoire = Schema.decodeUnknownEither(MemoireMontantsEntree, OPTIONS_DECODAGE);
const decoderLigne = Schema.decodeUnknownEither(LigneMontantsEntree, { errors: "all", onExcessProperty: "ignore" });
const decoderTypeTva = Schema.decodeUnknownEither(TypeTva);
const decoderMontant = Schema.decodeUnknownEither(Montant);

// When some fields are malformed (or unknown), the cross-field rules are still judged on what decodes,
// so that one answer lists every problem: per line, and the remise globale when every line decodes.
const erreursDeCoherence = (saisie: unknown): ReadonlyArray<ErreurDeChamp> => {
  if (typeof saisie !== "object" || saisie === null || !("lignes" in saisie) || !Array.isArray(saisie.lignes)) return [];
  const typeTva = "typeTva" in saisie ? Either.getOrUndefined(decoderTypeTva(saisie.typeTva)) : undefined;
  const remiseGlobaleTtc = "remiseGlobaleTtc" in saisie ? Either.getOrUndefined(decoderMontant(saisie.remiseGlobaleTtc)) : BigDecimal.make(0n, 2);
  const brutes: ReadonlyArray<unknown> = saisie.lignes;
  const lignes = brutes.map((brute) => Either.getOrUndefined(decoderLigne(brute)));
  const decodees = lignes.filter((l): l is LigneMontantsEntree => l !== undefined);
  if (typeTva !== undefined && remiseGlobaleTtc !== undefined && decodees.length === lignes.length && lignes.length > 0) {
    return Either.match(calculerMontantsEntree({ typeTva, remiseGlobaleTtc, lignes: decodees }), { onLeft: (e) => e.erreurs, onRight: () => [] });
  }
  return lignes.flatMap((ligne, i) => (ligne === undefined ? [] : erreursLigne(ligne, i, typeTva)));
};

// Mémoire-level fields first, then line by line in input order (stable within a line).
const numeroDeLigne = (chemin: string): number => {
  const m = /^lignes\[(\d+)\]/.exec(chemin);
  return m === null ? -1 : Number(m[1]);
};
const ordonner = (erreurs: ReadonlyArray<ErreurDeChamp>): ReadonlyArray<ErreurDeChamp> =>
  erreurs
    .map((erreur, rang) => ({ erreur, rang, ligne: numeroDeLigne(erreur.chemin) }))
    .sort((a, b) => a.ligne - b.ligne || a.rang - b.rang)
    .map((e) => e.erreur);

/**
 * Decodes, validates and computes the amounts of a mémoire from raw input (JSON): numbers as decimal
 * strings ("150.00") or JSON numbers, unknown fields refused, every offending field reported at once
 * with its path (`lignes[2].tauxTva`). DOMAIN.md §3 "Amounts".
 */
export const calculerMontants = (saisie: unknown): Either.Either<Montants, SaisieInvalide> => {
  const rapide = decoderRapide(saisie);
  if (rapide !== undefined) return calculerMontantsEntree(rapide);
  const decodee = decoderMemoire(saisie);
  if (Either.isRight(decodee)) return calculerMontantsEntree(decodee.right);
  return Either.left(saisieInvalide(ordonner([...erreursDepuisParseError(decodee.left), ...erreursDeCoherence(saisie)])));
};

/** Throwing twin of {@link calculerMontants}, for scripts and tests: throws the {@link SaisieInvalide}. */
export const unsafeCalculerMontants = (saisie: unknown): Montants => Either.getOrThrowWith(calculerMontants(saisie), (e) => e);

/** The JSON form of {@link Montants}: amounts with exactly 2 decimals, rates without trailing zeros. */
export const montantsEnJson = (m: Montants): MontantsJson => ({
  lignes: m.lignes.map((l) => ({
    montantPrestationHt: formaterMontant(l.montantPrestationHt),
    montantHt: formaterMontant(l.montantHt),
    montantTva: formaterMontant(l.montantTva),
    montantTtc: formaterMontant(l.montantTtc),
  })),
  recapitulatifTva: m.recapitulatifTva.map((r) => ({
    tauxTva: formaterTaux(r.tauxTva),
    baseHt: formaterMontant(r.baseHt),
    montantTva: formaterMontant(r.montantTva),
  })),
  totaux: {
    montantHt: formaterMontant(m.totaux.montantHt),
    montantTva: formaterMontant(m.totaux.montantTva),
    montantDebours: formaterMontant(m.totaux.montantDebours),
    montantTtcAvantRemiseGlobale: formaterMontant(m.totaux.montantTtcAvantRemiseGlobale),
    montantRemiseGlobaleTtc: formaterMontant(m.totaux.montantRemiseGlobaleTtc),
    montantTtc: formaterMontant(m.totaux.montantTtc),
  },
});
