import { LIBELLES_CATEGORIE } from "../../organisation/organisation.libelles.js";
import type { AutoriteRequerante, EtatMemoire, ModeDepot, SensDecisionRecours, TypePieceJointe, TypeTvaMemoire } from "@frais-justice/core/memoire";
import type { RoleAgent } from "@frais-justice/core/autorisation";
import type { TypeJuridiction } from "@frais-justice/core/juridiction";
import { CategoriePrestataireSchema, type CategoriePrestataire as CategorieStructure, type TypeIdentifiantStructure } from "@frais-justice/core/structure";
import { CATEGORIES_PRESTATAIRE, TYPES_PRESTATION, type CategoriePrestataire as CategorieTarifs } from "@frais-justice/core/tarifs";

/** French labels of the internal states (court side sees them all; prestataires see `statutVisible`). */
export const LIBELLES_ETATS: { readonly [E in EtatMemoire]: string } = {
  BROUILLON: "Brouillon",
  SUPPRIME: "Supprimé",
  ENVOYE: "Envoyé",
  MIS_A_DISPOSITION: "Mis à disposition",
  A_TAXER: "À taxer",
  CERTIFIE: "Certifié",
  TAXE: "Taxé",
  VALIDE: "Demande de paiement validée",
  MIS_EN_PAIEMENT: "Mis en paiement",
  REFUSE: "Refusé",
  ABANDONNE: "Abandonné",
  DUPLIQUE_POST_REFUS: "Dupliqué post refus",
};

/** States the court never sees (drafts are the prestataire's; deleted drafts are no one's). */
export const ETATS_INVISIBLES_JURIDICTION: ReadonlyArray<EtatMemoire> = ["BROUILLON", "SUPPRIME"];

/**
 * The states in which a mémoire waits for an agent of this role ("à traiter" filter). A taxed mémoire
 * waits for the greffier while its ordonnance, differing from the request, is to be notified, and for
 * the ordonnateur once its payment may be validated (`criteresDepuisFiltre`, CPP R228-1).
 */
export const ETATS_EN_ATTENTE_DU_ROLE: { readonly [R in RoleAgent]: ReadonlyArray<EtatMemoire> } = {
  GREFFIER: ["MIS_A_DISPOSITION"],
  MAGISTRAT_TAXATEUR: ["A_TAXER"],
  ORDONNATEUR: ["CERTIFIE"],
  COMPTABLE: ["VALIDE"],
  SUPPORT: [],
  ADMINISTRATEUR: [],
};

export const LIBELLES_ROLES: { readonly [R in RoleAgent]: string } = {
  GREFFIER: "Greffier",
  MAGISTRAT_TAXATEUR: "Magistrat taxateur",
  ORDONNATEUR: "Ordonnateur",
  COMPTABLE: "Comptable",
  SUPPORT: "Support",
  ADMINISTRATEUR: "Administrateur",
};

/** The kinds of juridiction, in core's order (a new kind in core fails to compile here). */
export const LIBELLES_TYPES_JURIDICTION: { readonly [T in TypeJuridiction]: string } = {
  TRIBUNAL_JUDICIAIRE: "Tribunal judiciaire",
  COUR_APPEL: "Cour d'appel",
  CONSEIL_PRUD_HOMMES: "Conseil de prud'hommes",
  TRIBUNAL_COMMERCE: "Tribunal de commerce",
  TRIBUNAL_POLICE: "Tribunal de police",
  TRIBUNAL_PROXIMITE: "Tribunal de proximité",
  COUR_ASSISES: "Cour d'assises",
};

export const LIBELLES_MOTIFS_REFUS: { readonly [m: string]: string } = {
  DONNEES_ERRONEES: "Données erronées",
  PIECE_JOINTE_MANQUANTE: "Pièce jointe manquante",
  FORCLUSION: "Forclusion",
  HORS_FRAIS_DE_JUSTICE: "Hors frais de justice",
  DOUBLON: "Doublon",
  AUTRE: "Autre",
};

