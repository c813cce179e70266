// Dates as court agents read them everywhere in the back-office: "15/04/2021 15:34", French order,
// Europe/Paris time whatever the browser's zone (the show pages are written the same way by the server).
const DATE_HEURE = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "short" });

/** A property value of type `datetime` ("2021-04-15T13:34:00.000Z") or `date` ("2021-04-15") as French text. */
export const texteDate = (valeur, type) => {
  if (valeur === undefined || valeur === null || valeur === "") return "";
  const jour = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(valeur));
  // A calendar day has no time zone: written as stored, never shifted.
  if (type === "date" && jour !== null) return `${jour[3]}/${jour[2]}/${jour[1]}`;
  const d = new Date(valeur);
  return Number.isNaN(d.getTime()) ? String(valeur) : DATE_HEURE.format(d);
};

const JOUR_PARIS = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date in Europe/Paris, "YYYY-MM-DD" (a form's default date: at 00:30 in Paris, UTC still says yesterday). */
export const aujourdhuiParis = () => JOUR_PARIS.format(new Date());
