import { Either, Option, type ParseResult, Schema } from "effect";
import { SaisieInvalide, depuisParseError, transitionPure, type Contexte } from "@frais-justice/core";
import { autoriser, type Acteur, type EspaceOuvrable, type NonAutorise } from "@frais-justice/core/autorisation";
import { statutVisible } from "@frais-justice/core/memoire";
import {
  router,
  trouverSousCategorie,
  type CategorieInconnue,
  type JuridictionFile,
  type ReferentielCategories,
} from "../categorie/index.js";
import { MemoireIntrouvable, TransitionRefusee, type NomGarde, type NumeroTicketInvalide } from "./ticket.errors.js";
import type { EvenementMachine } from "./ticket.evenements.js";
import { GARDES, GARDES_PAR_EVENEMENT } from "./ticket.gardes.js";
import { evenementsDeLEtat, machineTicket } from "./ticket.machine.js";
import {
  PARAMETRES_ECHEANCES_PAR_DEFAUT,
  type EntreeJournal,
  type MemoireConcernee,
  type ParametresEcheances,
  type Ticket,
} from "./ticket.model.js";
import { formaterNumeroTicket } from "./ticket.numerotation.js";
import { CommandeSaisie, TicketSaisie } from "./ticket.saisie.js";

/** What a command returns: the new ticket and the events (journal rows) to persist. */
export interface ResultatTicket {
  readonly ticket: Ticket;
  readonly evenements: ReadonlyArray<EntreeJournal>;
}

/** The command context: clock and ids (core `Contexte`), and the auto-close delays (default 5 and 10 days). */
export interface ContexteTicket extends Contexte {
  readonly parametres?: ParametresEcheances;
}

/** What the caller loaded before a creation: the reference tree, the known juridictions, the sequence value, the mémoire. */
export interface DonneesCreation {
  /** The requester. */
  readonly acteur: Acteur;
  /** The version of the catégories tree applicable today (`referentielApplicable`). */
  readonly referentiel: ReferentielCategories;
  /** Juridictions whose service métier queue exists. */
  readonly juridictions: ReadonlyArray<JuridictionFile>;
  /** Next value of the ticket sequence (the adapter keeps it unique). */
  readonly sequence: number;
  /** The mémoire named by the N° objet, when the sous-catégorie takes a mémoire and it was found. */
  readonly memoire?: MemoireConcernee;
  /** Espaces open on the mémoire's structure (read by `memoire.consulter`). */
  readonly espacesOuverts?: ReadonlyArray<EspaceOuvrable>;
}

/** Every way a creation may fail. */
export type ErreurCreation = SaisieInvalide | NonAutorise | CategorieInconnue | MemoireIntrouvable | NumeroTicketInvalide;

const champ = (chemin: string, raison: string): SaisieInvalide => new SaisieInvalide({ erreurs: [{ chemin, raison }] });

/**
 * Creates a ticket (seed 001 "Envoyer une demande d'aide au support"), as a draft or submitted.
 *
 * Checks, in order: the form (Effect Schema → `SaisieInvalide` listing every field); the requester
 * may emit a ticket for the structure (`autoriser(acteur, "ticket.emettre", structure)` — any user
 * attached to it, even without habilitation); the catégorie / sous-catégorie exist in the tree;
 * the N° objet is given when the sous-catégorie takes a mémoire or an invoice; for a mémoire, the loaded
 * mémoire is the one named, not a deleted draft, and the requester may read it
 * (`autoriser(acteur, "memoire.consulter", mémoire)`); a submitted ticket has a titre and a description.
 * The destination queue is set from the sous-catégorie (`router`); the number from the sequence.
 * The journal starts with one row, `ticket.creer`.
 */
