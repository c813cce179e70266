import { BigDecimal, Either } from "effect";
import { Temporal } from "temporal-polyfill";
import { autoriser, type CibleMemoire, type EspaceOuvrable } from "../autorisation/index.js";
import { formaterMontant } from "../montants/index.js";
import { estJourFerie, estTarife, seuilCertification } from "../tarifs/index.js";
import type { NomGarde } from "./memoire.errors.js";
import { ACTION_DE_L_EVENEMENT, type EvenementMachine, type TypeEvenement } from "./memoire.evenements.js";
import type { AuteurRecours, Memoire } from "./memoire.model.js";

/**
 * The rules of the lifecycle, each a pure function of (mémoire, event) named after the legal or
 * business condition. Both the machine (as named XState guards) and the command layer (to name the
 * failing one) use them.
 */

/** Time zone of the courts' calendar dates (métropole). */
export const FUSEAU_JURIDICTIONS = "Europe/Paris";

/** The calendar date of an instant in Europe/Paris. */
export const dateDuJour = (instant: Date): Temporal.PlainDate =>
  Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(FUSEAU_JURIDICTIONS).toPlainDate();

/**
 * CPP art. 800 (loi n° 2019-222 du 23 mars 2019): the request must reach the court within one year of
 * the end of the mission, for missions ended on or after 31/12/2020. [decision] The end of the mission
 * is the latest date de prestation of the mémoire.
 */
export const DEBUT_FORCLUSION = Temporal.PlainDate.from("2020-12-31");

/** The last day the mémoire may be sent (latest date de prestation + 1 year), if forclusion applies. */
export const dateLimiteEnvoi = (memoire: Pick<Memoire, "lignes">): Temporal.PlainDate | undefined => {
  const dates = memoire.lignes.map((l) => l.datePrestation as string).sort();
  const derniere = dates[dates.length - 1];
  if (derniere === undefined) return undefined;
  const fin = Temporal.PlainDate.from(derniere);
  return Temporal.PlainDate.compare(fin, DEBUT_FORCLUSION) < 0 ? undefined : fin.add({ years: 1 });
};

/** The target of the authorization check: the mémoire's structure/service and its juridiction. */
export const cibleMemoire = (memoire: Memoire, espacesOuverts?: ReadonlyArray<EspaceOuvrable>): CibleMemoire => ({
  _tag: "Memoire",
  structureId: memoire.enTete.structureId,
  ...(memoire.enTete.serviceId === undefined ? {} : { serviceId: memoire.enTete.serviceId }),
  juridiction: { code: memoire.enTete.juridiction.code, courAppel: memoire.enTete.juridiction.courAppel },
  ...(espacesOuverts === undefined ? {} : { espacesOuverts }),
});

/** Header fields the portal marks * and a draft may leave empty; required to send. */
export const CHAMPS_OBLIGATOIRES_ENVOI = ["categoriePrestataire", "referenceCoordonneesBancaires", "texteReference", "typeTva"] as const;

/**
 * A rule: `verifier` returns the reason the command is blocked, or `undefined` when the rule is met.
 * `sens` tells how the machine's guard of the same name reads: `exige` (true when met, e.g.
 * `auMoinsUneLigne`) or `interdit` (true when blocking, e.g. `delaiForclos`).
 */
export interface Garde {
  readonly nom: NomGarde;
  readonly sens: "exige" | "interdit";
  /** True when the rule reads the command's input (attestation, motif): not checked by `evenementsPossibles`. */
  readonly dependDeLaSaisie: boolean;
  readonly verifier: (memoire: Memoire, evenement: EvenementMachine) => string | undefined;
}

const acteurNonAutorise: Garde = {
  nom: "acteurNonAutorise",
  sens: "interdit",
  dependDeLaSaisie: false,
  verifier: (memoire, evenement) => {
    const r = autoriser(evenement.acteur, ACTION_DE_L_EVENEMENT[evenement.type], cibleMemoire(memoire, evenement.espacesOuverts));
    return Either.isLeft(r) ? r.left.message : undefined;
  },
};

const auMoinsUneLigne: Garde = {
  nom: "auMoinsUneLigne",
  sens: "exige",
  dependDeLaSaisie: false,
  verifier: (memoire) => (memoire.lignes.length > 0 ? undefined : "le mémoire n'a aucune ligne de prestation"),
};

