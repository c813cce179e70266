import type { EtatMemoire } from "@frais-justice/core/memoire";
import type { RoleAgent } from "@frais-justice/core/autorisation";

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

/** The states in which a mémoire waits for an agent of this role ("à traiter" filter). */
export const ETATS_EN_ATTENTE_DU_ROLE: { readonly [R in RoleAgent]: ReadonlyArray<EtatMemoire> } = {
  GREFFIER: ["MIS_A_DISPOSITION"],
  MAGISTRAT_TAXATEUR: ["A_TAXER"],
  ORDONNATEUR: ["CERTIFIE", "TAXE"],
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

export const LIBELLES_MOTIFS_REFUS: { readonly [m: string]: string } = {
  DONNEES_ERRONEES: "Données erronées",
  PIECE_JOINTE_MANQUANTE: "Pièce jointe manquante",
  FORCLUSION: "Forclusion",
  HORS_FRAIS_DE_JUSTICE: "Hors frais de justice",
  DOUBLON: "Doublon",
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

/** "2026-11-22T06:30:00Z" → "22/11/2026 07:30" (Europe/Paris). */
export const dateHeure = (d: Date | undefined | null): string =>
  d === undefined || d === null ? "" : d.toLocaleString("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "short" });

/** "22/11/2026" (Europe/Paris). */
export const date = (d: Date | undefined | null): string => (d === undefined || d === null ? "" : d.toLocaleDateString("fr-FR", { timeZone: "Europe/Paris" }));