/** The senses of the chambre de l'instruction's decision on an appeal against an ordonnance de taxe (CPP R228-1). */
export const LIBELLES_SENS_DECISION: { readonly [s in SensDecisionRecours]: string } = {
  CONFIRMATION: "ordonnance confirmée",
  REFORMATION: "ordonnance réformée",
  IRRECEVABILITE: "recours irrecevable",
  DESISTEMENT: "désistement constaté",
};

/** The kinds of attachment of a mémoire (DOMAIN.md §3 "Pièces jointes"), in French. */
export const LIBELLES_TYPES_PIECE: { readonly [t in TypePieceJointe]: string } = {
  REQUISITION: "Réquisition",
  ATTESTATION_MISSION: "Attestation de mission / de service fait",
  BORDEREAU_FRAIS: "Bordereau des frais divers",
  DEVIS: "Devis",
  BON_DE_COMMANDE: "Bon de commande",
  RAPPORT: "Rapport",
  DECLARATION_HONNEUR: "Déclaration sur l'honneur",
  COORDONNEE_BANCAIRE: "Coordonnée bancaire",
  AUTRE: "Autre",
};

const ESPACE_FINE = "\u202f";

/**
 * "1234.5" → "1 234,50 €": French writing of an exact decimal string (never through a float).
 * Non-decimal input is returned as is.
 */
export const euros = (valeur: string | number | null | undefined): string => {
  const montant = valeur === null || valeur === undefined ? valeur : String(valeur);
  if (montant === null || montant === undefined || montant === "") return "";
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(montant.trim());
  if (m === null) return montant;
  const [, signe, entier = "0", decimales = ""] = m;
  const groupes = entier.replace(/\B(?=(\d{3})+(?!\d))/g, ESPACE_FINE);
  return `${signe}${groupes},${decimales.padEnd(2, "0").slice(0, 2)}${ESPACE_FINE}€`;
};

/** "5.5" → "5,5 %": a VAT rate as core writes it (exact decimal string), in French. */
export const taux = (valeur: string | number | null | undefined): string => {
  if (valeur === null || valeur === undefined || valeur === "") return "";
  return `${String(valeur).replace(".", ",")}${ESPACE_FINE}%`;
};

/** "2026-02-28" → "28/02/2026": a calendar day as core writes it (no time, no time zone); anything else as is. */
export const jour = (valeur: string | null | undefined): string => {
  if (valeur === null || valeur === undefined) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(valeur);
  return m === null ? valeur : `${m[3]}/${m[2]}/${m[1]}`;
};

/** The labels of the mémoire's VAT regime, as the deposit form writes them. */
export const LIBELLES_TYPES_TVA: { readonly [T in typeof TypeTvaMemoire.Type]: string } = {
  TVA_SUR_DEBIT: "TVA sur les débits",
  TVA_SUR_ENCAISSEMENT: "TVA sur les encaissements",
  EXONERATION: "Exonéré",
  SANS_TVA: "Sans TVA",
};

/** How the mémoire reached the court. */
export const LIBELLES_MODES_DEPOT: { readonly [M in ModeDepot]: string } = {
  SAISIE_WEB: "Saisie sur le portail",
  FLUX: "Flux (dépôt de fichier)",
  API: "API",
};

// Formatters built once: `Date#toLocaleString` with options builds a new one on every call (tens of
// microseconds each, several per row of a list and per event of a history).
const FORMAT_DATE_HEURE = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "short" });
const FORMAT_DATE = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris" });

/** "2026-11-22T06:30:00Z" → "22/11/2026 07:30" (Europe/Paris). */
export const dateHeure = (d: Date | undefined | null): string => (d === undefined || d === null ? "" : FORMAT_DATE_HEURE.format(d));

/** "22/11/2026" (Europe/Paris). */
export const date = (d: Date | undefined | null): string => (d === undefined || d === null ? "" : FORMAT_DATE.format(d));

/**
 * French labels of the catégories de prestataire: core has two code lists (the tariffs' catalogue
 * and the structure's default category), both covered here — a new code in core fails to compile.
 */
