import {
  LIBELLES_CATEGORIE,
  LIBELLES_STATUT_STRUCTURE,
  LIBELLES_STATUT_UTILISATEUR,
  LIBELLES_TYPE_IDENTIFIANT,
} from "../../organisation/organisation.libelles.js";

/** French labels of the organisation resources (merged into `TRADUCTION_FR.resources`). */
export const RESSOURCES_FR_ORGANISATION = {
  structures: {
    labels: {
      structures: "Structures",
      identifiantType: LIBELLES_TYPE_IDENTIFIANT,
      categorie: LIBELLES_CATEGORIE,
      statut: LIBELLES_STATUT_STRUCTURE,
    },
    properties: {
      id: "Identifiant interne",
      raisonSociale: "Raison sociale",
      identifiantType: "Type d'identifiant",
      identifiantValeur: "Identifiant",
      categorie: "Catégorie de prestataire",
      statut: "État",
      texte: "Recherche libre (raison sociale, identifiant, ville ; sans accents)",
      detail: "Détail",
    },
    actions: {
      show: "Fiche de la structure",
      "desactiver-coordonnee": "Désactiver une coordonnée bancaire",
      "reactiver-coordonnee": "Réactiver une coordonnée bancaire",
      "revoquer-mandat": "Révoquer le mandat de facturation",
      "revoquer-habilitation": "Révoquer une habilitation",
    },
  },
  utilisateurs: {
    labels: {
      utilisateurs: "Utilisateurs",
      statut: LIBELLES_STATUT_UTILISATEUR,
    },
    properties: {
      id: "Identifiant interne",
      email: "Adresse électronique",
      nom: "Nom",
      statut: "Statut du compte",
      compte: "État du compte",
      texte: "Recherche libre (nom, adresse ; sans accents)",
      structureId: "Structure de rattachement (identifiant interne)",
      detail: "Détail",
    },
    actions: { show: "Fiche de l'utilisateur" },
  },
} as const;
