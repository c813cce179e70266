/**
 * Tariffs of justice costs, as dated versions chosen by the date of the prestation, each naming its
 * legal source: interprètes-traducteurs (CPP R122, A43-7), French public holidays (for the
 * majorations), the catalogue of types de prestation and the certification threshold (R224-1, A43-16).
 *
 * @example
 * ```ts
 * import { Either } from "effect";
 * import { calculTarifEnJson, tarifTraductionOrale } from "@frais-justice/core/tarifs";
 *
 * const r = tarifTraductionOrale({ debut: "2019-03-09T21:30", fin: "2019-03-09T23:40" });
 * // Either.right: 3 started hours on a Saturday evening at 30 €/h → montantHt "139.50"
 * if (Either.isRight(r)) console.log(calculTarifEnJson(r.right).montantHt);
 * ```
 * @module
 */

// ----- Public holidays -------------------------------------------------------------------------

/** Easter Sunday of a year (anonymous Gregorian algorithm, Meeus). */
export { dimancheDePaques } from "./tarifs.feries.js";
/**
 * The 11 national public holidays of a year with their names (Code du travail art. L3133-1): 1/1,
 * Easter Monday, 1/5, 8/5, Ascension (Easter + 39), Whit Monday (Easter + 50), 14/7, 15/8, 1/11, 11/11, 25/12.
 */
export { joursFeries } from "./tarifs.feries.js";
/** The public holiday falling on a date, as an `Option` (used for the A43-7 3° majoration). */
export { jourFerie } from "./tarifs.feries.js";
/** Whether a date is a national public holiday (Code du travail art. L3133-1). */
export { estJourFerie } from "./tarifs.feries.js";
/** A public holiday: code, name, date. */
export type { CodeJourFerie, JourFerie } from "./tarifs.feries.js";

// ----- Interprètes-traducteurs (CPP R122, A43-7) -------------------------------------------------

/**
 * Dated versions of the interprètes-traducteurs table (CPP R122, A43-7): from 2008-09-11 25 €/page
 * and 25 €/h; from 2009-03-01 25 €/page and 30 €/h; from 2021-01-01 the table of the arrêté du
 * 24 décembre 2020 (LEGIARTI000042905196), not yet sourced here, so every date from 2021-01-01 gives
 * `TarifInconnu`. Pass another array to the functions below to use other versions.
 */
export { TARIFS_INTERPRETES } from "./tarifs.interpretes.js";
/** Time zone of the wall-clock times of an oral translation: `Europe/Paris`. */
export { FUSEAU_HORAIRE } from "./tarifs.interpretes.js";
/** Longest presence accepted on one line: 24 hours (split longer missions by day). */
export { DUREE_MAXIMALE_HEURES } from "./tarifs.interpretes.js";
/** Words per page of written translation: 250 (CPP R122). */
export { MOTS_PAR_PAGE } from "./tarifs.interpretes.js";
/**
 * The interprètes-traducteurs version in force on the date of a prestation (the latest starting on
 * or before it), or `TarifInconnu` (before 2008-09-11, or a version whose figures are not sourced).
 */
export { versionInterpretes } from "./tarifs.interpretes.js";
/**
 * Decodes raw oral-translation input `{ debut, fin }`: local Paris wall-clock times
 * `YYYY-MM-DDTHH:mm` (`:ss` accepted). `SaisieInvalide` naming `debut` / `fin` for a missing or
 * malformed value, a time in the spring DST gap, `fin ≤ debut`, or a presence over 24 h. A time in
 * the repeated autumn hour is read as its first occurrence.
 */
export { decoderTraductionOrale } from "./tarifs.interpretes.js";
/** Decodes raw written-translation input `{ mots, date }`: an integer word count > 0 and a date `YYYY-MM-DD`. */
export { decoderTraductionEcrite } from "./tarifs.interpretes.js";
/** Number of started hours of a decoded presence: `ceil(real elapsed time / 1 h)`. */
export { heuresCommencees } from "./tarifs.interpretes.js";
/**
 * Prices an oral translation (CPP R122, A43-7) from raw strings `{ debut, fin }` (decoded as by
 * `decoderTraductionOrale`). The version is chosen by the local start date. Every started hour is
 * due in full: slot k covers [début + k h, début + (k+1) h) in real elapsed time; majorations on the
 * base rate, cumulative: +40 % first hour, +25 % if the slot starts in [22:00, 07:00), +25 % if it
 * starts on a Saturday, Sunday or public holiday. Each slot rounded to the cent (half away from
 * zero); total = Σ slots.
 *
 * @example tarifTraductionOrale({ debut: "2019-03-09T21:30", fin: "2019-03-09T23:40" }) // 49.50 + 45.00 + 45.00 = 139.50
 */