export const creerTicket = (
  saisie: unknown,
  donnees: DonneesCreation,
  contexte: Contexte,
): Either.Either<ResultatTicket, ErreurCreation> =>
  Either.gen(function* () {
    const form = yield* Either.mapLeft(Schema.decodeUnknownEither(TicketSaisie, { errors: "all" })(saisie), (e) => depuisParseError(e));
    yield* autoriser(donnees.acteur, "ticket.emettre", {
      _tag: "Structure",
      structureId: form.structureId,
      ...(form.serviceId === undefined ? {} : { serviceId: form.serviceId }),
    });
    const { categorie, sousCategorie } = yield* trouverSousCategorie(donnees.referentiel, form.categorie, form.sousCategorie);
    const numeroObjet = form.numeroObjet?.trim().toUpperCase();
    const typeObjet = sousCategorie.typeObjet;
    if ((typeObjet === "MEMOIRE" || typeObjet === "FACTURE") && (numeroObjet === undefined || numeroObjet === "")) {
      return yield* Either.left(champ("numeroObjet", `obligatoire pour la sous-catégorie « ${sousCategorie.libelle} »`));
    }
    let juridictionDeLObjet: { readonly code: string } | undefined;
    if (typeObjet === "MEMOIRE" && numeroObjet !== undefined) {
      const memoire = donnees.memoire;
      if (memoire === undefined || memoire.numero.toUpperCase() !== numeroObjet || Option.isNone(statutVisible(memoire.etat))) {
        return yield* Either.left(new MemoireIntrouvable({ numeroObjet }));
      }
      yield* autoriser(donnees.acteur, "memoire.consulter", {
        _tag: "Memoire",
        structureId: memoire.enTete.structureId,
        ...(memoire.enTete.serviceId === undefined ? {} : { serviceId: memoire.enTete.serviceId }),
        juridiction: { code: memoire.enTete.juridiction.code, courAppel: memoire.enTete.juridiction.courAppel },
        espacesOuverts: donnees.espacesOuverts ?? [],
      });
      juridictionDeLObjet = memoire.enTete.juridiction;
    }
    const brouillon = form.brouillon === true;
    const titre = form.titre?.trim() ?? "";
    const description = form.description ?? "";
    if (!brouillon) {
      const manquants = [
        ...(titre === "" ? [{ chemin: "titre", raison: "obligatoire pour soumettre le ticket" }] : []),
        ...(description.trim() === "" ? [{ chemin: "description", raison: "obligatoire pour soumettre le ticket" }] : []),
      ];
      if (manquants.length > 0) return yield* Either.left(new SaisieInvalide({ erreurs: manquants }));
    }
    const numero = yield* formaterNumeroTicket(donnees.sequence);
    if (donnees.acteur._tag !== "Utilisateur") return yield* Either.left(champ("acteur", "seul un utilisateur émet un ticket"));
    const etat = brouillon ? ("BROUILLON" as const) : ("NOUVEAU" as const);
    const maintenant = contexte.maintenant;
    const entree: EntreeJournal = {
      id: contexte.genererId(),
      type: "ticket.creer",
      le: maintenant,
      auteur: { _tag: "Demandeur", id: donnees.acteur.id },
      etatApres: etat,
      visibilite: "PUBLIQUE",
    };
    const ticket: Ticket = {
      id: contexte.genererId(),
      numero,
      etat,
      structureId: form.structureId,
      ...(form.serviceId === undefined ? {} : { serviceId: form.serviceId }),
      demandeurId: donnees.acteur.id,
      versionReferentiel: donnees.referentiel.version,
      categorie: { code: categorie.code, libelle: categorie.libelle },
      sousCategorie: { code: sousCategorie.code, libelle: sousCategorie.libelle },
      objet: { type: typeObjet, ...(numeroObjet === undefined || numeroObjet === "" ? {} : { numero: numeroObjet }) },
      emetteur: form.emetteur,
      file: router(sousCategorie, juridictionDeLObjet, donnees.juridictions),
      titre,
      description,
      piecesJointes: form.piecesJointes ?? [],
      creeLe: maintenant,
      ...(brouillon ? {} : { soumisLe: maintenant }),
      modifieLe: maintenant,
      version: 1,
      journal: [entree],
    };
    return { ticket, evenements: [entree] };
  });

/** A command on an existing ticket: its payload (see `CommandeSaisie`) and who sends it. */
export type Commande = CommandeSaisie & { readonly acteur: Acteur };

/** Every way a command may fail: bad payload, or an event refused by a named rule. */
export type ErreurCommande = SaisieInvalide | TransitionRefusee;

/** Why a state does not accept an event: closed (read-only), a solution awaiting the requester's answer, or absent. */
const gardeDEtat = (ticket: Ticket, type: EvenementMachine["type"]): { readonly garde: NomGarde; readonly detail: string } | undefined => {
  if (evenementsDeLEtat(ticket.etat).includes(type)) return undefined;
  if (ticket.etat === "CLOTURE") return { garde: "ticketClos", detail: "un ticket clôturé est en lecture seule" };
  if (ticket.etat === "RESOLU" && type === "ticket.cloturer") {
    return { garde: "solutionEnAttenteDeReponse", detail: "une solution attend la réponse du demandeur : l'accepter ou la refuser" };
  }
  return { garde: "etatIncompatible", detail: `« ${type} » n'existe pas dans l'état ${ticket.etat}` };
};

