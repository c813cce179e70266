import { BigDecimal, Either, Schema } from "effect";
import { initialTransition } from "xstate";
import type { Acteur, EspaceOuvrable } from "../autorisation/index.js";
import type { CoordonneesBancairesStructure } from "../coordonnees-bancaires/index.js";
import type { MandatsStructure } from "../mandat/index.js";
import { Montant } from "../montants/index.js";
import { prerequisManquants, type PrerequisManquant } from "../prerequis/index.js";
import type { Structure } from "../structure/index.js";
import { SaisieInvalide, transitionPure, type Contexte, type ErreurDeChamp } from "../shared/index.js";
import { produireCertificat, type Certificat } from "./memoire.certificat.js";
import { TransitionRefusee, type NumeroInvalide } from "./memoire.errors.js";
import { auteurDe, TYPES_EVENEMENT, type BaseEvenement, type Brouillon, type EvenementMachine, type TypeEvenement } from "./memoire.evenements.js";
import { dateDuJour, GARDES, premiereGardeBloquante } from "./memoire.gardes.js";
import { machineMemoire } from "./memoire.machine.js";
import { DateCalendaire, NumeroLot, type EtatMemoire, type EvenementMemoire, type LignePrestation, type LigneTaxee, type Memoire, type MotifRefus, type PieceJointe, type Redressement } from "./memoire.model.js";
import { formaterNumeroMj, formaterNumeroTmp, type Numerotation } from "./memoire.numerotation.js";
import {
  calculerMontantsMemoire,
  champInvalide,
  decoder,
  DecisionRecoursSaisie,
  EnTeteSaisie,
  LigneSaisie,
  PaiementSaisie,
  PieceJointeSaisie,
  RecoursSaisie,
  RedressementSaisie,
  RefusSaisie,
  TaxationSaisie,
  totaux,
  verifierLigne,
  type DecisionRecoursSaisie as DecisionRecoursSaisieEncodee,
  type EnTeteSaisie as EnTeteSaisieEncodee,
  type LigneSaisie as LigneSaisieEncodee,
  type PaiementSaisie as PaiementSaisieEncodee,
  type PieceJointeSaisie as PieceJointeSaisieEncodee,
  type RecoursSaisie as RecoursSaisieEncodee,
  type RedressementSaisie as RedressementSaisieEncodee,
  type TaxationSaisie as TaxationSaisieEncodee,
} from "./memoire.saisie.js";

/**
 * The command layer of the mémoire: `(memoire, commande, contexte) → Either<{ memoire, evenements }, Erreur>`.
 * It checks the rules in order (so that a refusal names the failing one), validates and computes
 * what the command brings (amounts through the montants engine), then moves the state with the
 * machine's pure `transition`, and returns the audit events to persist.
 */

// ---------------------------------------------------------------------------------------------------
// Inputs

/** What a command needs from outside: the clock and ids (`Contexte`), who acts, the number sequence, the structure's data. */
export interface ContexteMemoire extends Contexte {
  /** Who sends the command (authorization: autorisation module). */
  readonly acteur: Acteur;
  /** Source of TMP / MJ numbers (adapters: a database sequence). */
  readonly numerotation: Numerotation;
  /** Espaces opened on the mémoire's structure, loaded by the caller (prestataire-side commands need `MEMOIRES_DE_FRAIS_DE_JUSTICE`). */
  readonly espacesOuverts?: ReadonlyArray<EspaceOuvrable>;
}

/** Every command on an existing mémoire, dot-namespaced. Inputs are plain JSON, validated by the command. */
export type Commande =
  | { readonly type: "memoire.modifier-en-tete"; readonly enTete: EnTeteSaisieEncodee }
  | { readonly type: "memoire.ajouter-ligne"; readonly ligne: LigneSaisieEncodee }
  | { readonly type: "memoire.modifier-ligne"; readonly ligneId: string; readonly ligne: LigneSaisieEncodee }
  | { readonly type: "memoire.supprimer-ligne"; readonly ligneId: string }
  | { readonly type: "memoire.joindre-piece"; readonly piece: PieceJointeSaisieEncodee }
  | { readonly type: "memoire.importer-piece-structure"; readonly piece: PieceJointeSaisieEncodee }
  | { readonly type: "memoire.detacher-piece"; readonly pieceId: string }
  | { readonly type: "memoire.modifier-remise-globale"; readonly remiseGlobaleTtc: string | number }
  | { readonly type: "memoire.supprimer" }
  | ({
      readonly type: "memoire.valider-et-envoyer";
      /** The "Confirmer et envoyer" of seed 001: the prestataire attests the sincerity of the data. */
      readonly attestationSurLHonneur: boolean;
      /** The prestataire as printed on the certificat de dépôt. */
      readonly prestataire: { readonly identifiant: string; readonly raisonSociale: string };
      /** The active bank file of the structure, attached automatically on sending (seed 001). */
      readonly coordonneesBancaires?: PieceJointeSaisieEncodee;
    } & (
      | {
          /**
           * The structure's data the prerequisites are checked on (prerequis module: bank details, signed
           * mandat, identifier and régime of a personne physique); core calls `prerequisManquants` on it.
           */
          readonly prerequis: {
            readonly structure: Structure;
            readonly coordonneesBancaires: CoordonneesBancairesStructure;
            readonly mandats: MandatsStructure;
          };
          readonly prerequisManquants?: undefined;
        }
      | {
          /** Or the unmet prerequisites the adapter computed with `prerequisManquants` on the loaded structure. */
          readonly prerequisManquants: ReadonlyArray<PrerequisManquant>;
          readonly prerequis?: undefined;
        }
    ))
  | { readonly type: "memoire.transmettre" }
  | { readonly type: "memoire.prendre-en-charge" }
  | { readonly type: "memoire.certifier"; readonly redressements?: ReadonlyArray<RedressementSaisieEncodee> }
  | { readonly type: "memoire.refuser"; readonly motif?: MotifRefus; readonly commentaire?: string }
  | { readonly type: "memoire.envoyer-en-taxation"; readonly commentaire?: string }
  | { readonly type: "memoire.taxer"; readonly taxation: TaxationSaisieEncodee }
  | { readonly type: "memoire.constater-forclusion"; readonly commentaire?: string }
  /** The greffier records the day the ordonnance de taxe reached the prestataire (`AAAA-MM-JJ`, CPP R228). */
  | { readonly type: "memoire.constater-notification-taxe"; readonly notifieeLe: string }
  /** The greffier records an appeal against the ordonnance de taxe filed at the greffe (CPP R228-1, R230). */
  | ({ readonly type: "memoire.constater-recours-taxe" } & RecoursSaisieEncodee)
  /** The greffier records the chambre de l'instruction's decision on that appeal, sent to the greffe for execution (R230). */
  | { readonly type: "memoire.constater-decision-recours"; readonly decision: DecisionRecoursSaisieEncodee }
  | { readonly type: "memoire.valider-paiement" }
  | { readonly type: "memoire.mettre-en-paiement"; readonly paiement: PaiementSaisieEncodee }
  | { readonly type: "memoire.abandonner" }
  | { readonly type: "memoire.dupliquer" };