export { tarifTraductionOrale } from "./tarifs.interpretes.js";
/**
 * Prices a written translation (CPP R122, A43-7) from `{ mots, date }`: `ceil(mots / 250)` pages at
 * the page rate in force on `date`.
 *
 * @example tarifTraductionEcrite({ mots: "1000", date: "2019-03-09" }) // 4 pages × 25 € = 100.00
 */
export { tarifTraductionEcrite } from "./tarifs.interpretes.js";
/** Same as `tarifTraductionOrale`, for an already decoded presence. */
export { calculerTraductionOrale } from "./tarifs.interpretes.js";
/** Same as `tarifTraductionEcrite`, for an already decoded written translation. */
export { calculerTraductionEcrite } from "./tarifs.interpretes.js";
/**
 * Plain-JSON rendering of a computation for the CLI and APIs: amounts as strings with two decimals
 * (`"139.50"`), rates as `"40"`, dates ISO, every majoration of every slot listed.
 */
export { calculTarifEnJson } from "./tarifs.json.js";
/** Shapes of the JSON rendering. */
export type { CalculTarifJson, LigneDetailJson, MajorationJson } from "./tarifs.json.js";
/** Types of the tariff versions, inputs and computations (see `tarifs.model.ts`). */
export type {
  BaremeInterpretes,
  BaremeNonSource,
  CalculTarif,
  CodeCalcul,
  CodeMajoration,
  HeureDePresence,
  LigneDetail,
  MajorationAppliquee,
  PagesTraduites,
  SaisieTraductionEcrite,
  SaisieTraductionOrale,
  TauxMajorations,
  TraductionEcrite,
  TraductionOrale,
  VersionAppliquee,
  VersionTarifInterpretes,
} from "./tarifs.model.js";
/** No usable tariff at this date for this prestation (before the first version, or figures not sourced). */
export { TarifInconnu } from "./tarifs.errors.js";

// ----- Types de prestation -----------------------------------------------------------------------

/**
 * Catalogue of types de prestation: portal label, reference text, catégories de prestataire and
 * whether the cost is tariffed (CPP R224-1 1°: tariffed costs may always be certified).
 */
export { TYPES_PRESTATION } from "./tarifs.prestations.js";
/** Every catégorie de prestataire (CPP R92 3° to 6°, R93). */
export { CATEGORIES_PRESTATAIRE } from "./tarifs.prestations.js";
/** The type de prestation with this code, as an `Option`. */
export { typePrestation } from "./tarifs.prestations.js";
/** Whether the type de prestation is tariffed (CPP R224-1 1°); `false` for an unknown code. */
export { estTarife } from "./tarifs.prestations.js";
/** A type de prestation, its code and the catégories de prestataire. */
export type { CategoriePrestataire, CodeTypePrestation, TypePrestation } from "./tarifs.prestations.js";

// ----- Certification threshold (CPP R224-1 3°, A43-16) ---------------------------------------------

/**
 * The certification threshold over time: 1 500 € (CPP A43-16). The 460 € of the 2025 Sénat report
 * is a proposal and is not a version; add a dated version once an arrêté fixes it.
 */
export { SEUILS_CERTIFICATION } from "./tarifs.seuils.js";
/** The threshold under which a non-tariffed cost may be certified on a date (CPP R224-1 3°, A43-16). */
export { seuilCertification } from "./tarifs.seuils.js";
/** The threshold version in force on a date, with its source (`applicableDepuis` `none` for the original amount). */
export { versionSeuilCertification } from "./tarifs.seuils.js";
/** Types of the threshold setting. */
export type { SeuilsCertification, VersionSeuilCertification, VersionSeuilCertificationDatee } from "./tarifs.model.js";
