import type { BigDecimal } from "effect";
import type { Auteur, EtatMemoire, EvenementMemoire, TotauxMemoire } from "./memoire.model.js";
import { totauxEgaux } from "./memoire.saisie.js";

/** French labels of the commands, as the timeline shows them. */
export const LIBELLES_COMMANDES: { readonly [commande: string]: string } = {
  "memoire.creer": "Création du brouillon",
  "memoire.modifier-en-tete": "Modification de l'en-tête",
  "memoire.ajouter-ligne": "Ajout d'une ligne de prestation",
  "memoire.modifier-ligne": "Modification d'une ligne de prestation",
  "memoire.supprimer-ligne": "Suppression d'une ligne de prestation",
  "memoire.joindre-piece": "Ajout d'une pièce jointe",
  "memoire.importer-piece-structure": "Import d'une pièce jointe de la structure",
  "memoire.detacher-piece": "Retrait d'une pièce jointe",
  "memoire.modifier-remise-globale": "Modification de la remise globale",
  "memoire.supprimer": "Suppression du brouillon",
  "memoire.valider-et-envoyer": "Validation et envoi",
  "memoire.transmettre": "Mise à disposition de la juridiction",
  "memoire.prendre-en-charge": "Prise en charge",
  "memoire.certifier": "Certification",
  "memoire.refuser": "Refus",
  "memoire.envoyer-en-taxation": "Envoi en taxation",
  "memoire.taxer": "Taxation (ordonnance de taxe)",
  "memoire.constater-forclusion": "Constat de forclusion",
  "memoire.constater-notification-taxe": "Notification de l'ordonnance de taxe constatée",
  "memoire.constater-recours-taxe": "Recours contre l'ordonnance de taxe constaté",
  "memoire.constater-decision-recours": "Décision de la chambre de l'instruction sur le recours",
  "memoire.valider-paiement": "Validation de la demande de paiement",
  "memoire.mettre-en-paiement": "Mise en paiement",
  "memoire.abandonner": "Abandon",
  "memoire.dupliquer": "Duplication après refus",
};

/** One entry of the timeline. */
export interface EntreeHistorique {
  readonly le: Date;
  readonly auteur: Auteur;
  readonly commande: string;
  readonly libelle: string;
  readonly de: EtatMemoire;
  readonly vers: EtatMemoire;
  /** True when the state changed. */
  readonly changementEtat: boolean;
  readonly motif?: string;
  /** True when the totals changed (redressement, taxation, draft edit). */
  readonly montantsModifies: boolean;
  readonly montantTtcAvant: BigDecimal.BigDecimal;
  readonly montantTtcApres: BigDecimal.BigDecimal;
  readonly details: { readonly [cle: string]: string };
}

/** The timeline of a mémoire: its entries in order, the state they lead to, the current amounts. */
export interface Historique {
  readonly entrees: ReadonlyArray<EntreeHistorique>;
  /** The state after the last event (`undefined` without events). */
  readonly etat: EtatMemoire | undefined;
  /** The totals after the last event. */
  readonly montants: TotauxMemoire | undefined;
  /** The states passed through, in order, without repetition of consecutive ones. */
  readonly etats: ReadonlyArray<EtatMemoire>;
}

const VIDE: Historique = { entrees: [], etat: undefined, montants: undefined, etats: [] };

/**
 * The timeline of a mémoire: the fold of its audit events in chronological order (stable for events
 * of the same instant). Pass the events of one mémoire.
 */
export const historique = (evenements: ReadonlyArray<EvenementMemoire>): Historique =>
  evenements
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.le.getTime() - b.e.le.getTime() || a.i - b.i)
    .reduce<Historique>((h, { e }) => {
      const entree: EntreeHistorique = {
        le: e.le,
        auteur: e.auteur,
        commande: e.commande,
        libelle: LIBELLES_COMMANDES[e.commande] ?? e.commande,
        de: e.de,
        vers: e.vers,
        changementEtat: e.de !== e.vers,
        ...(e.motif === undefined ? {} : { motif: e.motif }),
        montantsModifies: !totauxEgaux(e.montantsAvant, e.montantsApres),
        montantTtcAvant: e.montantsAvant.montantTtc,
        montantTtcApres: e.montantsApres.montantTtc,
        details: e.details,
      };
      const dernier = h.etats[h.etats.length - 1];
      const etats = h.etats.length === 0 ? (e.de === e.vers ? [e.vers] : [e.de, e.vers]) : dernier === e.vers ? h.etats : [...h.etats, e.vers];
      return { entrees: [...h.entrees, entree], etat: e.vers, montants: e.montantsApres, etats };
    }, VIDE);
