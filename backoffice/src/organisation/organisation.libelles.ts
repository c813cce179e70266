import type { Application, ModeHabilitation, RoleStructure } from "@frais-justice/core/autorisation";
import { libelleProfil } from "@frais-justice/core/habilitation";
import type { CategoriePrestataire, Regime, StatutStructure, TypeIdentifiantStructure } from "@frais-justice/core/structure";

/** French labels of the organisation codes, as the screens show them (never the raw code). */
export const LIBELLES_TYPE_IDENTIFIANT: { readonly [T in TypeIdentifiantStructure]: string } = {
  SIRET: "SIRET",
  PARTICULIER: "Particulier (personne physique sans SIRET)",
  UE_HORS_FRANCE: "TVA intracommunautaire (UE hors France)",
  HORS_UE: "Hors Union européenne",
  RIDET: "RIDET (Nouvelle-Calédonie)",
  TAHITI: "N° TAHITI (Polynésie française)",
  AUTRE: "Autre",
};

/** The structure's catégorie de prestataire; the mémoires' screens reuse these words (`LIBELLES_CATEGORIES`). */
export const LIBELLES_CATEGORIE: { readonly [C in CategoriePrestataire]: string } = {
  INTERPRETE_TRADUCTEUR: "Interprète-traducteur",
  EXPERT: "Expert",
  ENQUETEUR_SOCIAL: "Enquêteur social",
  DELEGUE_MEDIATEUR_PROCUREUR: "Délégué ou médiateur du procureur",
  ADMINISTRATEUR_AD_HOC: "Administrateur ad hoc",
  LABORATOIRE: "Laboratoire",
  GARDIEN_FOURRIERE_SCELLES: "Gardien de fourrière ou de scellés",
  COMMISSAIRE_DE_JUSTICE: "Commissaire de justice",
  OPERATEUR_TELECOM: "Opérateur de télécommunications",
  AUTRE: "Autre",
};

export const LIBELLES_REGIME: { readonly [R in Regime]: string } = { COSP: "COSP (collaborateur occasionnel du service public)", INDEPENDANT: "Indépendant" };

export const LIBELLES_STATUT_STRUCTURE: { readonly [S in StatutStructure]: string } = { ACTIF: "Active", INACTIF: "Inactive" };

export const LIBELLES_ROLE_STRUCTURE: { readonly [R in RoleStructure]: string } = {
  GESTIONNAIRE_PRINCIPAL: "Gestionnaire principal",
  GESTIONNAIRE_SECONDAIRE: "Gestionnaire secondaire",
  UTILISATEUR: "Utilisateur simple",
};

export const LIBELLES_STATUT_MANDAT = { EN_ATTENTE_SIGNATURE: "En attente de signature", SIGNE: "Signé (actif)", REVOQUE: "Révoqué" } as const;

export const LIBELLES_STATUT_UTILISATEUR = { EN_ATTENTE_ACTIVATION: "En attente d'activation", ACTIF: "Actif" } as const;

/** « Frais de justice consultation », as the portal names a profile. */
export const libelleHabilitation = (application: Application, mode: ModeHabilitation): string => libelleProfil(application, mode);

/** `{ value, label }` pairs for AdminJS's `availableValues`. */
export const valeurs = (libelles: Readonly<Record<string, string>>): Array<{ value: string; label: string }> =>
  Object.entries(libelles).map(([value, label]) => ({ value, label }));

/**
 * An IBAN shown partly masked: country and check digits, then only the last 4 characters
 * (`FR76 •••• •••• •••• •••• •••0 189`): enough to recognise an account, not to reuse it.
 */
export const masquerIban = (iban: string): string => {
  const compact = iban.replace(/\s+/g, "");
  if (compact.length <= 8) return "•".repeat(compact.length);
  const masque = compact.slice(0, 4) + "•".repeat(compact.length - 8) + compact.slice(-4);
  return masque.replace(/(.{4})(?=.)/g, "$1 ");
};