/** The type of a command. */
export type TypeCommande = Commande["type"];

/** The machine event each command sends; draft edits are all `memoire.modifier`. */
export const EVENEMENT_DE_LA_COMMANDE: { readonly [C in TypeCommande]: TypeEvenement } = {
  "memoire.modifier-en-tete": "memoire.modifier",
  "memoire.ajouter-ligne": "memoire.modifier",
  "memoire.modifier-ligne": "memoire.modifier",
  "memoire.supprimer-ligne": "memoire.modifier",
  "memoire.joindre-piece": "memoire.modifier",
  "memoire.importer-piece-structure": "memoire.modifier",
  "memoire.detacher-piece": "memoire.modifier",
  "memoire.modifier-remise-globale": "memoire.modifier",
  "memoire.supprimer": "memoire.supprimer",
  "memoire.valider-et-envoyer": "memoire.valider-et-envoyer",
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
  "memoire.abandonner": "memoire.abandonner",
  "memoire.dupliquer": "memoire.dupliquer",
};

/** Every command type. */
export const TYPES_COMMANDE = Object.keys(EVENEMENT_DE_LA_COMMANDE) as ReadonlyArray<TypeCommande>;

/** What an accepted command returns: the new mémoire, the audit events, and what it produced. */
export interface ResultatCommande {
  readonly memoire: Memoire;
  /** The audit events to persist, in order (see `historique`). */
  readonly evenements: ReadonlyArray<EvenementMemoire>;
  /** `memoire.dupliquer`: the new draft (its own events are in `evenements` too). */
  readonly duplicata?: Memoire;
  /** `memoire.valider-et-envoyer`: the certificat de dépôt. */
  readonly certificat?: Certificat;
}

/** Why a command is refused; the mémoire is then unchanged. */
export type ErreurCommande = TransitionRefusee | SaisieInvalide | NumeroInvalide;

// ---------------------------------------------------------------------------------------------------
// Machine helpers

/** The machine's pure transition: the next snapshot, nothing executed (one inert scope, built once). */
const transition: (snapshot: ReturnType<typeof restaurer>, evenement: EvenementMachine) => ReturnType<typeof restaurer> = transitionPure(machineMemoire);

/** The machine snapshot of a stored mémoire (`resolveState` with its `etat` and itself as context). */
export const restaurer = (memoire: Memoire) => machineMemoire.resolveState({ value: memoire.etat, context: { memoire } });

/** The events the machine accepts in a state, whatever the rules (read from the machine definition). */
export const evenementsDeLEtat = (etat: EtatMemoire): ReadonlyArray<TypeEvenement> => {
  const noeud = machineMemoire.root.states[etat];
  if (noeud === undefined) return [];
  const acceptes = new Set(Object.keys(noeud.on));
  return TYPES_EVENEMENT.filter((t) => acceptes.has(t));
};

const base = (contexte: ContexteMemoire): BaseEvenement => ({
  acteur: contexte.acteur,
  maintenant: contexte.maintenant,
  ...(contexte.espacesOuverts === undefined ? {} : { espacesOuverts: contexte.espacesOuverts }),
});

const brouillonDe = (m: Memoire): Brouillon => ({
  enTete: m.enTete,
  lignes: m.lignes,
  piecesJointes: m.piecesJointes,
  remiseGlobaleTtc: m.remiseGlobaleTtc,
  montants: m.montants,
});

// Never applied: only read by the input-free rules (none reads the payment).
const PAIEMENT_SANS_SAISIE = Schema.decodeSync(PaiementSaisie)({ date: "1970-01-01", reference: "-" });

/**
 * The event of a type with no input: what `evenementsPossibles` checks the input-free rules with,
 * and what authorization is checked on before any input is read.
 */
