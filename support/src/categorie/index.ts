/**
 * Catégories and sous-catégories of support tickets (a dated, two-level reference tree), the type
 * d'objet each sous-catégorie takes, and the routing of a ticket to its queue (DOMAIN.md §5, seed 001).
 * @module
 */

/** Types d'objet, the tree's shape, routing modes and queues. */
export {
  TypeObjet,
  TYPES_OBJET,
  LIBELLES_TYPE_OBJET,
  type Routage,
  type SousCategorie,
  type Categorie,
  type ReferentielCategories,
  type JuridictionFile,
  type FileTicket,
} from "./categorie.model.js";

/** A date with no applicable version of the tree; a pair of codes absent from it. */
export { ReferentielIntrouvable, CategorieInconnue } from "./categorie.errors.js";

/** The 2026 tree (seed 001 topics), the known versions, the version applicable at a date, lookup by codes. */
export { REFERENTIEL_2026, REFERENTIELS, referentielApplicable, trouverSousCategorie } from "./categorie.referentiel.js";

/** Routing: the destination queue of a ticket, the queues that exist, their `autoriser` target and label. */
export {
  SUPPORT_NATIONAL,
  serviceMetier,
  filesExistantes,
  memeFile,
  router,
  cibleDeLaFile,
  libelleFile,
} from "./categorie.routage.js";