const champsObligatoiresManquants: Garde = {
  nom: "champsObligatoiresManquants",
  sens: "interdit",
  dependDeLaSaisie: false,
  verifier: (memoire) => {
    const manquants = CHAMPS_OBLIGATOIRES_ENVOI.filter((champ) => memoire.enTete[champ] === undefined).map((c) => `enTete.${c}`);
    return manquants.length === 0 ? undefined : `champs obligatoires non renseignés : ${manquants.join(", ")}`;
  },
};

const attestationSurLHonneurAbsente: Garde = {
  nom: "attestationSurLHonneurAbsente",
  sens: "interdit",
  dependDeLaSaisie: true,
  verifier: (_memoire, evenement) =>
    evenement.type === "memoire.valider-et-envoyer" && !evenement.attestationSurLHonneur
      ? "le prestataire doit attester sur l'honneur la sincérité des informations saisies"
      : undefined,
};

const prerequisManquants: Garde = {
  nom: "prerequisManquants",
  sens: "interdit",
  dependDeLaSaisie: false,
  verifier: (_memoire, evenement) =>
    evenement.type === "memoire.valider-et-envoyer" && evenement.prerequisManquants.length > 0
      ? `prérequis de la structure manquants : ${evenement.prerequisManquants.map((p) => `${p.numero} ${p.libelle}`).join(" ; ")}`
      : undefined,
};

const delaiForclos: Garde = {
  nom: "delaiForclos",
  sens: "interdit",
  dependDeLaSaisie: false,
  verifier: (memoire, evenement) => {
    const limite = dateLimiteEnvoi(memoire);
    if (limite === undefined) return undefined;
    const jour = dateDuJour(evenement.maintenant);
    return Temporal.PlainDate.compare(jour, limite) > 0
      ? `demande forclose (CPP art. 800) : à adresser au plus tard le ${limite.toString()}, un an après la dernière prestation`
      : undefined;
  },
};

const certificationNonPermise: Garde = {
  nom: "certificationNonPermise",
  sens: "interdit",
  dependDeLaSaisie: true,
  verifier: (memoire, evenement) => {
    if (evenement.type !== "memoire.certifier") return undefined;
    const nonTarifees = evenement.lignes.filter((l) => !estTarife(l.typePrestation));
    if (nonTarifees.length === 0) return undefined;
    const seuil = seuilCertification(dateDuJour(evenement.maintenant));
    if (BigDecimal.lessThanOrEqualTo(evenement.montants.montantTtc, seuil)) return undefined;
    return (
      `frais non tarifés (${nonTarifees.map((l) => l.typePrestation).join(", ")}) pour ${formaterMontant(evenement.montants.montantTtc)} € TTC, ` +
      `au-delà du seuil de certification de ${formaterMontant(seuil)} € (CPP R224-1, A43-16) : le mémoire doit être taxé`
    );
  },
};

const motifAbsent: Garde = {
  nom: "motifAbsent",
  sens: "interdit",
  dependDeLaSaisie: true,
  verifier: (_memoire, evenement) => {
    if (evenement.type !== "memoire.refuser") return undefined;
    if (evenement.motif === undefined) return "le motif du refus est obligatoire";
    if (evenement.motif === "AUTRE" && (evenement.commentaire ?? "").trim() === "") return "le motif « Autre » demande un commentaire";
    return undefined;
  },
};

/** Ten days of appeal against an ordonnance de taxe, from its notification (CPP R228-1). */
export const JOURS_DE_RECOURS_TAXE = 10;

/**
 * The last day to appeal an ordonnance de taxe notified on `notifieeLe`: ten days after it; a delay
 * that would end on a Saturday, a Sunday or a public holiday runs to the next working day (CPP art.
 * 801). The ordonnance may be executed from the day after. `notifieeLe`: a date or `AAAA-MM-JJ`.
 */
export const finDuDelaiDeRecours = (notifieeLe: Temporal.PlainDate | string): Temporal.PlainDate => {
  let fin = Temporal.PlainDate.from(notifieeLe).add({ days: JOURS_DE_RECOURS_TAXE });
  while (fin.dayOfWeek >= 6 || estJourFerie(fin)) fin = fin.add({ days: 1 });
  return fin;
};

/** The first day the payment of an ordonnance de taxe notified on `notifieeLe` may be validated: the day after its last day of appeal. */
export const executableLe = (notifieeLe: Temporal.PlainDate | string): Temporal.PlainDate => finDuDelaiDeRecours(notifieeLe).add({ days: 1 });