const evenementSansSaisie = (type: TypeEvenement, memoire: Memoire, b: BaseEvenement): EvenementMachine => {
  switch (type) {
    case "memoire.modifier":
      return { ...b, type, brouillon: brouillonDe(memoire) };
    case "memoire.valider-et-envoyer":
      return { ...b, type, attestationSurLHonneur: false, prerequisManquants: [] };
    case "memoire.certifier":
      return { ...b, type, redressements: [], lignes: memoire.lignes, montants: memoire.montants };
    case "memoire.taxer":
      return { ...b, type, lignesTaxees: [], motif: "", montants: memoire.montants };
    case "memoire.mettre-en-paiement":
      return { ...b, type, paiement: PAIEMENT_SANS_SAISIE };
    case "memoire.constater-notification-taxe":
      return { ...b, type, notifieeLe: PAIEMENT_SANS_SAISIE.date };
    case "memoire.constater-recours-taxe":
      return { ...b, type, formeLe: PAIEMENT_SANS_SAISIE.date, par: "PARTIE_PRENANTE" };
    case "memoire.constater-decision-recours":
      return { ...b, type, rendueLe: PAIEMENT_SANS_SAISIE.date, sens: "CONFIRMATION", motif: "", lignesTaxees: [], montants: memoire.montants };
    case "memoire.supprimer":
    case "memoire.transmettre":
    case "memoire.prendre-en-charge":
    case "memoire.refuser":
    case "memoire.envoyer-en-taxation":
    case "memoire.constater-forclusion":
    case "memoire.valider-paiement":
    case "memoire.abandonner":
    case "memoire.dupliquer":
      return { ...b, type };
  }
};

// ---------------------------------------------------------------------------------------------------
// Preparing the event: decoding the input and computing what changes (may fail with SaisieInvalide)

const RedressementSaisieListe = Schema.Array(RedressementSaisie);

const saisieInvalide = (erreurs: ReadonlyArray<ErreurDeChamp>): SaisieInvalide => new SaisieInvalide({ erreurs });

/**
 * The amounts of a mémoire whose lines are taxed at the HT amounts given (ordonnance de taxe, or the
 * chambre de l'instruction's reformation): each named line re-priced at its HT amount, the others
 * keeping their current HT, each with its own VAT rate and débours — the same engine computes the VAT
 * breakdown and the totals. An unknown or repeated line is refused, named at `chemin[i].ligneId`.
 */
const montantsTaxes = (
  memoire: Memoire,
  taxees: ReadonlyArray<LigneTaxee>,
  chemin: string,
  repetee: string,
): Either.Either<Memoire["montants"], SaisieInvalide> => {
  const erreurs: Array<ErreurDeChamp> = taxees.flatMap((l, i) =>
    !memoire.lignes.some((m) => m.id === l.ligneId)
      ? [{ chemin: `${chemin}[${i}].ligneId`, raison: `ligne « ${l.ligneId} » inconnue sur ce mémoire` }]
      : taxees.findIndex((autre) => autre.ligneId === l.ligneId) < i
        ? [{ chemin: `${chemin}[${i}].ligneId`, raison: `ligne « ${l.ligneId} » ${repetee}` }]
        : [],
  );
  if (erreurs.length > 0) return Either.left(saisieInvalide(erreurs));
  const lignesTaxees = memoire.lignes.map((ligne, i) => {
    const taxee = taxees.find((l) => l.ligneId === ligne.id);
    const montantHt = taxee?.montantHtTaxe ?? memoire.montants.lignes[i]?.montantHt ?? BigDecimal.make(0n, 2);
    return { ...ligne, quantite: BigDecimal.make(1n, 0), tarifHt: montantHt, fraisDivers: BigDecimal.make(0n, 2), remise: BigDecimal.make(0n, 2) };
  });
  return calculerMontantsMemoire({ ...memoire, lignes: lignesTaxees });
};

const avecMontants = (
  memoire: Memoire,
  changements: Partial<Omit<Brouillon, "montants">>,
): Either.Either<Brouillon, SaisieInvalide> => {
  const suivant = { ...brouillonDe(memoire), ...changements };
  return Either.map(calculerMontantsMemoire(suivant), (montants) => ({ ...suivant, montants }));
};

const decoderLigne = (entree: unknown, id: string, prefixe: string): Either.Either<LignePrestation, SaisieInvalide> =>
  Either.flatMap(decoder(LigneSaisie, prefixe)(entree), (l) => {
    const ligne: LignePrestation = { id, ...l };
    const erreurs = verifierLigne(ligne, prefixe);
    return erreurs.length === 0 ? Either.right(ligne) : Either.left(saisieInvalide(erreurs));
  });

const decoderPiece = (
  memoire: Memoire,
  entree: unknown,
  id: string,
  origine: PieceJointe["origine"],
  prefixe: string,
): Either.Either<PieceJointe, SaisieInvalide> =>
  Either.flatMap(decoder(PieceJointeSaisie, prefixe)(entree), (p) =>
    p.ligneId !== undefined && !memoire.lignes.some((l) => l.id === p.ligneId)
      ? Either.left(champInvalide(`${prefixe}.ligneId`, `ligne « ${p.ligneId} » inconnue sur ce mémoire`))
      : Either.right({ id, origine, ...p }),
  );

const indexLigne = (memoire: Memoire, ligneId: string, chemin: string): Either.Either<number, SaisieInvalide> => {
  const i = memoire.lignes.findIndex((l) => l.id === ligneId);
  return i < 0 ? Either.left(champInvalide(chemin, `ligne « ${ligneId} » inconnue sur ce mémoire`)) : Either.right(i);
};

