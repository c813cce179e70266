import { LIBELLES_ETAT_TICKET } from "@frais-justice/support";

/** French labels of the support resources (merged into `TRADUCTION_FR.resources`). */
export const RESSOURCES_FR_SUPPORT = {
  tickets: {
    labels: {
      tickets: "Tickets de support",
      etat: LIBELLES_ETAT_TICKET,
      mesTickets: { oui: "Oui" },
    },
    properties: {
      id: "Identifiant",
      numero: "Numéro",
      etat: "État",
      titre: "Description brève",
      file: "File",
      fileLibelle: "File",
      categorie: "Catégorie",
      categorieLibelle: "Catégorie",
      sousCategorie: "Sous-catégorie",
      numeroObjet: "N° objet",
      agent: "Agent affecté",
      mesTickets: "Affectés à moi",
      motsCles: "Mots clés (numéro, titre, description, commentaires et notes, N° objet ; sans accents)",
      soumisLe: "Ouvert le",
      modifieLe: "Dernière activité",
      version: "Version",
      detail: "Détail",
    },
    actions: {
      show: "Fiche du ticket",
      "m-assigner": "M'assigner",
      repondre: "Répondre",
      "note-interne": "Note interne",
      "demander-informations": "Demander des informations",
      "proposer-solution": "Proposer une solution",
      transferer: "Transférer au support national",
      cloturer: "Clôturer",
      files: "Mes files",
      exporter: "Exporter en CSV",
    },
  },
  "reponses-types": {
    labels: {
      "reponses-types": "Réponses types",
    },
    properties: {
      id: "Code",
      code: "Code",
      titre: "Titre",
      texte: "Texte",
      variables: "Variables utilisées",
      actif: "Proposée sur les tickets",
      version: "Version",
    },
    actions: {
      new: "Nouvelle réponse type",
      modifier: "Modifier",
      archiver: "Archiver",
      reactiver: "Réactiver",
      show: "Fiche de la réponse type",
    },
  },
} as const;
