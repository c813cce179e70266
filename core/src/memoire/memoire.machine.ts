import { and, assertEvent, assign, not, setup } from "xstate";
import { auteurDe, type EvenementMachine } from "./memoire.evenements.js";
import { GARDES } from "./memoire.gardes.js";
import { totaux, totauxEgaux } from "./memoire.saisie.js";
import type { EtatMemoire, Memoire } from "./memoire.model.js";

/**
 * The lifecycle of a mémoire de frais de justice as an XState v5 machine (DOMAIN.md §3 "Lifecycle";
 * seeds 000, 001, 002; CPP R224-1 to R230). Flat, no delays, no spawned actors: persist `etat` and
 * the mémoire, rebuild with `machineMemoire.resolveState({ value: memoire.etat, context: { memoire } })`.
 *
 * Circuit: BROUILLON → ENVOYE (valider et envoyer) → MIS_A_DISPOSITION (transmission by the system)
 * → CERTIFIE (greffier) or A_TAXER (greffier sends to taxation) → TAXE (magistrat taxateur; when
 * the taxe differs from the request, the greffier records the day it was notified, and the ten days
 * of appeal must have passed, CPP R228-1; an appeal recorded holds the payment until the greffier records
 * the chambre de l'instruction's decision, which may change the amounts) → VALIDE (ordonnateur) → MIS_EN_PAIEMENT (comptable). REFUSE from control, then ABANDONNE or
 * DUPLIQUE_POST_REFUS. SUPPRIME for a deleted draft.
 */

/** The machine's context: the whole mémoire (what the guards read). */
export interface ContexteMachine {
  readonly memoire: Memoire;
}

const maintenantDe = (event: { readonly type: string }): Date | undefined =>
  "maintenant" in event && event.maintenant instanceof Date ? event.maintenant : undefined;

const changer = (memoire: Memoire, changements: Partial<Memoire>): { memoire: Memoire } => ({ memoire: { ...memoire, ...changements } });

/**
 * The machine definition: `setup()` with named pure guards and declared actions. Each transition's
 * guard lists the rules of `GARDES_PAR_EVENEMENT` in the same order (a test checks they agree).
 */
