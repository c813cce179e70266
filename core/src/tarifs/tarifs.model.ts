import { type BigDecimal } from "effect";
import { type Temporal } from "temporal-polyfill";

/** Percentages of the majorations of the oral translation hour, each applied to the base rate. */
export interface TauxMajorations {
  /** First hour of translation (A43-7 1°), in percent: `40`. */
  readonly premiereHeure: BigDecimal.BigDecimal;
  /** Hour performed between 22:00 and 07:00 (A43-7 2°), in percent: `25`. */
  readonly nuit: BigDecimal.BigDecimal;
  /** Hour performed on a Saturday, a Sunday or a public holiday (A43-7 3°), in percent: `25`. */
  readonly samediDimancheFerie: BigDecimal.BigDecimal;
}

/** A dated version of the interprètes-traducteurs table whose figures are known and sourced. */
export interface BaremeInterpretes {
  readonly _tag: "BaremeInterpretes";
  /** First day (date of the prestation) the version applies to. */
  readonly applicableDepuis: Temporal.PlainDate;
  /** The legal text the figures come from. */
  readonly source: string;
  /** Price of one page of written translation (250 words), HT. */
  readonly tarifPage: BigDecimal.BigDecimal;
  /** Base price of one hour of oral translation, HT. */
  readonly tarifHeure: BigDecimal.BigDecimal;
  readonly majorations: TauxMajorations;
}

/**
 * A dated version known to exist but whose figures are not (yet) taken from the official text:
 * every prestation it governs is refused with `TarifInconnu` rather than priced by a guess.
 */
export interface BaremeNonSource {
  readonly _tag: "BaremeNonSource";
  readonly applicableDepuis: Temporal.PlainDate;
  readonly source: string;
  /** Why it cannot be used, repeated in the `TarifInconnu` error. */
  readonly raison: string;
}

/** One dated version of the interprètes-traducteurs table (CPP R122, A43-7). */
export type VersionTarifInterpretes = BaremeInterpretes | BaremeNonSource;

/** The version a computation used: when it started to apply, and its legal source. */
export interface VersionAppliquee {
  readonly applicableDepuis: Temporal.PlainDate;
  readonly source: string;
}

/** Codes of the majorations of an oral translation hour (A43-7 1° to 3°). */
export type CodeMajoration = "PREMIERE_HEURE" | "NUIT" | "SAMEDI_DIMANCHE_FERIE";

/** One majoration applied to one hour slot. */
export interface MajorationAppliquee {
  readonly code: CodeMajoration;
  /** Percentage of the base rate: `40`, `25`. */
  readonly taux: BigDecimal.BigDecimal;
  /** Why it applies, in words ("Heure commencée un samedi", "Lundi de Pâques"...). */
  readonly libelle: string;
  /** `base × taux / 100`, rounded to the cent (informative: the slot amount is rounded once). */
  readonly montant: BigDecimal.BigDecimal;
}

/** One started hour of presence of an oral translation, due in full. */
export interface HeureDePresence {
  readonly _tag: "HeureDePresence";
  /** 1 for the first hour. */
  readonly rang: number;
  /** Local (Europe/Paris) wall-clock start, `YYYY-MM-DDTHH:mm` (`:ss` when not zero). */
  readonly debut: string;
  /** Local wall-clock end of the slot (one real hour after its start, even past the end of presence). */
  readonly fin: string;
  /** Base hourly rate of the version. */
  readonly base: BigDecimal.BigDecimal;
  readonly majorations: ReadonlyArray<MajorationAppliquee>;
  /** `round(base × (1 + Σ taux / 100))`, half away from zero, to the cent. */
  readonly montant: BigDecimal.BigDecimal;
}

/** The pages of a written translation. */
export interface PagesTraduites {
  readonly _tag: "PagesTraduites";
  readonly mots: number;
  /** `ceil(mots / 250)`. */
  readonly pages: number;
  readonly tarifPage: BigDecimal.BigDecimal;
  /** `pages × tarifPage`, to the cent. */
  readonly montant: BigDecimal.BigDecimal;
}

/** One line of the breakdown of a tariffed amount. */
export type LigneDetail = HeureDePresence | PagesTraduites;

/** Codes of the tariffs this module computes. */
export type CodeCalcul = "TRADUCTION_ORALE" | "TRADUCTION_ECRITE";

/** A tariffed amount with the version used and a breakdown showing every majoration applied. */
export interface CalculTarif {
  readonly typePrestation: CodeCalcul;
  /** Total HT (tariffs are set HT, CPP R91), the sum of the breakdown amounts. */
  readonly montantHt: BigDecimal.BigDecimal;
  readonly version: VersionAppliquee;
  readonly detail: ReadonlyArray<LigneDetail>;
}

/** A decoded oral translation: start and end of presence as instants in Europe/Paris. */
export interface TraductionOrale {
  readonly debut: Temporal.ZonedDateTime;
  readonly fin: Temporal.ZonedDateTime;
}

/** A decoded written translation. */
export interface TraductionEcrite {
  /** Number of words of the French text, integer > 0. */
  readonly mots: number;
  /** Date of the prestation (delivery of the translation). */
  readonly date: Temporal.PlainDate;
}

/** Raw oral-translation input, as typed by a user or given on the command line. */
export interface SaisieTraductionOrale {
  readonly debut?: string | undefined;
  readonly fin?: string | undefined;
}

/** Raw written-translation input, as typed by a user or given on the command line. */
export interface SaisieTraductionEcrite {
  readonly mots?: string | number | undefined;
  readonly date?: string | undefined;
}

/** The certification threshold as it stands from a given date (CPP R224-1 3°, A43-16). */
export interface VersionSeuilCertification {
  /** The amount under which a non-tariffed cost may be certified. */
  readonly montant: BigDecimal.BigDecimal;
  /** The legal text fixing it. */
  readonly source: string;
}

/** A threshold version with a sourced start date. */
export interface VersionSeuilCertificationDatee extends VersionSeuilCertification {
  /** First day (date of the mémoire's certification check) the amount applies. */
  readonly applicableDepuis: Temporal.PlainDate;
}

/**
 * The certification threshold over time: the amount in force before any dated change (`origine`,
 * whose start is not sourced), then the dated versions. Always gives an amount for any date.
 */
export interface SeuilsCertification {
  readonly origine: VersionSeuilCertification;
  readonly versions: ReadonlyArray<VersionSeuilCertificationDatee>;
}