const modification = (b: BaseEvenement) => (brouillon: Brouillon): EvenementMachine => ({ ...b, type: "memoire.modifier", brouillon });

const preparer = (memoire: Memoire, commande: Commande, contexte: ContexteMemoire): Either.Either<EvenementMachine, SaisieInvalide> => {
  const b = base(contexte);
  switch (commande.type) {
    case "memoire.modifier-en-tete":
      return Either.flatMap(decoder(EnTeteSaisie, "enTete")(commande.enTete), (enTete) =>
        enTete.structureId !== memoire.enTete.structureId
          ? Either.left(champInvalide("enTete.structureId", "la structure d'un mémoire ne change pas (créer un autre mémoire)"))
          : Either.map(avecMontants(memoire, { enTete }), modification(b)),
      );
    case "memoire.ajouter-ligne":
      return Either.flatMap(decoderLigne(commande.ligne, contexte.genererId(), "ligne"), (ligne) =>
        Either.map(avecMontants(memoire, { lignes: [...memoire.lignes, ligne] }), modification(b)),
      );
    case "memoire.modifier-ligne":
      return Either.flatMap(indexLigne(memoire, commande.ligneId, "ligneId"), (i) =>
        Either.flatMap(decoderLigne(commande.ligne, commande.ligneId, "ligne"), (ligne) =>
          Either.map(avecMontants(memoire, { lignes: memoire.lignes.map((l, j) => (j === i ? ligne : l)) }), modification(b)),
        ),
      );
    case "memoire.supprimer-ligne":
      // The line's attachments go with it.
      return Either.flatMap(indexLigne(memoire, commande.ligneId, "ligneId"), () =>
        Either.map(
          avecMontants(memoire, {
            lignes: memoire.lignes.filter((l) => l.id !== commande.ligneId),
            piecesJointes: memoire.piecesJointes.filter((p) => p.ligneId !== commande.ligneId),
          }),
          modification(b),
        ),
      );
    case "memoire.joindre-piece":
    case "memoire.importer-piece-structure":
      return Either.flatMap(
        decoderPiece(memoire, commande.piece, contexte.genererId(), commande.type === "memoire.joindre-piece" ? "MEMOIRE" : "STRUCTURE", "piece"),
        (piece) => Either.map(avecMontants(memoire, { piecesJointes: [...memoire.piecesJointes, piece] }), modification(b)),
      );
    case "memoire.detacher-piece":
      return memoire.piecesJointes.some((p) => p.id === commande.pieceId)
        ? Either.map(avecMontants(memoire, { piecesJointes: memoire.piecesJointes.filter((p) => p.id !== commande.pieceId) }), modification(b))
        : Either.left(champInvalide("pieceId", `pièce jointe « ${commande.pieceId} » inconnue sur ce mémoire`));
    case "memoire.modifier-remise-globale":
      return Either.flatMap(decoder(Montant, "remiseGlobaleTtc")(commande.remiseGlobaleTtc), (remiseGlobaleTtc) =>
        Either.map(avecMontants(memoire, { remiseGlobaleTtc }), modification(b)),
      );
    case "memoire.valider-et-envoyer": {
      const pieces =
        commande.coordonneesBancaires === undefined
          ? Either.right(undefined)
          : decoderPiece(memoire, commande.coordonneesBancaires, "-", "STRUCTURE", "coordonneesBancaires");
      const p = commande.prerequis;
      if (p !== undefined && p.structure.id !== memoire.enTete.structureId) {
        return Either.left(champInvalide("prerequis.structure", `structure ${p.structure.id} au lieu de ${memoire.enTete.structureId}, celle du mémoire`));
      }
      // Sending is never allowed on unknown prerequisites: one of the two forms is required (seed 002).
      const manquants = p !== undefined ? prerequisManquants(p.structure, p.coordonneesBancaires, p.mandats) : commande.prerequisManquants;
      if (manquants === undefined) {
        return Either.left(champInvalide("prerequis", "les prérequis de la structure (ou leur liste calculée) sont obligatoires pour envoyer"));
      }
      return Either.map(pieces, () => ({
        ...b,
        type: "memoire.valider-et-envoyer",
        attestationSurLHonneur: commande.attestationSurLHonneur,
        prerequisManquants: manquants,
      }));
    }
    case "memoire.certifier":
      return Either.flatMap(decoder(RedressementSaisieListe, "redressements")(commande.redressements ?? []), (saisis) => {
        const erreurs: Array<ErreurDeChamp> = [];
        const redressements: Array<Redressement> = [];
        let lignes = memoire.lignes;
        saisis.forEach((r, i) => {
          const ligne = lignes.find((l) => l.id === r.ligneId);
          if (ligne === undefined) {
            erreurs.push({ chemin: `redressements[${i}].ligneId`, raison: `ligne « ${r.ligneId} » inconnue sur ce mémoire` });
            return;
          }
          if (saisis.findIndex((autre) => autre.ligneId === r.ligneId) < i) {
            erreurs.push({ chemin: `redressements[${i}].ligneId`, raison: `ligne « ${r.ligneId} » déjà redressée : un redressement par ligne` });
            return;
          }
          redressements.push({ ...r, quantiteAvant: ligne.quantite, tarifHtAvant: ligne.tarifHt });
          lignes = lignes.map((l) => (l.id === r.ligneId ? { ...l, quantite: r.quantite ?? l.quantite, tarifHt: r.tarifHt ?? l.tarifHt } : l));
        });
        if (erreurs.length > 0) return Either.left(saisieInvalide(erreurs));
        // Without a redressement the lines are the ones priced when the mémoire was sent: its amounts stand.
        const montants = redressements.length === 0 ? Either.right(memoire.montants) : calculerMontantsMemoire({ ...memoire, lignes });
        return Either.map(montants, (montants) => ({
          ...b,
          type: "memoire.certifier" as const,
          redressements,
          lignes,
          montants,
        }));
      });
    case "memoire.refuser":
      return Either.map(decoder(RefusSaisie, "")({ motif: commande.motif, commentaire: commande.commentaire }), (r) => ({
        ...b,
        type: "memoire.refuser" as const,
        ...(r.motif === undefined ? {} : { motif: r.motif }),
        ...(r.commentaire === undefined ? {} : { commentaire: r.commentaire }),
      }));
    case "memoire.taxer":
      return Either.flatMap(decoder(TaxationSaisie, "taxation")(commande.taxation), (t) =>
        Either.map(montantsTaxes(memoire, t.lignes, "taxation.lignes", "déjà taxée par cette ordonnance"), (montants) => ({
          ...b,
          type: "memoire.taxer" as const,
          lignesTaxees: t.lignes,
          motif: t.motif,
          montants,
        })),
      );
    case "memoire.constater-recours-taxe":
      return Either.map(decoder(RecoursSaisie, "")({ formeLe: commande.formeLe, par: commande.par, ...(commande.commentaire === undefined ? {} : { commentaire: commande.commentaire }) }), (r) => {
        const commentaire = r.commentaire?.trim();
        return { ...b, type: "memoire.constater-recours-taxe" as const, formeLe: r.formeLe, par: r.par, ...(commentaire === undefined || commentaire === "" ? {} : { commentaire }) };
      });
    case "memoire.constater-decision-recours":
      return Either.flatMap(decoder(DecisionRecoursSaisie, "decision")(commande.decision), (d) => {
        const lignes = d.lignes ?? [];
        // A reformation re-prices the lines it names; the other senses leave the ordonnance's amounts.
        const montants = lignes.length === 0 ? Either.right(memoire.montants) : montantsTaxes(memoire, lignes, "decision.lignes", "déjà fixée par cette décision");
        return Either.map(montants, (montants) => ({
          ...b,
          type: "memoire.constater-decision-recours" as const,
          rendueLe: d.rendueLe,
          sens: d.sens,
          motif: d.motif.trim(),
          lignesTaxees: lignes,
          montants,
        }));
      });
    case "memoire.mettre-en-paiement":
      return Either.map(decoder(PaiementSaisie, "paiement")(commande.paiement), (paiement) => ({ ...b, type: "memoire.mettre-en-paiement" as const, paiement }));
    case "memoire.constater-notification-taxe":
      return Either.map(decoder(DateCalendaire, "notifieeLe")(commande.notifieeLe), (notifieeLe) => ({ ...b, type: "memoire.constater-notification-taxe" as const, notifieeLe }));
    case "memoire.envoyer-en-taxation":
    case "memoire.constater-forclusion":
      return Either.right({ ...b, type: commande.type, ...(commande.commentaire === undefined ? {} : { commentaire: commande.commentaire }) });
    case "memoire.supprimer":
    case "memoire.transmettre":
    case "memoire.prendre-en-charge":
    case "memoire.valider-paiement":
    case "memoire.abandonner":
    case "memoire.dupliquer":
      return Either.right({ ...b, type: commande.type });
  }
};