const jourFrancais = (d: Temporal.PlainDate): string => `${String(d.day).padStart(2, "0")}/${String(d.month).padStart(2, "0")}/${d.year}`;

const notificationTaxeSansObjet: Garde = {
  nom: "notificationTaxeSansObjet",
  sens: "interdit",
  dependDeLaSaisie: false,
  verifier: (memoire, evenement) => {
    if (evenement.type !== "memoire.constater-notification-taxe") return undefined;
    const taxation = memoire.taxation;
    if (taxation === undefined) return "le mémoire n'a pas d'ordonnance de taxe";
    if (!memoire.montantModifie) return "l'ordonnance de taxe accorde le montant demandé : elle n'est pas notifiée au prestataire (CPP R228)";
    if (taxation.notifieeLe !== undefined) return `la notification de l'ordonnance de taxe a déjà été constatée (reçue le ${jourFrancais(Temporal.PlainDate.from(taxation.notifieeLe))})`;
    return undefined;
  },
};

/**
 * Why a day typed for the greffe (`AAAA-MM-JJ`) lies outside its bounds, if it does: before `depuis`
 * (the message `avant`), or after today in Paris (« `quoi` JJ/MM/AAAA est dans le futur »).
 */
const jourHorsBornes = (saisi: string, depuis: Temporal.PlainDate, maintenant: Date, avant: string, quoi: string): string | undefined => {
  const jour = Temporal.PlainDate.from(saisi);
  if (Temporal.PlainDate.compare(jour, depuis) < 0) return avant;
  if (Temporal.PlainDate.compare(jour, dateDuJour(maintenant)) > 0) return `${quoi} ${jourFrancais(jour)} est dans le futur`;
  return undefined;
};

const notificationTaxeInvalide: Garde = {
  nom: "notificationTaxeInvalide",
  sens: "interdit",
  dependDeLaSaisie: true,
  verifier: (memoire, evenement) => {
    if (evenement.type !== "memoire.constater-notification-taxe" || memoire.taxation === undefined) return undefined;
    const taxeLe = dateDuJour(memoire.taxation.le);
    return jourHorsBornes(evenement.notifieeLe, taxeLe, evenement.maintenant, `la notification ne peut précéder l'ordonnance de taxe du ${jourFrancais(taxeLe)}`, "la date de notification");
  },
};

/**
 * Where the execution of a mémoire's ordonnance de taxe stands (CPP R228, R228-1, R230): the one
 * reading of the rules `delaiDeRecoursEnCours` and `recoursEnInstance`, and of the adapters' lists.
 * - `SANS_OBJET`: no ordonnance, or one that grants the request with no appeal recorded: executable at once;
 * - `A_NOTIFIER`: it differs from the request and its notification is not recorded;
 * - `DELAI_DE_RECOURS`: notified; executable from `executableLe` (the day after the last day of appeal);
 * - `RECOURS_EN_INSTANCE`: an appeal is recorded and the chambre de l'instruction has not decided: suspended;
 * - `DECIDEE`: the chambre's decision is recorded: executable from the day it was given.
 */
export type ExecutionTaxe =
  | { readonly statut: "SANS_OBJET" }
  | { readonly statut: "A_NOTIFIER" }
  | { readonly statut: "DELAI_DE_RECOURS"; readonly notifieeLe: Temporal.PlainDate; readonly executableLe: Temporal.PlainDate }
  | { readonly statut: "RECOURS_EN_INSTANCE"; readonly formeLe: Temporal.PlainDate; readonly par: AuteurRecours }
  | { readonly statut: "DECIDEE"; readonly executableLe: Temporal.PlainDate };

export const executionDeLaTaxe = (memoire: Pick<Memoire, "taxation" | "montantModifie">): ExecutionTaxe => {
  const taxation = memoire.taxation;
  if (taxation === undefined) return { statut: "SANS_OBJET" };
  const recours = taxation.recours;
  if (recours?.decision !== undefined) return { statut: "DECIDEE", executableLe: Temporal.PlainDate.from(recours.decision.rendueLe) };
  if (recours !== undefined) return { statut: "RECOURS_EN_INSTANCE", formeLe: Temporal.PlainDate.from(recours.formeLe), par: recours.par };
  if (!memoire.montantModifie) return { statut: "SANS_OBJET" };
  if (taxation.notifieeLe === undefined) return { statut: "A_NOTIFIER" };
  const notifieeLe = Temporal.PlainDate.from(taxation.notifieeLe);
  return { statut: "DELAI_DE_RECOURS", notifieeLe, executableLe: executableLe(notifieeLe) };
};

