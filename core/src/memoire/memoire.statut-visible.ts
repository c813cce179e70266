import { Option, Schema } from "effect";
import type { EtatMemoire } from "./memoire.model.js";

/**
 * The seven statuses a prestataire sees (seed 001, tableau de bord), in the order of its columns.
 * Court-side states (certification, taxation, validation) are all shown as `MIS_A_DISPOSITION`.
 */
export const STATUTS_VISIBLES = [
  "BROUILLON",
  "ENVOYE",
  "MIS_A_DISPOSITION",
  "REFUSE",
  "DUPLIQUE_POST_REFUS",
  "ABANDONNE",
  "MIS_EN_PAIEMENT",
] as const;

/** Schema of a prestataire-visible status (decodes the codes of {@link STATUTS_VISIBLES}). */
export const StatutVisible = Schema.Literal(...STATUTS_VISIBLES).annotations({
  identifier: "StatutVisible",
  message: () => ({ message: `statut inconnu (attendus : ${STATUTS_VISIBLES.join(", ")})`, override: true }),
});
export type StatutVisible = typeof StatutVisible.Type;

/** The French label of each visible status, as the portal prints it (seed 001). */
export const LIBELLES_STATUT_VISIBLE: { readonly [S in StatutVisible]: string } = {
  BROUILLON: "Brouillon",
  ENVOYE: "Envoyé",
  MIS_A_DISPOSITION: "Mis à disposition",
  REFUSE: "Refusé",
  DUPLIQUE_POST_REFUS: "Dupliqué post refus",
  ABANDONNE: "Abandonné",
  MIS_EN_PAIEMENT: "Mis en paiement",
};

/**
 * The status a prestataire sees for an internal state; `None` for a deleted draft (`SUPPRIME`),
 * which no view shows. Exhaustive over the states: a new state does not compile until mapped here.
 */
export const statutVisible = (etat: EtatMemoire): Option.Option<StatutVisible> => {
  switch (etat) {
    case "BROUILLON":
      return Option.some("BROUILLON");
    case "SUPPRIME":
      return Option.none();
    case "ENVOYE":
      return Option.some("ENVOYE");
    case "MIS_A_DISPOSITION":
    case "A_TAXER":
    case "CERTIFIE":
    case "TAXE":
    case "VALIDE":
      return Option.some("MIS_A_DISPOSITION");
    case "MIS_EN_PAIEMENT":
      return Option.some("MIS_EN_PAIEMENT");
    case "REFUSE":
      return Option.some("REFUSE");
    case "ABANDONNE":
      return Option.some("ABANDONNE");
    case "DUPLIQUE_POST_REFUS":
      return Option.some("DUPLIQUE_POST_REFUS");
  }
};