// ---------------------------------------------------------------------------------------------------
// Checking

const refus = (memoire: Memoire, evenement: string, garde: TransitionRefusee["garde"], detail: string): TransitionRefusee =>
  new TransitionRefusee({ evenement, etat: memoire.etat, garde, detail });

/** State, then authorization, then input, then the other rules: the first failure is returned. */
const verifier = (memoire: Memoire, commande: Commande, contexte: ContexteMemoire): Either.Either<EvenementMachine, ErreurCommande> => {
  const type = EVENEMENT_DE_LA_COMMANDE[commande.type];
  const acceptes = evenementsDeLEtat(memoire.etat);
  if (!acceptes.includes(type)) {
    return Either.left(
      refus(
        memoire,
        commande.type,
        "etatIncompatible",
        acceptes.length === 0
          ? `le mémoire est dans l'état terminal ${memoire.etat}`
          : `l'état ${memoire.etat} n'admet que : ${acceptes.join(", ")}`,
      ),
    );
  }
  const autorisation = GARDES.acteurNonAutorise.verifier(memoire, evenementSansSaisie(type, memoire, base(contexte)));
  if (autorisation !== undefined) return Either.left(refus(memoire, commande.type, "acteurNonAutorise", autorisation));
  return Either.flatMap(preparer(memoire, commande, contexte), (evenement) => {
    const bloquante = premiereGardeBloquante(memoire, evenement);
    return bloquante === undefined ? Either.right(evenement) : Either.left(refus(memoire, commande.type, bloquante.garde.nom, bloquante.detail));
  });
};

/**
 * Whether the command would be accepted now, without numbering anything: `Right(true)` or the
 * refusal (`TransitionRefusee` naming the rule, or `SaisieInvalide`).
 */
