/**
 * Days as court agents mean them: calendar days in Europe/Paris, whatever the browser's or the
 * server's zone (the lists and pages write every instant in Europe/Paris). A date filter « du 21/11 au
 * 21/11 » is the whole of 21 November in Paris: from its midnight, up to the next midnight.
 */
const FUSEAU = "Europe/Paris";
const PARTIES = new Intl.DateTimeFormat("en-CA", { timeZone: FUSEAU, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
const JOUR = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Wall-clock fields of an instant in Europe/Paris. */
const horloge = (instant: Date): { readonly annee: number; readonly mois: number; readonly jour: number; readonly heure: number; readonly minute: number; readonly seconde: number } => {
  const p = Object.fromEntries(PARTIES.formatToParts(instant).map((x) => [x.type, Number(x.value)]));
  return { annee: p["year"] ?? 0, mois: p["month"] ?? 0, jour: p["day"] ?? 0, heure: p["hour"] ?? 0, minute: p["minute"] ?? 0, seconde: p["second"] ?? 0 };
};

/** "YYYY-MM-DD": the calendar day of an instant in Europe/Paris. */
export const jourParis = (instant: Date): string => {
  const h = horloge(instant);
  return `${String(h.annee).padStart(4, "0")}-${String(h.mois).padStart(2, "0")}-${String(h.jour).padStart(2, "0")}`;
};

/**
 * The instant a Paris calendar day begins ("2026-11-21" → 2026-11-20T23:00:00Z), or undefined for
 * anything that is not a valid "YYYY-MM-DD" day. Midnight always exists in Paris (the clocks change at
 * 2 or 3 a.m.): the offset is read at the UTC midnight of the day and checked once.
 */
export const debutJourParis = (jour: string): Date | undefined => {
  const m = JOUR.exec(jour);
  if (m === null) return undefined;
  const [annee, mois, quantieme] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = Date.UTC(annee, mois - 1, quantieme);
  const verif = new Date(utc);
  if (verif.getUTCFullYear() !== annee || verif.getUTCMonth() !== mois - 1 || verif.getUTCDate() !== quantieme) return undefined;
  const decalage = (t: number): number => {
    const h = horloge(new Date(t));
    return Date.UTC(h.annee, h.mois - 1, h.jour, h.heure, h.minute, h.seconde) - t;
  };
  const essai = utc - decalage(utc);
  return new Date(utc - decalage(essai));
};

/** The day after a "YYYY-MM-DD" day. */
const lendemain = (jour: string): string => {
  const m = JOUR.exec(jour);
  if (m === null) return jour;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1)).toISOString().slice(0, 10);
};

/**
 * The bounds of a date filter's value: a "YYYY-MM-DD" day (what the back-office's date filter sends)
 * or an instant (an older URL, an API client). `debut`: the instant the day begins (an instant is
 * kept as given). `finExclue`: the instant the next Paris day begins — the filter's day is included
 * whole, whatever time an instant names. Undefined for an empty or unreadable value.
 */
export const bornesJour = (valeur: unknown): { readonly debut: Date; readonly finExclue: Date } | undefined => {
  if (typeof valeur !== "string" && !(valeur instanceof Date)) return undefined;
  const texte = valeur instanceof Date ? "" : valeur.trim();
  if (JOUR.test(texte)) {
    const debut = debutJourParis(texte);
    const fin = debutJourParis(lendemain(texte));
    return debut === undefined || fin === undefined ? undefined : { debut, finExclue: fin };
  }
  const instant = valeur instanceof Date ? valeur : texte === "" ? new Date(Number.NaN) : new Date(texte);
  if (Number.isNaN(instant.getTime())) return undefined;
  const fin = debutJourParis(lendemain(jourParis(instant)));
  return fin === undefined ? undefined : { debut: instant, finExclue: fin };
};