/** Who appealed, as the rules' messages name them. */
export const LIBELLES_AUTEUR_RECOURS: { readonly [A in AuteurRecours]: string } = { PARTIE_PRENANTE: "le prestataire", MINISTERE_PUBLIC: "le ministère public" };

const delaiDeRecoursEnCours: Garde = {
  nom: "delaiDeRecoursEnCours",
  sens: "interdit",
  dependDeLaSaisie: false,
  verifier: (memoire, evenement) => {
    if (memoire.etat !== "TAXE") return undefined;
    const execution = executionDeLaTaxe(memoire);
    if (execution.statut === "A_NOTIFIER") {
      return (
        "l'ordonnance de taxe diffère de la demande et sa notification au prestataire n'est pas constatée (CPP R228) : " +
        "elle ne peut être exécutée avant l'expiration du délai de recours de dix jours qui suit cette notification (R228-1)"
      );
    }
    if (execution.statut !== "DELAI_DE_RECOURS" || Temporal.PlainDate.compare(dateDuJour(evenement.maintenant), execution.executableLe) >= 0) return undefined;
    return (
      `délai de recours contre l'ordonnance de taxe en cours jusqu'au ${jourFrancais(finDuDelaiDeRecours(execution.notifieeLe))} inclus (notifiée le ${jourFrancais(execution.notifieeLe)}, CPP R228-1, délai suspensif d'exécution) : ` +
      `la demande de paiement pourra être validée à partir du ${jourFrancais(execution.executableLe)}`
    );
  },
};

const recoursTaxeSansObjet: Garde = {
  nom: "recoursTaxeSansObjet",
  sens: "interdit",
  dependDeLaSaisie: false,
  verifier: (memoire, evenement) => {
    if (evenement.type !== "memoire.constater-recours-taxe") return undefined;
    const taxation = memoire.taxation;
    if (taxation === undefined) return "le mémoire n'a pas d'ordonnance de taxe";
    if (taxation.recours !== undefined) {
      return `un recours contre l'ordonnance de taxe est déjà constaté (formé le ${jourFrancais(Temporal.PlainDate.from(taxation.recours.formeLe))} par ${LIBELLES_AUTEUR_RECOURS[taxation.recours.par]})`;
    }
    return undefined;
  },
};

const recoursTaxeInvalide: Garde = {
  nom: "recoursTaxeInvalide",
  sens: "interdit",
  dependDeLaSaisie: true,
  verifier: (memoire, evenement) => {
    if (evenement.type !== "memoire.constater-recours-taxe" || memoire.taxation === undefined) return undefined;
    const taxeLe = dateDuJour(memoire.taxation.le);
    const bornes = jourHorsBornes(evenement.formeLe, taxeLe, evenement.maintenant, `un recours ne peut précéder l'ordonnance de taxe du ${jourFrancais(taxeLe)}`, "la date du recours");
    if (bornes !== undefined || evenement.par !== "PARTIE_PRENANTE") return bornes;
    if (!memoire.montantModifie) return "l'ordonnance de taxe accorde au prestataire le montant qu'il a demandé : il n'a pas de recours à former contre elle (CPP R228-1)";
    const notifieeLe = memoire.taxation.notifieeLe;
    if (notifieeLe === undefined) return undefined;
    const fin = finDuDelaiDeRecours(notifieeLe);
    const jour = Temporal.PlainDate.from(evenement.formeLe);
    return Temporal.PlainDate.compare(jour, fin) > 0
      ? `recours formé le ${jourFrancais(jour)}, après le dernier jour du délai de recours, le ${jourFrancais(fin)} (ordonnance notifiée le ${jourFrancais(Temporal.PlainDate.from(notifieeLe))}) : ` +
          "formé hors délai, il ne suspend pas l'exécution de l'ordonnance de taxe (CPP R228-1)"
      : undefined;
  },
};

const decisionRecoursSansObjet: Garde = {
  nom: "decisionRecoursSansObjet",
  sens: "interdit",
  dependDeLaSaisie: false,
  verifier: (memoire, evenement) => {
    if (evenement.type !== "memoire.constater-decision-recours") return undefined;
    const recours = memoire.taxation?.recours;
    if (recours === undefined) return "aucun recours contre l'ordonnance de taxe n'est constaté sur ce mémoire";
    if (recours.decision !== undefined) return `la décision de la chambre de l'instruction sur le recours est déjà constatée (rendue le ${jourFrancais(Temporal.PlainDate.from(recours.decision.rendueLe))})`;
    return undefined;
  },
};