export const peut = (memoire: Memoire, commande: Commande, contexte: ContexteMemoire): Either.Either<true, ErreurCommande> =>
  Either.map(verifier(memoire, commande, contexte), () => true as const);

/**
 * The commands the actor may send on the mémoire now, checked on its state, the actor's rights and
 * the rules that do not depend on what they will type (the attestation, a motif): the back-office
 * shows only these actions.
 */
export const evenementsPossibles = (
  memoire: Memoire,
  contexte: Pick<ContexteMemoire, "acteur" | "maintenant" | "espacesOuverts"> & { readonly prerequisManquants?: ReadonlyArray<PrerequisManquant> },
): ReadonlyArray<TypeCommande> => {
  const b: BaseEvenement = {
    acteur: contexte.acteur,
    maintenant: contexte.maintenant,
    ...(contexte.espacesOuverts === undefined ? {} : { espacesOuverts: contexte.espacesOuverts }),
  };
  const acceptes = evenementsDeLEtat(memoire.etat);
  const possibles = new Set(
    acceptes.filter((type) => {
      const sansSaisie = evenementSansSaisie(type, memoire, b);
      const evenement =
        sansSaisie.type === "memoire.valider-et-envoyer" ? { ...sansSaisie, prerequisManquants: contexte.prerequisManquants ?? [] } : sansSaisie;
      return premiereGardeBloquante(memoire, evenement, (g) => !g.dependDeLaSaisie) === undefined;
    }),
  );
  return TYPES_COMMANDE.filter((c) => possibles.has(EVENEMENT_DE_LA_COMMANDE[c]));
};

// ---------------------------------------------------------------------------------------------------
// Executing

const motifDe = (evenement: EvenementMachine): string | undefined => {
  switch (evenement.type) {
    case "memoire.refuser":
      return [evenement.motif, evenement.commentaire].filter((s) => s !== undefined && s !== "").join(" : ");
    case "memoire.constater-forclusion":
      return ["FORCLUSION", evenement.commentaire].filter((s) => s !== undefined && s !== "").join(" : ");
    case "memoire.certifier":
      return evenement.redressements.length === 0 ? undefined : evenement.redressements.map((r) => `${r.ligneId} : ${r.motif}`).join(" ; ");
    case "memoire.taxer":
      return evenement.motif;
    case "memoire.constater-recours-taxe":
      return evenement.commentaire;
    case "memoire.constater-decision-recours":
      return evenement.motif;
    case "memoire.envoyer-en-taxation":
      return evenement.commentaire;
    case "memoire.modifier":
    case "memoire.supprimer":
    case "memoire.valider-et-envoyer":
    case "memoire.transmettre":
    case "memoire.prendre-en-charge":
    case "memoire.constater-notification-taxe":
    case "memoire.valider-paiement":
    case "memoire.mettre-en-paiement":
    case "memoire.abandonner":
    case "memoire.dupliquer":
      return undefined;
  }
};

const evenementAudit = (
  contexte: ContexteMemoire,
  commande: string,
  avant: Memoire,
  apres: Memoire,
  motif: string | undefined,
  details: Record<string, string>,
): EvenementMemoire => ({
  id: contexte.genererId(),
  memoireId: apres.id,
  numero: apres.numero,
  commande,
  auteur: auteurDe(contexte.acteur),
  le: contexte.maintenant,
  de: avant.etat,
  vers: apres.etat,
  ...(motif === undefined || motif === "" ? {} : { motif }),
  montantsAvant: totaux(avant.montants),
  montantsApres: totaux(apres.montants),
  details,
});

const detailsDe = (commande: Commande, avant: Memoire, apres: Memoire): Record<string, string> => {
  if (commande.type === "memoire.modifier-ligne" || commande.type === "memoire.supprimer-ligne") return { ligneId: commande.ligneId };
  if (commande.type === "memoire.detacher-piece") return { pieceId: commande.pieceId };
  if (commande.type === "memoire.mettre-en-paiement") return { datePaiement: commande.paiement.date, reference: commande.paiement.reference };
  if (commande.type === "memoire.constater-notification-taxe") return apres.taxation?.notifieeLe === undefined ? {} : { notifieeLe: apres.taxation.notifieeLe };
  if (commande.type === "memoire.constater-recours-taxe") {
    const recours = apres.taxation?.recours;
    return recours === undefined ? {} : { formeLe: recours.formeLe, par: recours.par };
  }
  if (commande.type === "memoire.constater-decision-recours") {
    const decision = apres.taxation?.recours?.decision;
    return decision === undefined ? {} : { rendueLe: decision.rendueLe, sens: decision.sens };
  }
  if (commande.type === "memoire.prendre-en-charge") return apres.agentEnCharge === undefined ? {} : { agentEnCharge: apres.agentEnCharge };
  const nouvelles = (a: ReadonlyArray<{ readonly id: string }>, b: ReadonlyArray<{ readonly id: string }>) =>
    b.filter((x) => !a.some((y) => y.id === x.id)).map((x) => x.id);
  if (commande.type === "memoire.ajouter-ligne") return { ligneId: nouvelles(avant.lignes, apres.lignes).join(",") };
  if (commande.type === "memoire.joindre-piece" || commande.type === "memoire.importer-piece-structure") {
    return { pieceId: nouvelles(avant.piecesJointes, apres.piecesJointes).join(",") };
  }
  return {};
};

const anneeDe = (instant: Date): number => dateDuJour(instant).year;

