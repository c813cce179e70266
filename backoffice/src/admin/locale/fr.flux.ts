import { LIBELLES_STATUT_LOT } from "../../flux/flux.lot.js";

/** French labels of the flux resources (merged into `TRADUCTION_FR.resources`). */
export const RESSOURCES_FR_FLUX = {
  lots: {
    labels: {
      lots: "Lots déposés",
      statut: LIBELLES_STATUT_LOT,
    },
    properties: {
      id: "Numéro de lot",
      statut: "Statut de traitement",
      emetteurIdentifiant: "Émetteur (identifiant)",
      utilisateur: "Déposant",
      canal: "Canal",
      recuLe: "Reçu le",
      termineLe: "Traité le",
      nombreMemoires: "Mémoires",
      nombreIntegres: "Intégrés",
      nombreRejetes: "Rejetés",
      empreinte: "Empreinte du fichier (SHA-256)",
      taille: "Taille (octets)",
      historique: "Historique des statuts",
      compteRendu: "Compte rendu",
    },
    actions: { show: "Fiche du lot" },
  },
} as const;
