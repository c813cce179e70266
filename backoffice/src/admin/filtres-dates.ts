import type { ActionContext, ActionRequest, ActionResponse } from "adminjs";
import { bornesJour } from "./jours-paris.js";
import { TRADUCTION_FR } from "./locale/fr.js";

/** A property's label in the back-office's locale (the API's action context carries no translate function). */
const libellePropriete = (ressource: string, chemin: string): string => {
  const ressources = TRADUCTION_FR.resources as Readonly<Record<string, { readonly properties?: Readonly<Record<string, unknown>> }>>;
  const libelle = ressources[ressource]?.properties?.[chemin];
  return typeof libelle === "string" ? libelle : chemin;
};

/** A date filter's key in a list request: `filters.<path>~~from` or `filters.<path>~~to`. */
const CLE_FILTRE_DATE = /^filters\.(.+)~~(from|to)$/;

/**
 * The date filters of a list request whose value is neither a day nor an instant (a hand-edited or
 * truncated URL: the calendar only sends days), named as the agent reads them: « Date de dépôt (du)
 * « 31/02 » ». The resource reads such a value as no criterion (jours-paris.ts, `bornesJour`).
 */
export const datesIllisibles = (
  query: Readonly<Record<string, unknown>> | undefined,
  typeDe: (chemin: string) => string | undefined,
  libelle: (chemin: string) => string,
): ReadonlyArray<string> => {
  const illisibles: Array<string> = [];
  for (const [cle, valeur] of Object.entries(query ?? {})) {
    const m = CLE_FILTRE_DATE.exec(cle);
    const chemin = m?.[1];
    if (m === null || chemin === undefined) continue;
    const type = typeDe(chemin);
    if (type !== "datetime" && type !== "date") continue;
    if (typeof valeur !== "string" || valeur.trim() === "" || bornesJour(valeur) !== undefined) continue;
    // Echoed as typed, shortened, without the braces the screen's translation would read as a placeholder.
    illisibles.push(`${libelle(chemin)} (${m[2] === "from" ? "du" : "au"}) « ${valeur.trim().slice(0, 40).replace(/[{}]/g, "")} »`);
  }
  return illisibles;
};

/**
 * `after` of a list action: when a date filter cannot be read, the list (answered without that
 * criterion, as before) comes with a notice that says so, instead of silently showing more rows than
 * the agent asked for.
 */
export const avertirDatesIllisibles = <R extends ActionResponse>(response: R, request: ActionRequest, context: ActionContext): R => {
  const { resource } = context;
  const illisibles = datesIllisibles(
    request.query,
    (chemin) => resource.property(chemin)?.type(),
    (chemin) => libellePropriete(resource.id(), chemin),
  );
  if (illisibles.length === 0) return response;
  const pluriel = illisibles.length > 1;
  return {
    ...response,
    notice: {
      message: `${pluriel ? "Dates illisibles" : "Date illisible"}, ${pluriel ? "critères non appliqués" : "critère non appliqué"} — ${illisibles.join(", ")} ; choisissez un jour dans le calendrier (JJ/MM/AAAA)`,
      type: "error",
    },
  };
};