export const LIBELLES_CATEGORIES: { readonly [C in CategorieTarifs | CategorieStructure]: string } = {
  // The structure's codes in the words of its own screens (one wording on every screen).
  ...LIBELLES_CATEGORIE,
  ENQUETEUR_PERSONNALITE: "Enquêteur de personnalité",
  GARDIEN_FOURRIERE: "Gardien de fourrière",
  GARDIEN_SCELLES: "Gardien de scellés",
  OPERATEUR_TELECOMMUNICATIONS: "Opérateur de télécommunications",
};

/** The catégories in core's order (the tariffs' catalogue, then the structure's own codes). */
export const CATEGORIES: ReadonlyArray<CategorieTarifs | CategorieStructure> = [...new Set([...CATEGORIES_PRESTATAIRE, ...CategoriePrestataireSchema.literals])];

const libelleDe = (libelles: { readonly [code: string]: string }, code: string | null | undefined): string =>
  code === null || code === undefined || code === "" ? "" : Object.hasOwn(libelles, code) ? (libelles[code] ?? code) : code;

/** "EXPERT" → "Expert"; an unknown code is shown as is. */
export const libelleCategorie = (code: string | null | undefined): string => libelleDe(LIBELLES_CATEGORIES, code);

/** French labels of core's autorités requérantes (DOMAIN.md §1). */
export const LIBELLES_AUTORITES: { readonly [A in AutoriteRequerante]: string } = {
  OFFICIER_POLICE_JUDICIAIRE: "Officier de police judiciaire",
  PROCUREUR_REPUBLIQUE: "Procureur de la République",
  JUGE_INSTRUCTION: "Juge d'instruction",
  JUGE_ENFANTS: "Juge des enfants",
  TRIBUNAL_POLICE: "Tribunal de police",
  TRIBUNAL_CORRECTIONNEL: "Tribunal correctionnel",
  COUR_ASSISES: "Cour d'assises",
  JUGE_APPLICATION_PEINES: "Juge de l'application des peines",
  PRESIDENT_TRIBUNAL: "Président du tribunal",
};

/** "TVA_SUR_DEBIT" → "TVA sur les débits"; an unknown code is shown as is. */
export const libelleTypeTva = (code: string | null | undefined): string => libelleDe(LIBELLES_TYPES_TVA, code);

/** "SAISIE_WEB" → "Saisie sur le portail"; an unknown code is shown as is. */
export const libelleModeDepot = (code: string | null | undefined): string => libelleDe(LIBELLES_MODES_DEPOT, code);

/** "JUGE_INSTRUCTION" → "Juge d'instruction"; an unknown code is shown as is. */
export const libelleAutorite = (code: string | null | undefined): string => libelleDe(LIBELLES_AUTORITES, code);

const LIBELLES_TYPES_PRESTATION: { readonly [code: string]: string } = Object.fromEntries(TYPES_PRESTATION.map((t) => [t.code, t.libelle]));

/** The label of core's catalogue of types de prestation ("Traduction orale (R122)"); an unknown code as is. */
export const libelleTypePrestation = (code: string | null | undefined): string => libelleDe(LIBELLES_TYPES_PRESTATION, code);

/** "COMPAGNIE X (SIRET 31486913200048)"; the structure id when the structure is unknown. */
export const libellePrestataire = (structureId: string, raisonSociale: string | null | undefined, identifiant?: string | null): string =>
  raisonSociale === null || raisonSociale === undefined || raisonSociale === "" ? structureId : identifiant === null || identifiant === undefined || identifiant === "" ? raisonSociale : `${raisonSociale} (${identifiant})`;

/** A structure's identifier type, short (the show page writes it before the value: « Particulier 2650633063 »). */
const TYPES_IDENTIFIANT_COURTS: { readonly [T in TypeIdentifiantStructure]: string } = {
  SIRET: "SIRET",
  PARTICULIER: "Particulier",
  UE_HORS_FRANCE: "TVA intracommunautaire",
  HORS_UE: "Identifiant hors UE",
  RIDET: "RIDET",
  TAHITI: "N° TAHITI",
  AUTRE: "Identifiant",
};

/** « SIRET 73282932000074 », « Particulier 2650633063 »: never core's code (« PARTICULIER »). */
export const identifiantLisible = (type: string, valeur: string): string => `${TYPES_IDENTIFIANT_COURTS[type as TypeIdentifiantStructure] ?? type} ${valeur}`;
