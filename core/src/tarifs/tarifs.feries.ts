import { Option } from "effect";
import { Temporal } from "temporal-polyfill";

/** The eleven national public holidays (Code du travail, art. L3133-1). */
export type CodeJourFerie =
  | "JOUR_DE_L_AN"
  | "LUNDI_DE_PAQUES"
  | "FETE_DU_TRAVAIL"
  | "VICTOIRE_1945"
  | "ASCENSION"
  | "LUNDI_DE_PENTECOTE"
  | "FETE_NATIONALE"
  | "ASSOMPTION"
  | "TOUSSAINT"
  | "ARMISTICE_1918"
  | "NOEL";

/** A public holiday of a given year. */
export interface JourFerie {
  readonly code: CodeJourFerie;
  /** The name as people say it: "Lundi de Pâques", "14 juillet"... */
  readonly nom: string;
  readonly date: Temporal.PlainDate;
}

/**
 * Easter Sunday of a Gregorian year, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
 * Integer arithmetic only; meaningful for the Gregorian calendar (1583 onwards).
 */
export const dimancheDePaques = (annee: number): Temporal.PlainDate => {
  const a = annee % 19;
  const b = Math.floor(annee / 100);
  const c = annee % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const mois = Math.floor((h + l - 7 * m + 114) / 31);
  const jour = ((h + l - 7 * m + 114) % 31) + 1;
  return Temporal.PlainDate.from({ year: annee, month: mois, day: jour });
};

const fixe = (annee: number, code: CodeJourFerie, nom: string, month: number, day: number): JourFerie => ({
  code,
  nom,
  date: Temporal.PlainDate.from({ year: annee, month, day }),
});

/**
 * The national public holidays of a year, in calendar order of their definition (11 entries; two may
 * fall on the same day, e.g. Ascension on 1 May 2008).
 */
export const joursFeries = (annee: number): ReadonlyArray<JourFerie> => {
  const paques = dimancheDePaques(annee);
  const mobile = (code: CodeJourFerie, nom: string, jours: number): JourFerie => ({ code, nom, date: paques.add({ days: jours }) });
  return [
    fixe(annee, "JOUR_DE_L_AN", "Jour de l'an", 1, 1),
    mobile("LUNDI_DE_PAQUES", "Lundi de Pâques", 1),
    fixe(annee, "FETE_DU_TRAVAIL", "Fête du travail", 5, 1),
    fixe(annee, "VICTOIRE_1945", "Victoire 1945", 5, 8),
    mobile("ASCENSION", "Ascension", 39),
    mobile("LUNDI_DE_PENTECOTE", "Lundi de Pentecôte", 50),
    fixe(annee, "FETE_NATIONALE", "Fête nationale", 7, 14),
    fixe(annee, "ASSOMPTION", "Assomption", 8, 15),
    fixe(annee, "TOUSSAINT", "Toussaint", 11, 1),
    fixe(annee, "ARMISTICE_1918", "Armistice 1918", 11, 11),
    fixe(annee, "NOEL", "Noël", 12, 25),
  ];
};

/** The public holiday falling on this date, if any (the first one listed when two coincide). */
export const jourFerie = (date: Temporal.PlainDate): Option.Option<JourFerie> =>
  Option.fromNullable(joursFeries(date.year).find((j) => Temporal.PlainDate.compare(j.date, date) === 0));

/** Whether the date is a national public holiday. */
export const estJourFerie = (date: Temporal.PlainDate): boolean => Option.isSome(jourFerie(date));
