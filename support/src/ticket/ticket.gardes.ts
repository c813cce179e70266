import { Either } from "effect";
import { autoriser } from "@frais-justice/core/autorisation";
import { cibleDeLaFile } from "../categorie/index.js";
import type { NomGarde } from "./ticket.errors.js";
import type { EvenementMachine, TypeEvenementMachine } from "./ticket.evenements.js";
import type { Ticket } from "./ticket.model.js";

/** A rule: `undefined` when it lets the event pass, otherwise why it blocks it (plain words). */
export type Garde = (ticket: Ticket, evenement: EvenementMachine) => string | undefined;

const JOUR_MS = 24 * 60 * 60 * 1000;

/** The instant `jours` days (24 h each) after `depuis`. */
export const ajouterJours = (depuis: Date, jours: number): Date => new Date(depuis.getTime() + jours * JOUR_MS);

const estDemandeur = (ticket: Ticket, evenement: EvenementMachine): boolean =>
  evenement.acteur._tag === "Utilisateur" && evenement.acteur.id === ticket.demandeurId;

const refusDeFile = (ticket: Ticket, evenement: EvenementMachine): string | undefined =>
  Either.match(autoriser(evenement.acteur, "ticket.traiter", cibleDeLaFile(ticket.file)), {
    onLeft: (refus) => refus.message,
    onRight: () => undefined,
  });

const texteDe = (evenement: EvenementMachine): string | undefined => ("texte" in evenement ? evenement.texte : undefined);

/** The rules that may block an event once its state accepts it, each named after its condition. */
export const GARDES: { readonly [N in Exclude<NomGarde, "etatIncompatible" | "ticketClos" | "solutionEnAttenteDeReponse">]: Garde } = {
  acteurNonDemandeur: (ticket, e) => (estDemandeur(ticket, e) ? undefined : `réservé au demandeur du ticket (${ticket.demandeurId})`),
  acteurHorsFile: (ticket, e) => refusDeFile(ticket, e),
  acteurNonAffecte: (ticket, e) =>
    e.acteur._tag === "Agent" && e.acteur.id === ticket.agentId
      ? undefined
      : `réservé à l'agent à qui le ticket est affecté (${ticket.agentId ?? "aucun"})`,
  acteurNiDemandeurNiAgentDeLaFile: (ticket, e) =>
    estDemandeur(ticket, e) || refusDeFile(ticket, e) === undefined ? undefined : "réservé au demandeur ou à un agent de la file du ticket",
  acteurNonSysteme: (_ticket, e) =>
    Either.match(autoriser(e.acteur, "ticket.cloturer-automatiquement", { _tag: "Global" }), {
      onLeft: (refus) => refus.message,
      onRight: () => undefined,
    }),
  texteAbsent: (_ticket, e) => {
    const texte = texteDe(e);
    return texte !== undefined && texte.trim() !== "" ? undefined : "un texte (commentaire, question, réponse ou solution) est obligatoire";
  },
  champsObligatoiresManquants: (ticket) => {
    const manquants = [ticket.titre.trim() === "" ? "titre" : undefined, ticket.description.trim() === "" ? "description" : undefined].filter(
      (c) => c !== undefined,
    );
    return manquants.length === 0 ? undefined : `champs obligatoires manquants : ${manquants.join(", ")}`;
  },
  dejaAuSupportNational: (ticket) => (ticket.file._tag === "SupportNational" ? "le ticket est déjà dans la file du support national" : undefined),
  relanceDejaFaite: (ticket) => (ticket.relanceLe === undefined ? undefined : "le demandeur a déjà été relancé pour cette solution"),
  delaiRelanceNonEcoule: (ticket, e) => {
    if (e.type !== "ticket.relancer" || ticket.resoluLe === undefined) return "aucune solution en attente";
    const echeance = ajouterJours(ticket.resoluLe, e.parametres.joursAvantRelance);
    return e.maintenant >= echeance ? undefined : `relance prévue à partir du ${echeance.toISOString()}`;
  },
  delaiClotureNonEcoule: (ticket, e) => {
    if (e.type !== "ticket.cloturer-automatiquement" || ticket.resoluLe === undefined) return "aucune solution en attente";
    const echeance = ajouterJours(ticket.resoluLe, e.parametres.joursAvantCloture);
    return e.maintenant >= echeance ? undefined : `clôture automatique prévue à partir du ${echeance.toISOString()}`;
  },
};

/** The rules of each event, in the order they are checked (the machine's guards list the same, in order). */
export const GARDES_PAR_EVENEMENT: { readonly [T in TypeEvenementMachine]: ReadonlyArray<keyof typeof GARDES> } = {
  "ticket.modifier-brouillon": ["acteurNonDemandeur"],
  "ticket.soumettre": ["acteurNonDemandeur", "champsObligatoiresManquants"],
  "ticket.affecter": ["acteurHorsFile"],
  "ticket.demander-informations": ["acteurHorsFile", "acteurNonAffecte", "texteAbsent"],
  "ticket.completer": ["acteurNonDemandeur", "texteAbsent"],
  "ticket.proposer-solution": ["acteurHorsFile", "acteurNonAffecte", "texteAbsent"],
  "ticket.accepter-solution": ["acteurNonDemandeur"],
  "ticket.refuser-solution": ["acteurNonDemandeur", "texteAbsent"],
  "ticket.transferer": ["acteurHorsFile", "dejaAuSupportNational"],
  "ticket.cloturer": ["acteurNiDemandeurNiAgentDeLaFile"],
  "ticket.commenter": ["acteurNiDemandeurNiAgentDeLaFile", "texteAbsent"],
  "ticket.noter": ["acteurHorsFile", "texteAbsent"],
  "ticket.joindre": ["acteurNiDemandeurNiAgentDeLaFile"],
  "ticket.relancer": ["acteurNonSysteme", "relanceDejaFaite", "delaiRelanceNonEcoule"],
  "ticket.cloturer-automatiquement": ["acteurNonSysteme", "delaiClotureNonEcoule"],
};