/**
 * The first rule that blocks an event on a ticket (state first, then the event's rules in order), or
 * `undefined` when it would pass.
 */
export const premiereGardeBloquante = (
  ticket: Ticket,
  evenement: EvenementMachine,
): { readonly garde: NomGarde; readonly detail: string } | undefined => {
  const etat = gardeDEtat(ticket, evenement.type);
  if (etat !== undefined) return etat;
  for (const garde of GARDES_PAR_EVENEMENT[evenement.type]) {
    const detail = GARDES[garde](ticket, evenement);
    if (detail !== undefined) return { garde, detail };
  }
  return undefined;
};

/** Builds the machine event of a decoded command (adds the instant, the journal row id and, for the system, the delays). */
const versEvenement = (commande: Schema.Schema.Type<typeof CommandeSaisie>, acteur: Acteur, contexte: ContexteTicket): EvenementMachine => {
  const base = { acteur, maintenant: contexte.maintenant, idEntree: contexte.genererId() };
  const parametres = contexte.parametres ?? PARAMETRES_ECHEANCES_PAR_DEFAUT;
  switch (commande.type) {
    case "ticket.relancer":
    case "ticket.cloturer-automatiquement":
      return { ...base, type: commande.type, parametres };
    default:
      return { ...base, ...commande };
  }
};

/** Rebuilds the machine snapshot of a stored ticket. */
export const restaurer = (ticket: Ticket) => machineTicket.resolveState({ value: ticket.etat, context: { ticket } });

/** The machine's pure transition: the next snapshot, nothing executed (one inert scope, built once). */
const transition = transitionPure(machineTicket);

/**
 * Executes a command on a ticket: `Right({ ticket, evenements })` with exactly one new journal row, or
 * `Left` — `SaisieInvalide` for a malformed payload, `TransitionRefusee` naming the failed rule
 * (`etatIncompatible`, `ticketClos`, `acteurHorsFile`, `texteAbsent`…). The ticket given is never changed.
 *
 * @example
 * executer(ticket, { type: "ticket.refuser-solution", texte: "", acteur: demandeur }, contexte)
 * // Left(TransitionRefusee { garde: "texteAbsent" })
 */
export const executer = (ticket: Ticket, commande: Commande, contexte: ContexteTicket): Either.Either<ResultatTicket, ErreurCommande> =>
  Either.gen(function* () {
    const { acteur, ...payload } = commande;
    const decodee = yield* Either.mapLeft(
      Schema.decodeUnknownEither(CommandeSaisie, { errors: "all" })(payload),
      (e: ParseResult.ParseError) => depuisParseError(e),
    );
    const evenement = versEvenement(decodee, acteur, contexte);
    const refus = premiereGardeBloquante(ticket, evenement);
    if (refus !== undefined) {
      return yield* Either.left(new TransitionRefusee({ evenement: evenement.type, etat: ticket.etat, ...refus }));
    }
    const suivant = transition(restaurer(ticket), evenement);
    const nouveau = suivant.context.ticket;
    const entree = nouveau.journal[nouveau.journal.length - 1];
    if (nouveau.journal.length !== ticket.journal.length + 1 || entree === undefined || nouveau.etat !== suivant.value) {
      // The rule table and the machine disagree: a bug, not an expected failure.
      throw new Error(`machine et règles en désaccord pour ${evenement.type} dans l'état ${ticket.etat}`);
    }
    return { ticket: nouveau, evenements: [entree] };
  });

/** Throwing twin of {@link executer}, for scripts and examples. */
export const unsafeExecuter = (ticket: Ticket, commande: Commande, contexte: ContexteTicket): ResultatTicket =>
  Either.getOrThrowWith(executer(ticket, commande, contexte), (e) => e);

/** `true` when the command would be accepted now (for menus: "Actions ▾"). */
export const peut = (ticket: Ticket, commande: Commande, contexte: ContexteTicket): boolean => Either.isRight(executer(ticket, commande, contexte));