export const machineMemoire = setup({
  types: {
    context: {} as ContexteMachine,
    events: {} as EvenementMachine,
    input: {} as { readonly memoire: Memoire },
  },
  guards: {
    acteurNonAutorise: ({ context, event }) => GARDES.acteurNonAutorise.verifier(context.memoire, event) !== undefined,
    auMoinsUneLigne: ({ context, event }) => GARDES.auMoinsUneLigne.verifier(context.memoire, event) === undefined,
    champsObligatoiresManquants: ({ context, event }) =>
      GARDES.champsObligatoiresManquants.verifier(context.memoire, event) !== undefined,
    attestationSurLHonneurAbsente: ({ context, event }) =>
      GARDES.attestationSurLHonneurAbsente.verifier(context.memoire, event) !== undefined,
    prerequisManquants: ({ context, event }) => GARDES.prerequisManquants.verifier(context.memoire, event) !== undefined,
    delaiForclos: ({ context, event }) => GARDES.delaiForclos.verifier(context.memoire, event) !== undefined,
    certificationNonPermise: ({ context, event }) => GARDES.certificationNonPermise.verifier(context.memoire, event) !== undefined,
    motifAbsent: ({ context, event }) => GARDES.motifAbsent.verifier(context.memoire, event) !== undefined,
    notificationTaxeSansObjet: ({ context, event }) => GARDES.notificationTaxeSansObjet.verifier(context.memoire, event) !== undefined,
    notificationTaxeInvalide: ({ context, event }) => GARDES.notificationTaxeInvalide.verifier(context.memoire, event) !== undefined,
    delaiDeRecoursEnCours: ({ context, event }) => GARDES.delaiDeRecoursEnCours.verifier(context.memoire, event) !== undefined,
    recoursTaxeSansObjet: ({ context, event }) => GARDES.recoursTaxeSansObjet.verifier(context.memoire, event) !== undefined,
    recoursTaxeInvalide: ({ context, event }) => GARDES.recoursTaxeInvalide.verifier(context.memoire, event) !== undefined,
    decisionRecoursSansObjet: ({ context, event }) => GARDES.decisionRecoursSansObjet.verifier(context.memoire, event) !== undefined,
    decisionRecoursInvalide: ({ context, event }) => GARDES.decisionRecoursInvalide.verifier(context.memoire, event) !== undefined,
    recoursEnInstance: ({ context, event }) => GARDES.recoursEnInstance.verifier(context.memoire, event) !== undefined,
  },
  actions: {
    /** Entry of every state: records the state and the instant it was reached ("date de l'état courant"). */
    marquerEtat: assign(({ context, event }, params: { readonly etat: EtatMemoire }) =>
      changer(context.memoire, { etat: params.etat, etatLe: maintenantDe(event) ?? context.memoire.etatLe }),
    ),
    enregistrerModification: assign(({ context, event }) => {
      assertEvent(event, "memoire.modifier");
      return changer(context.memoire, { ...event.brouillon });
    }),
    attribuerNumeroMj: assign(({ context, event }) => {
      assertEvent(event, "memoire.valider-et-envoyer");
      if (event.envoi === undefined) throw new Error("valider-et-envoyer sans numéro MJ : la commande doit le fournir");
      return changer(context.memoire, {
        numero: event.envoi.numero,
        attestationSurLHonneur: true,
        montants: event.envoi.montants,
        montantsDemandes: event.envoi.montants,
        piecesJointes: event.envoi.piecesJointes,
        envoyeLe: event.maintenant,
        ...(event.envoi.empreinteDepot === undefined ? {} : { empreinteDepot: event.envoi.empreinteDepot }),
      });
    }),
    enregistrerMiseADisposition: assign(({ context, event }) => changer(context.memoire, { misADispositionLe: maintenantDe(event) ?? context.memoire.etatLe })),
    enregistrerPriseEnCharge: assign(({ context, event }) => {
      assertEvent(event, "memoire.prendre-en-charge");
      return event.acteur._tag === "Systeme" ? changer(context.memoire, {}) : changer(context.memoire, { agentEnCharge: event.acteur.id });
    }),
    appliquerRedressements: assign(({ context, event }) => {
      assertEvent(event, "memoire.certifier");
      return changer(context.memoire, {
        lignes: event.lignes,
        montants: event.montants,
        redressements: [...context.memoire.redressements, ...event.redressements],
        montantModifie: context.memoire.montantModifie || event.redressements.length > 0,
        certifieLe: event.maintenant,
      });
    }),
    enregistrerTaxation: assign(({ context, event }) => {
      assertEvent(event, "memoire.taxer");
      const magistratId = event.acteur._tag === "Systeme" ? "systeme" : event.acteur.id;
      return changer(context.memoire, {
        taxation: { lignes: event.lignesTaxees, motif: event.motif, magistratId, le: event.maintenant },
        montants: event.montants,
        // "montant modifié" (seed 001, column "MT Modifié"): the ordonnance differs from the request.
        montantModifie: !totauxEgaux(totaux(event.montants), totaux(context.memoire.montantsDemandes ?? context.memoire.montants)),
      });
    }),
    enregistrerNotificationTaxe: assign(({ context, event }) => {
      assertEvent(event, "memoire.constater-notification-taxe");
      const taxation = context.memoire.taxation;
      return taxation === undefined ? changer(context.memoire, {}) : changer(context.memoire, { taxation: { ...taxation, notifieeLe: event.notifieeLe } });
    }),
    enregistrerRecoursTaxe: assign(({ context, event }) => {
      assertEvent(event, "memoire.constater-recours-taxe");
      const taxation = context.memoire.taxation;
      if (taxation === undefined) return changer(context.memoire, {});
      const recours = { formeLe: event.formeLe, par: event.par, ...(event.commentaire === undefined ? {} : { commentaire: event.commentaire }) };
      return changer(context.memoire, { taxation: { ...taxation, recours } });
    }),
    enregistrerDecisionRecours: assign(({ context, event }) => {
      assertEvent(event, "memoire.constater-decision-recours");
      const taxation = context.memoire.taxation;
      if (taxation?.recours === undefined) return changer(context.memoire, {});
      const decision = { rendueLe: event.rendueLe, sens: event.sens, motif: event.motif, ...(event.lignesTaxees.length === 0 ? {} : { lignes: event.lignesTaxees }) };
      return changer(context.memoire, {
        taxation: { ...taxation, recours: { ...taxation.recours, decision } },
        montants: event.montants,
        // A reformation may bring the amounts back to the request, or further from it.
        montantModifie: !totauxEgaux(totaux(event.montants), totaux(context.memoire.montantsDemandes ?? context.memoire.montants)),
      });
    }),
    enregistrerRefus: assign(({ context, event }) => {
      assertEvent(event, ["memoire.refuser", "memoire.constater-forclusion"]);
      const par = auteurDe(event.acteur);
      const motif = event.type === "memoire.refuser" ? (event.motif ?? "AUTRE") : "FORCLUSION";
      const commentaire = event.commentaire;
      return changer(context.memoire, {
        refus: { motif, par, le: event.maintenant, ...(commentaire === undefined || commentaire.trim() === "" ? {} : { commentaire }) },
      });
    }),
    enregistrerValidation: assign(({ context, event }) => changer(context.memoire, { valideLe: maintenantDe(event) ?? context.memoire.etatLe })),
    enregistrerMiseEnPaiement: assign(({ context, event }) => {
      assertEvent(event, "memoire.mettre-en-paiement");
      return changer(context.memoire, { paiement: event.paiement });
    }),
    lierDuplicata: assign(({ context, event }) => {
      assertEvent(event, "memoire.dupliquer");
      return event.duplicataId === undefined ? changer(context.memoire, {}) : changer(context.memoire, { dupliqueEn: event.duplicataId });
    }),
  },
}).createMachine({
  id: "memoire",
  initial: "BROUILLON",
  context: ({ input }) => ({ memoire: input.memoire }),
  states: {
    BROUILLON: {
      entry: { type: "marquerEtat", params: { etat: "BROUILLON" } },
      on: {
        "memoire.modifier": { guard: and([not("acteurNonAutorise")]), actions: "enregistrerModification" },
        "memoire.supprimer": { guard: and([not("acteurNonAutorise")]), target: "SUPPRIME" },
        "memoire.valider-et-envoyer": {
          guard: and([
            not("acteurNonAutorise"),
            "auMoinsUneLigne",
            not("champsObligatoiresManquants"),
            not("prerequisManquants"),
            not("delaiForclos"),
            not("attestationSurLHonneurAbsente"),
          ]),
          target: "ENVOYE",
          actions: "attribuerNumeroMj",
        },
      },
    },
    SUPPRIME: { type: "final", entry: { type: "marquerEtat", params: { etat: "SUPPRIME" } } },
    ENVOYE: {
      entry: { type: "marquerEtat", params: { etat: "ENVOYE" } },
      on: {
        "memoire.transmettre": {
          guard: and([not("acteurNonAutorise")]),
          target: "MIS_A_DISPOSITION",
          actions: "enregistrerMiseADisposition",
        },
      },
    },
    MIS_A_DISPOSITION: {
      entry: { type: "marquerEtat", params: { etat: "MIS_A_DISPOSITION" } },
      on: {
        "memoire.prendre-en-charge": { guard: and([not("acteurNonAutorise")]), actions: "enregistrerPriseEnCharge" },
        "memoire.certifier": { guard: and([not("acteurNonAutorise"), not("certificationNonPermise")]), target: "CERTIFIE", actions: "appliquerRedressements" },
        "memoire.envoyer-en-taxation": { guard: and([not("acteurNonAutorise")]), target: "A_TAXER" },
        "memoire.refuser": { guard: and([not("acteurNonAutorise"), not("motifAbsent")]), target: "REFUSE", actions: "enregistrerRefus" },
        "memoire.constater-forclusion": {
          guard: and([not("acteurNonAutorise")]),
          target: "REFUSE",
          actions: "enregistrerRefus",
        },
      },
    },
    A_TAXER: {
      entry: { type: "marquerEtat", params: { etat: "A_TAXER" } },
      on: {
        "memoire.prendre-en-charge": { guard: and([not("acteurNonAutorise")]), actions: "enregistrerPriseEnCharge" },
        "memoire.taxer": { guard: and([not("acteurNonAutorise")]), target: "TAXE", actions: "enregistrerTaxation" },
        "memoire.refuser": { guard: and([not("acteurNonAutorise"), not("motifAbsent")]), target: "REFUSE", actions: "enregistrerRefus" },
        "memoire.constater-forclusion": {
          guard: and([not("acteurNonAutorise")]),
          target: "REFUSE",
          actions: "enregistrerRefus",
        },
      },
    },
    CERTIFIE: {
      entry: { type: "marquerEtat", params: { etat: "CERTIFIE" } },
      on: {
        "memoire.valider-paiement": { guard: and([not("acteurNonAutorise"), not("recoursEnInstance"), not("delaiDeRecoursEnCours")]), target: "VALIDE", actions: "enregistrerValidation" },
      },
    },
    TAXE: {
      entry: { type: "marquerEtat", params: { etat: "TAXE" } },
      on: {
        "memoire.constater-notification-taxe": { guard: and([not("acteurNonAutorise"), not("notificationTaxeSansObjet"), not("notificationTaxeInvalide")]), actions: "enregistrerNotificationTaxe" },
        "memoire.constater-recours-taxe": { guard: and([not("acteurNonAutorise"), not("recoursTaxeSansObjet"), not("recoursTaxeInvalide")]), actions: "enregistrerRecoursTaxe" },
        "memoire.constater-decision-recours": {
          guard: and([not("acteurNonAutorise"), not("decisionRecoursSansObjet"), not("decisionRecoursInvalide")]),
          actions: "enregistrerDecisionRecours",
        },
        "memoire.valider-paiement": { guard: and([not("acteurNonAutorise"), not("recoursEnInstance"), not("delaiDeRecoursEnCours")]), target: "VALIDE", actions: "enregistrerValidation" },
      },
    },
    VALIDE: {
      entry: { type: "marquerEtat", params: { etat: "VALIDE" } },
      on: {
        "memoire.mettre-en-paiement": {
          guard: and([not("acteurNonAutorise")]),
          target: "MIS_EN_PAIEMENT",
          actions: "enregistrerMiseEnPaiement",
        },
      },
    },
    MIS_EN_PAIEMENT: { type: "final", entry: { type: "marquerEtat", params: { etat: "MIS_EN_PAIEMENT" } } },
    REFUSE: {
      entry: { type: "marquerEtat", params: { etat: "REFUSE" } },
      on: {
        "memoire.abandonner": { guard: and([not("acteurNonAutorise")]), target: "ABANDONNE" },
        "memoire.dupliquer": { guard: and([not("acteurNonAutorise")]), target: "DUPLIQUE_POST_REFUS", actions: "lierDuplicata" },
      },
    },
    ABANDONNE: { type: "final", entry: { type: "marquerEtat", params: { etat: "ABANDONNE" } } },
    DUPLIQUE_POST_REFUS: { type: "final", entry: { type: "marquerEtat", params: { etat: "DUPLIQUE_POST_REFUS" } } },
  },
});
