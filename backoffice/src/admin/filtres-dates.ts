import type { ActionContext, ActionRequest, ActionResponse, BaseResource } from "adminjs";
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

/** A filter on one value in a list request: `filters.<path>`. */
const CLE_FILTRE_VALEUR = /^filters\.([^~]+)$/;

/**
 * The filters of a list request on a property with a closed list of values (état, catégorie, statut…)
 * whose value is not one of them (a hand-edited or outdated URL: the filter's list only sends its
 * own), named as the agent reads them: « État « PAYE » ».
 */
export const valeursInconnues = (
  query: Readonly<Record<string, unknown>> | undefined,
  valeursDe: (chemin: string) => ReadonlyArray<string> | undefined,
  libelle: (chemin: string) => string,
): ReadonlyArray<string> => {
  const inconnues: Array<string> = [];
  for (const [cle, valeur] of Object.entries(query ?? {})) {
    const chemin = CLE_FILTRE_VALEUR.exec(cle)?.[1];
    if (chemin === undefined) continue;
    const valeurs = valeursDe(chemin);
    if (valeurs === undefined || valeurs.length === 0 || typeof valeur !== "string" || valeur.trim() === "" || valeurs.includes(valeur)) continue;
    inconnues.push(`${libelle(chemin)} « ${valeur.trim().slice(0, 40).replace(/[{}]/g, "")} »`);
  }
  return inconnues;
};

/**
 * The choices of the filters whose list is the agent's own, read for this request (the mémoires'
 * juridictions, the tickets' queues: a value outside them lists nothing), by property path.
 */
export type ChoixDeLAgent = Readonly<Record<string, ReadonlyArray<string>>>;

/**
 * What a list request's filters hold that the list cannot apply as asked, in French: its unreadable
 * dates (the list is answered without those criteria) and its values none of the filter's list offers
 * (the property's fixed `availableValues`, or for a filter whose choices are the agent's own, `choix`);
 * `undefined` when there is none. Read by the lists' notice and by the CSV exports, which refuse them.
 */
export const avisFiltres = (query: Readonly<Record<string, unknown>> | undefined, resource: BaseResource, choix: ChoixDeLAgent = {}): string | undefined => {
  const libelle = (chemin: string) => libellePropriete(resource.id(), chemin);
  const illisibles = datesIllisibles(query, (chemin) => resource.property(chemin)?.type(), libelle);
  const inconnues = valeursInconnues(
    query,
    (chemin) => (Object.hasOwn(choix, chemin) ? choix[chemin] : resource.decorate().getPropertyByKey(chemin)?.availableValues()?.map((v) => String(v.value))),
    libelle,
  );
  const avis: Array<string> = [];
  if (illisibles.length > 0) {
    const pluriel = illisibles.length > 1;
    avis.push(
      `${pluriel ? "Dates illisibles" : "Date illisible"}, ${pluriel ? "critères non appliqués" : "critère non appliqué"} — ${illisibles.join(", ")} ; choisissez un jour dans le calendrier (JJ/MM/AAAA)`,
    );
  }
  if (inconnues.length > 0) {
    avis.push(`${inconnues.length > 1 ? "Valeurs inconnues" : "Valeur inconnue"} — ${inconnues.join(", ")} ; choisissez une valeur proposée par le filtre`);
  }
  return avis.length === 0 ? undefined : avis.join(". ");
};

/**
 * `after` of a list action: when a date filter cannot be read (the list is answered without that
 * criterion), or a filter's value is none of those its list offers, the list comes with a notice
 * that says so, instead of silently showing more rows, or none, than the agent asked for.
 */
export const avertirFiltresIllisibles = <R extends ActionResponse>(response: R, request: ActionRequest, context: ActionContext): R => avertir(response, avisFiltres(request.query, context.resource));

/** The response with the notice `message` (an error notice), or unchanged. */
export const avertir = <R extends ActionResponse>(response: R, message: string | undefined): R => (message === undefined ? response : { ...response, notice: { message, type: "error" } });
