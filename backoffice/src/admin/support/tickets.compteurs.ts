import { PARAMETRES_TABLEAU_DE_BORD_PAR_DEFAUT, REFERENTIELS, libelleFile, memeFile, type CompteurFile, type FileTicket } from "@frais-justice/support";
import { cleFile } from "./tickets.libelles.js";

/** Catégorie codes by label, over every version of the tree (the counts name catégories by label). */
const CODES_CATEGORIES = new Map(REFERENTIELS.flatMap((r) => r.categories).map((c) => [c.libelle, c.code]));

/** The counts of one catégorie of a queue. */
export interface CompteursCategorie {
  readonly code: string;
  readonly libelle: string;
  readonly ouverts: number;
  readonly enAttente: number;
  readonly enRetard: number;
}

/** One queue of the agent with its totals and its catégories (the queues page and the dashboard). */
export interface SyntheseFile {
  /** Filter value of the queue (`SUPPORT_NATIONAL`, `SM-750`). */
  readonly cle: string;
  readonly libelle: string;
  readonly ouverts: number;
  readonly enAttente: number;
  readonly enRetard: number;
  readonly categories: ReadonlyArray<CompteursCategorie>;
}

/** The support part of the dashboard: the agent's queues, their totals, and the overdue delay. */
export interface SyntheseSupport {
  readonly files: ReadonlyArray<SyntheseFile>;
  readonly totaux: { readonly ouverts: number; readonly enAttente: number; readonly enRetard: number };
  readonly joursAvantRetard: number;
}

/**
 * Groups the counts by queue, in the order of `files` (every queue of the agent appears, even
 * empty), catégories by French label; counts of queues outside `files` are ignored.
 */
export const syntheseSupport = (
  files: ReadonlyArray<FileTicket>,
  compteurs: ReadonlyArray<CompteurFile>,
  joursAvantRetard: number = PARAMETRES_TABLEAU_DE_BORD_PAR_DEFAUT.joursAvantRetard,
): SyntheseSupport => {
  const synthese = files.map((file): SyntheseFile => {
    const siens = compteurs.filter((c) => memeFile(c.file, file));
    const parCategorie = new Map<string, { code: string; libelle: string; ouverts: number; enAttente: number; enRetard: number }>();
    for (const c of siens) {
      const code = CODES_CATEGORIES.get(c.categorie) ?? c.categorie;
      const l = parCategorie.get(code) ?? { code, libelle: c.categorie, ouverts: 0, enAttente: 0, enRetard: 0 };
      l.ouverts += c.ouverts;
      l.enAttente += c.enAttente;
      l.enRetard += c.enRetard;
      parCategorie.set(code, l);
    }
    const categories = [...parCategorie.values()].sort((a, b) => a.libelle.localeCompare(b.libelle, "fr"));
    const somme = (k: "ouverts" | "enAttente" | "enRetard") => categories.reduce((n, c) => n + c[k], 0);
    return { cle: cleFile(file), libelle: libelleFile(file), ouverts: somme("ouverts"), enAttente: somme("enAttente"), enRetard: somme("enRetard"), categories };
  });
  const total = (k: "ouverts" | "enAttente" | "enRetard") => synthese.reduce((n, f) => n + f[k], 0);
  return { files: synthese, totaux: { ouverts: total("ouverts"), enAttente: total("enAttente"), enRetard: total("enRetard") }, joursAvantRetard };
};