const decisionRecoursInvalide: Garde = {
  nom: "decisionRecoursInvalide",
  sens: "interdit",
  dependDeLaSaisie: true,
  verifier: (memoire, evenement) => {
    const recours = memoire.taxation?.recours;
    if (evenement.type !== "memoire.constater-decision-recours" || recours === undefined) return undefined;
    const formeLe = Temporal.PlainDate.from(recours.formeLe);
    return jourHorsBornes(evenement.rendueLe, formeLe, evenement.maintenant, `la décision ne peut précéder le recours formé le ${jourFrancais(formeLe)}`, "la date de la décision");
  },
};

const recoursEnInstance: Garde = {
  nom: "recoursEnInstance",
  sens: "interdit",
  dependDeLaSaisie: false,
  verifier: (memoire) => {
    if (memoire.etat !== "TAXE") return undefined;
    const execution = executionDeLaTaxe(memoire);
    return execution.statut === "RECOURS_EN_INSTANCE"
      ? `recours formé le ${jourFrancais(execution.formeLe)} par ${LIBELLES_AUTEUR_RECOURS[execution.par]} contre l'ordonnance de taxe : ` +
          "son exécution est suspendue jusqu'à la décision de la chambre de l'instruction (CPP R228-1)"
      : undefined;
  },
};

/** Every rule by name. `etatIncompatible` is the machine's own (the event does not exist in the state). */
export const GARDES: { readonly [N in Exclude<NomGarde, "etatIncompatible">]: Garde } = {
  acteurNonAutorise,
  auMoinsUneLigne,
  champsObligatoiresManquants,
  attestationSurLHonneurAbsente,
  prerequisManquants,
  delaiForclos,
  certificationNonPermise,
  motifAbsent,
  notificationTaxeSansObjet,
  notificationTaxeInvalide,
  delaiDeRecoursEnCours,
  recoursTaxeSansObjet,
  recoursTaxeInvalide,
  decisionRecoursSansObjet,
  decisionRecoursInvalide,
  recoursEnInstance,
};

/** The rules each event is checked against, in order (authorization first). */
export const GARDES_PAR_EVENEMENT: { readonly [T in TypeEvenement]: ReadonlyArray<Garde> } = {
  "memoire.modifier": [acteurNonAutorise],
  "memoire.supprimer": [acteurNonAutorise],
  "memoire.valider-et-envoyer": [
    acteurNonAutorise,
    auMoinsUneLigne,
    champsObligatoiresManquants,
    prerequisManquants,
    delaiForclos,
    attestationSurLHonneurAbsente,
  ],
  "memoire.transmettre": [acteurNonAutorise],
  "memoire.prendre-en-charge": [acteurNonAutorise],
  "memoire.certifier": [acteurNonAutorise, certificationNonPermise],
  "memoire.refuser": [acteurNonAutorise, motifAbsent],
  "memoire.envoyer-en-taxation": [acteurNonAutorise],
  "memoire.taxer": [acteurNonAutorise],
  "memoire.constater-forclusion": [acteurNonAutorise],
  "memoire.constater-notification-taxe": [acteurNonAutorise, notificationTaxeSansObjet, notificationTaxeInvalide],
  "memoire.constater-recours-taxe": [acteurNonAutorise, recoursTaxeSansObjet, recoursTaxeInvalide],
  "memoire.constater-decision-recours": [acteurNonAutorise, decisionRecoursSansObjet, decisionRecoursInvalide],
  "memoire.valider-paiement": [acteurNonAutorise, recoursEnInstance, delaiDeRecoursEnCours],
  "memoire.mettre-en-paiement": [acteurNonAutorise],
  "memoire.abandonner": [acteurNonAutorise],
  "memoire.dupliquer": [acteurNonAutorise],
};

/** The first rule of the event that blocks it, with the reason; `undefined` when every rule is met. */
export const premiereGardeBloquante = (
  memoire: Memoire,
  evenement: EvenementMachine,
  filtre: (garde: Garde) => boolean = () => true,
): { readonly garde: Garde; readonly detail: string } | undefined => {
  for (const garde of GARDES_PAR_EVENEMENT[evenement.type].filter(filtre)) {
    const detail = garde.verifier(memoire, evenement);
    if (detail !== undefined) return { garde, detail };
  }
  return undefined;
};
