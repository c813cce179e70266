import { Either } from "effect";
import { contexteDeterministe } from "@frais-justice/core";
import type { ActeurAgent, ActeurSysteme, ActeurUtilisateur } from "@frais-justice/core/autorisation";
import { REFERENTIEL_2026, type JuridictionFile } from "../categorie/index.js";
import {
  creerTicket,
  executer,
  type Commande,
  type ContexteTicket,
  type DonneesCreation,
  type MemoireConcernee,
  type Ticket,
  type TicketSaisie,
} from "../ticket/index.js";

/** Shared fixtures of the support tests: actors, juridictions, a mémoire, a creation form, helpers. */
export const paris: JuridictionFile = { code: "75", libelle: "Tribunal judiciaire de Paris", courAppel: "75" };
export const marseille: JuridictionFile = { code: "13", libelle: "Tribunal judiciaire de Marseille", courAppel: "13" };
export const JURIDICTIONS: ReadonlyArray<JuridictionFile> = [paris, marseille];

export const demandeur: ActeurUtilisateur = {
  _tag: "Utilisateur",
  id: "u-demandeur",
  rattachements: [{ structureId: "s-1", role: "GESTIONNAIRE_PRINCIPAL" }],
  habilitations: [],
};
/** Attached to the same structure, with a habilitation: may emit, but is not the requester of others' tickets. */
export const collegue: ActeurUtilisateur = {
  _tag: "Utilisateur",
  id: "u-collegue",
  rattachements: [{ structureId: "s-1", role: "UTILISATEUR" }],
  habilitations: [{ structureId: "s-1", application: "FRAIS_DE_JUSTICE", mode: "CONSULTATION" }],
};
/** Attached to another structure only. */
export const etranger: ActeurUtilisateur = {
  _tag: "Utilisateur",
  id: "u-etranger",
  rattachements: [{ structureId: "s-2", role: "GESTIONNAIRE_PRINCIPAL" }],
  habilitations: [],
};
const agent = (id: string, roles: ActeurAgent["roles"], juridictions: ReadonlyArray<string>, supportNational = false): ActeurAgent => ({
  _tag: "Agent",
  id,
  roles,
  perimetre: { juridictions, coursAppel: [], ...(supportNational ? { supportNational: true } : {}) },
});
export const supportParis = agent("a-support-75", ["SUPPORT"], ["75"]);
export const supportParisBis = agent("a-support-75-bis", ["SUPPORT"], ["75"]);
export const supportMarseille = agent("a-support-13", ["SUPPORT"], ["13"]);
/** The national support queue is in this agent's perimeter only (`supportNational: true`). */
export const supportNational = agent("a-support-national", ["SUPPORT"], [], true);
export const greffierParis = agent("a-greffier-75", ["GREFFIER"], ["75"]);
export const systeme: ActeurSysteme = { _tag: "Systeme" };

export const memoireParis: MemoireConcernee = {
  numero: "MJ0000002117",
  etat: "MIS_A_DISPOSITION",
  enTete: { structureId: "s-1", juridiction: paris },
};

export const EMPREINTE = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

export const saisieMemoire: TicketSaisie = {
  structureId: "s-1",
  categorie: "MEMOIRE_FRAIS_DE_JUSTICE",
  sousCategorie: "M_SUIVI_TRAITEMENT_MEMOIRE",
  numeroObjet: "MJ0000002117",
  emetteur: { organisation: "73282932000074", designation: "Cabinet Traductions Dupont", email: "contact@traductions-dupont.example", telephone: "01 23 45 67 89" },
  titre: "Paiement",
  description: "Mon mémoire MJ0000002117 a été envoyé il y a deux mois, quand sera-t-il payé ?",
};

export const saisieCompte: TicketSaisie = {
  structureId: "s-1",
  categorie: "MON_COMPTE",
  sousCategorie: "CONNEXION_MOT_DE_PASSE",
  emetteur: { organisation: "73282932000074", email: "contact@traductions-dupont.example" },
  titre: "Mot de passe bloqué",
  description: "Mon compte est verrouillé après cinq essais.",
};

export const donnees: DonneesCreation = {
  acteur: demandeur,
  referentiel: REFERENTIEL_2026,
  juridictions: JURIDICTIONS,
  sequence: 48685,
  memoire: memoireParis,
  espacesOuverts: ["MEMOIRES_DE_FRAIS_DE_JUSTICE"],
};

export const T0 = new Date("2026-03-02T09:00:00Z");
export const apres = (minutes: number, depuis: Date = T0): Date => new Date(depuis.getTime() + minutes * 60_000);
export const JOUR = 24 * 60;

let compteur = 0;
/** A context at `maintenant` whose ids never repeat across calls. */
export const contexteA = (maintenant: Date, extra: Partial<ContexteTicket> = {}): ContexteTicket => {
  compteur += 1;
  return { ...contexteDeterministe(maintenant, `c${compteur}`), ...extra };
};

/** Creates a ticket or throws (fixtures only). */
export const creer = (saisie: TicketSaisie = saisieMemoire, d: Partial<DonneesCreation> = {}, maintenant: Date = T0): Ticket =>
  Either.getOrThrow(creerTicket(saisie, { ...donnees, ...d }, contexteA(maintenant))).ticket;

/** Runs commands in turn, one minute apart, or throws on the first refusal. */
export const mener = (ticket: Ticket, commandes: ReadonlyArray<Commande>, depuis: Date = apres(1)): Ticket =>
  commandes.reduce(
    (t, c, i) => Either.getOrThrowWith(executer(t, c, contexteA(apres(i, depuis))), (e) => new Error(e.message)).ticket,
    ticket,
  );

/** The commands that take a fresh Paris ticket to each state. */
export const VERS: { readonly [E in "EN_COURS" | "EN_ATTENTE_INFORMATIONS" | "RESOLU" | "CLOTURE"]: ReadonlyArray<Commande> } = {
  EN_COURS: [{ type: "ticket.affecter", acteur: supportParis }],
  EN_ATTENTE_INFORMATIONS: [
    { type: "ticket.affecter", acteur: supportParis },
    { type: "ticket.demander-informations", texte: "Merci de joindre la réquisition.", acteur: supportParis },
  ],
  RESOLU: [
    { type: "ticket.affecter", acteur: supportParis },
    { type: "ticket.proposer-solution", texte: "Le mémoire a été certifié, il sera payé sous 30 jours.", acteur: supportParis },
  ],
  CLOTURE: [
    { type: "ticket.affecter", acteur: supportParis },
    { type: "ticket.proposer-solution", texte: "Le mémoire a été certifié.", acteur: supportParis },
    { type: "ticket.accepter-solution", acteur: demandeur },
  ],
};