/** A copy of a refused mémoire as a new draft: same fields and attachments, new ids and TMP number, linked both ways. */
const dupliquer = (
  original: Memoire,
  contexte: ContexteMemoire,
): Either.Either<Memoire, NumeroInvalide> =>
  Either.flatMap(formaterNumeroTmp(anneeDe(contexte.maintenant), contexte.numerotation.prochainNumeroTmp(anneeDe(contexte.maintenant))), (numero) => {
    const nouveauxIds = new Map(original.lignes.map((l) => [l.id, contexte.genererId()] as const));
    const lignes = original.lignes.map((l) => ({ ...l, id: nouveauxIds.get(l.id) ?? l.id }));
    const piecesJointes = original.piecesJointes.map((p) => {
      const ligneId = p.ligneId === undefined ? undefined : nouveauxIds.get(p.ligneId);
      const { ligneId: _ancienne, ...reste } = p;
      return { ...reste, id: contexte.genererId(), ...(ligneId === undefined ? {} : { ligneId }) };
    });
    // The request as the prestataire made it, not as the court changed it.
    const montantsDemandes = original.montantsDemandes ?? original.montants;
    const lignesDemandees = lignes.map((l, i) => {
      const premier = original.redressements.find((r) => r.ligneId === original.lignes[i]?.id);
      return premier === undefined ? l : { ...l, quantite: premier.quantiteAvant, tarifHt: premier.tarifHtAvant };
    });
    const copie = nouveauBrouillon({
      id: contexte.genererId(),
      numero,
      enTete: original.enTete,
      lignes: lignesDemandees,
      piecesJointes,
      remiseGlobaleTtc: original.remiseGlobaleTtc,
      montants: { ...montantsDemandes, lignes: montantsDemandes.lignes.map((m) => ({ ...m, ligneId: nouveauxIds.get(m.ligneId) ?? m.ligneId })) },
      maintenant: contexte.maintenant,
      acteur: contexte.acteur,
      duplicataDe: original.id,
      // Identical in fields: the duplicate keeps the en-tête (mode de dépôt included) and the lot.
      ...(original.numeroLot === undefined ? {} : { numeroLot: original.numeroLot }),
    });
    return Either.right(copie);
  });

const nouveauBrouillon = (d: {
  readonly id: string;
  readonly numero: Memoire["numeroProvisoire"];
  readonly enTete: Memoire["enTete"];
  readonly lignes: Memoire["lignes"];
  readonly piecesJointes: Memoire["piecesJointes"];
  readonly remiseGlobaleTtc: Memoire["remiseGlobaleTtc"];
  readonly montants: Memoire["montants"];
  readonly maintenant: Date;
  readonly acteur: Acteur;
  readonly duplicataDe?: string;
  readonly numeroLot?: string;
}): Memoire => {
  const memoire: Memoire = {
    id: d.id,
    numero: d.numero,
    numeroProvisoire: d.numero,
    etat: "BROUILLON",
    enTete: d.enTete,
    ...(d.numeroLot === undefined ? {} : { numeroLot: d.numeroLot }),
    lignes: d.lignes,
    piecesJointes: d.piecesJointes,
    remiseGlobaleTtc: d.remiseGlobaleTtc,
    attestationSurLHonneur: false,
    montants: d.montants,
    montantModifie: false,
    creeLe: d.maintenant,
    creePar: auteurDe(d.acteur),
    version: 1,
    redressements: [],
    etatLe: d.maintenant,
    ...(d.duplicataDe === undefined ? {} : { duplicataDe: d.duplicataDe }),
  };
  const [snapshot] = initialTransition(machineMemoire, { memoire });
  return snapshot.context.memoire;
};

/**
 * Executes a command on a mémoire. Order of the checks: the state admits the command
 * (`etatIncompatible`), the actor may do it (`acteurNonAutorise`), the input is valid
 * (`SaisieInvalide` naming each field), the other rules of the event (first failing one named).
 * Then numbers are drawn (MJ on sending, TMP for a duplicate) and the machine's `transition` moves
 * the state. A refused command leaves the mémoire unchanged and draws no number.
 */
export const executer = (
  memoire: Memoire,
  commande: Commande,
  contexte: ContexteMemoire,
): Either.Either<ResultatCommande, ErreurCommande> =>
  Either.flatMap(verifier(memoire, commande, contexte), (evenement) => {
    const snapshot = restaurer(memoire);
    if (evenement.type === "memoire.valider-et-envoyer" && commande.type === "memoire.valider-et-envoyer") {
      return Either.flatMap(formaterNumeroMj(contexte.numerotation.prochainNumeroMj()), (numero) => {
        const bancaire =
          commande.coordonneesBancaires === undefined
            ? []
            : Either.match(decoderPiece(memoire, commande.coordonneesBancaires, contexte.genererId(), "STRUCTURE", "coordonneesBancaires"), {
                onLeft: () => [],
                onRight: (p) => [{ ...p, type: "COORDONNEE_BANCAIRE" as const }],
              });
        const complet: EvenementMachine = {
          ...evenement,
          envoi: { numero, montants: memoire.montants, piecesJointes: [...memoire.piecesJointes, ...bancaire] },
        };
        const suivant = transition(snapshot, complet);
        const envoye = suivant.context.memoire;
        const certificat = produireCertificat(envoye, { dateDepot: contexte.maintenant, prestataire: commande.prestataire });
        const final: Memoire = { ...envoye, empreinteDepot: certificat.empreinte, version: memoire.version + 1 };
        return Either.right({
          memoire: final,
          certificat,
          evenements: [evenementAudit(contexte, commande.type, memoire, final, undefined, { numeroProvisoire: memoire.numeroProvisoire, empreinte: certificat.empreinte })],
        });
      });
    }
    if (evenement.type === "memoire.dupliquer") {
      return Either.map(dupliquer(memoire, contexte), (duplicata) => {
        const suivant = transition(snapshot, { ...evenement, duplicataId: duplicata.id });
        const final: Memoire = { ...suivant.context.memoire, version: memoire.version + 1 };
        return {
          memoire: final,
          duplicata,
          evenements: [
            evenementAudit(contexte, commande.type, memoire, final, undefined, { duplicataId: duplicata.id, duplicataNumero: duplicata.numero }),
            evenementAudit(contexte, "memoire.creer", duplicata, duplicata, undefined, { duplicataDe: memoire.id, duplicataDeNumero: memoire.numero }),
          ],
        };
      });
    }
    const suivant = transition(snapshot, evenement);
    const final: Memoire = { ...suivant.context.memoire, version: memoire.version + 1 };
    return Either.right({ memoire: final, evenements: [evenementAudit(contexte, commande.type, memoire, final, motifDe(evenement), detailsDe(commande, memoire, final))] });
  });

