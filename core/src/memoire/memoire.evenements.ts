import type { Acteur, Action, EspaceOuvrable } from "../autorisation/index.js";
import type { PrerequisManquant } from "../prerequis/index.js";
import type {
  Auteur,
  AuteurRecours,
  DateCalendaire,
  EnTete,
  LignePrestation,
  LigneTaxee,
  MontantsMemoire,
  MotifRefus,
  NumeroMj,
  Paiement,
  PieceJointe,
  Redressement,
  SensDecisionRecours,
} from "./memoire.model.js";

/**
 * The events of the lifecycle machine, dot-namespaced, and who may send them (the action checked by
 * `autoriser`). Draft edits are all the one event `memoire.modifier`.
 */
export const TYPES_EVENEMENT = [
  "memoire.modifier",
  "memoire.supprimer",
  "memoire.valider-et-envoyer",
  "memoire.transmettre",
  "memoire.prendre-en-charge",
  "memoire.certifier",
  "memoire.refuser",
  "memoire.envoyer-en-taxation",
  "memoire.taxer",
  "memoire.constater-forclusion",
  "memoire.constater-notification-taxe",
  "memoire.constater-recours-taxe",
  "memoire.constater-decision-recours",
  "memoire.valider-paiement",
  "memoire.mettre-en-paiement",
  "memoire.abandonner",
  "memoire.dupliquer",
] as const;
export type TypeEvenement = (typeof TYPES_EVENEMENT)[number];

/** The authorization action each event needs (autorisation module, `autoriser`). */
export const ACTION_DE_L_EVENEMENT: { readonly [T in TypeEvenement]: Action } = {
  "memoire.modifier": "memoire.modifier",
  "memoire.supprimer": "memoire.modifier",
  "memoire.valider-et-envoyer": "memoire.modifier",
  "memoire.transmettre": "memoire.transmettre",
  "memoire.prendre-en-charge": "memoire.prendre-en-charge",
  "memoire.certifier": "memoire.certifier",
  "memoire.refuser": "memoire.refuser",
  "memoire.envoyer-en-taxation": "memoire.envoyer-en-taxation",
  "memoire.taxer": "memoire.taxer",
  "memoire.constater-forclusion": "memoire.constater-forclusion",
  "memoire.constater-notification-taxe": "memoire.constater-notification-taxe",
  "memoire.constater-recours-taxe": "memoire.constater-recours-taxe",
  "memoire.constater-decision-recours": "memoire.constater-decision-recours",
  "memoire.valider-paiement": "memoire.valider-paiement",
  "memoire.mettre-en-paiement": "memoire.mettre-en-paiement",
  "memoire.abandonner": "memoire.modifier",
  "memoire.dupliquer": "memoire.modifier",
};

/** What every event carries: who sends it, when, and what the rules need to know about the structure. */
export interface BaseEvenement {
  readonly acteur: Acteur;
  /** The command's `Contexte.maintenant`. */
  readonly maintenant: Date;
  /** Espaces opened on the mémoire's structure (prestataire-side authorization needs `MEMOIRES_DE_FRAIS_DE_JUSTICE`). */
  readonly espacesOuverts?: ReadonlyArray<EspaceOuvrable>;
}

/** The new content of a draft, computed and validated by the command before the event is sent. */
export interface Brouillon {
  readonly enTete: EnTete;
  readonly lignes: ReadonlyArray<LignePrestation>;
  readonly piecesJointes: ReadonlyArray<PieceJointe>;
  readonly remiseGlobaleTtc: LignePrestation["remise"];
  readonly montants: MontantsMemoire;
}

/** An event of the lifecycle machine: the decoded command plus what the command computed. */
export type EvenementMachine =
  | (BaseEvenement & { readonly type: "memoire.modifier"; readonly brouillon: Brouillon })
  | (BaseEvenement & { readonly type: "memoire.supprimer" })
  | (BaseEvenement & {
      readonly type: "memoire.valider-et-envoyer";
      readonly attestationSurLHonneur: boolean;
      /** Prerequisites the structure lacks (prerequis module); empty when all are met. */
      readonly prerequisManquants: ReadonlyArray<PrerequisManquant>;
      /** Set once every rule passed: the MJ number, the amounts as sent, the empreinte, the attachments (bank file added). */
      readonly envoi?: {
        readonly numero: NumeroMj;
        readonly montants: MontantsMemoire;
        readonly piecesJointes: ReadonlyArray<PieceJointe>;
        readonly empreinteDepot?: string;
      };
    })
  | (BaseEvenement & { readonly type: "memoire.transmettre" })
  | (BaseEvenement & { readonly type: "memoire.prendre-en-charge" })
  | (BaseEvenement & {
      readonly type: "memoire.certifier";
      readonly redressements: ReadonlyArray<Redressement>;
      /** The lines and amounts after the redressements (unchanged when there is none). */
      readonly lignes: ReadonlyArray<LignePrestation>;
      readonly montants: MontantsMemoire;
    })
  | (BaseEvenement & { readonly type: "memoire.refuser"; readonly motif?: MotifRefus; readonly commentaire?: string })
  | (BaseEvenement & { readonly type: "memoire.envoyer-en-taxation"; readonly commentaire?: string })
  | (BaseEvenement & {
      readonly type: "memoire.taxer";
      readonly lignesTaxees: ReadonlyArray<LigneTaxee>;
      readonly motif: string;
      /** The amounts of the ordonnance, recomputed by the montants engine. */
      readonly montants: MontantsMemoire;
    })
  | (BaseEvenement & { readonly type: "memoire.constater-forclusion"; readonly commentaire?: string })
  | (BaseEvenement & {
      readonly type: "memoire.constater-notification-taxe";
      /** The day the notification reached the prestataire (avis de réception, remise en main propre). */
      readonly notifieeLe: DateCalendaire;
    })
  | (BaseEvenement & {
      readonly type: "memoire.constater-recours-taxe";
      /** The day the appeal was filed at the greffe, and who filed it (CPP R228-1, R230). */
      readonly formeLe: DateCalendaire;
      readonly par: AuteurRecours;
      readonly commentaire?: string;
    })
  | (BaseEvenement & {
      readonly type: "memoire.constater-decision-recours";
      readonly rendueLe: DateCalendaire;
      readonly sens: SensDecisionRecours;
      readonly motif: string;
      /** A reformation's HT amounts per line (empty for the other senses). */
      readonly lignesTaxees: ReadonlyArray<LigneTaxee>;
      /** The amounts after the decision, recomputed by the montants engine (the ordonnance's for the other senses). */
      readonly montants: MontantsMemoire;
    })
  | (BaseEvenement & { readonly type: "memoire.valider-paiement" })
  | (BaseEvenement & { readonly type: "memoire.mettre-en-paiement"; readonly paiement: Paiement })
  | (BaseEvenement & { readonly type: "memoire.abandonner" })
  | (BaseEvenement & { readonly type: "memoire.dupliquer"; readonly duplicataId?: string });

/** The event of a given type. */
export type EvenementDeType<T extends TypeEvenement> = Extract<EvenementMachine, { readonly type: T }>;

/** The author recorded in the audit trail for an actor: user, agent, or the system. */
export const auteurDe = (acteur: Acteur): Auteur =>
  acteur._tag === "Utilisateur"
    ? { type: "UTILISATEUR", id: acteur.id }
    : acteur._tag === "Agent"
      ? { type: "AGENT", id: acteur.id }
      : { type: "SYSTEME", id: "systeme" };