/** Throwing twin of {@link executer}, for scripts and tests: throws the refusal. */
export const unsafeExecuter = (memoire: Memoire, commande: Commande, contexte: ContexteMemoire): ResultatCommande =>
  Either.getOrThrowWith(executer(memoire, commande, contexte), (e) => e);

// ---------------------------------------------------------------------------------------------------
// Creating a draft

/**
 * What "Saisir mémoire" needs to create a draft: the en-tête, optionally lines and a remise globale.
 * A flux import also gives the `numeroLot` of the deposit (only with `enTete.modeDepot` `FLUX`).
 */
export interface SaisieBrouillon {
  readonly enTete: EnTeteSaisieEncodee;
  readonly lignes?: ReadonlyArray<LigneSaisieEncodee>;
  readonly remiseGlobaleTtc?: string | number;
  readonly numeroLot?: string;
}

/**
 * Creates a draft (seed 001 "Saisir les données d'en-tête" → "Enregistrer"): validates the input,
 * checks the actor may write mémoires on the structure, computes the amounts, draws a TMP number
 * for the year of `maintenant` (Europe/Paris) and returns it in `BROUILLON` with its audit event.
 */
export const creerBrouillon = (saisie: SaisieBrouillon, contexte: ContexteMemoire): Either.Either<ResultatCommande, ErreurCommande> =>
  Either.flatMap(decoder(EnTeteSaisie, "enTete")(saisie.enTete), (enTete): Either.Either<ResultatCommande, ErreurCommande> => {
    const lignes = (saisie.lignes ?? []).map((l, i) => decoderLigne(l, contexte.genererId(), `lignes[${i}]`));
    const remise = decoder(Montant, "remiseGlobaleTtc")(saisie.remiseGlobaleTtc ?? "0.00");
    const lot =
      saisie.numeroLot === undefined
        ? Either.right(undefined)
        : enTete.modeDepot !== "FLUX"
          ? Either.left(champInvalide("numeroLot", "un numéro de lot n'existe que pour un mémoire déposé par flux (modeDepot FLUX)"))
          : decoder(NumeroLot, "numeroLot")(saisie.numeroLot);
    const erreurs = [
      ...lignes.flatMap((r) => (Either.isLeft(r) ? r.left.erreurs : [])),
      ...(Either.isLeft(remise) ? remise.left.erreurs : []),
      ...(Either.isLeft(lot) ? lot.left.erreurs : []),
    ];
    if (erreurs.length > 0) return Either.left(saisieInvalide(erreurs));
    const numeroLot = Either.getOrUndefined(lot);
    const lignesDecodees = lignes.flatMap((r) => (Either.isRight(r) ? [r.right] : []));
    const remiseGlobaleTtc = Either.getOrElse(remise, () => BigDecimal.make(0n, 2));
    return Either.flatMap(calculerMontantsMemoire({ enTete, lignes: lignesDecodees, remiseGlobaleTtc }), (montants): Either.Either<ResultatCommande, ErreurCommande> => {
      const provisoire = nouveauBrouillon({
        id: contexte.genererId(),
        numero: "TMP000000000000" as Memoire["numeroProvisoire"],
        enTete,
        lignes: lignesDecodees,
        piecesJointes: [],
        remiseGlobaleTtc,
        montants,
        maintenant: contexte.maintenant,
        acteur: contexte.acteur,
        ...(numeroLot === undefined ? {} : { numeroLot }),
      });
      const autorisation = GARDES.acteurNonAutorise.verifier(provisoire, evenementSansSaisie("memoire.modifier", provisoire, base(contexte)));
      if (autorisation !== undefined) {
        return Either.left(new TransitionRefusee({ evenement: "memoire.creer", etat: "BROUILLON", garde: "acteurNonAutorise", detail: autorisation }));
      }
      const annee = anneeDe(contexte.maintenant);
      return Either.map(formaterNumeroTmp(annee, contexte.numerotation.prochainNumeroTmp(annee)), (numero) => {
        const memoire: Memoire = { ...provisoire, numero, numeroProvisoire: numero };
        return { memoire, evenements: [evenementAudit(contexte, "memoire.creer", memoire, memoire, undefined, {})] };
      });
    });
  });
