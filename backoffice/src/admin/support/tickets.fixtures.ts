import { contexteDeterministe } from "@frais-justice/core";
import type { ActeurAgent, ActeurUtilisateur } from "@frais-justice/core/autorisation";
import { creerTicket, referentielApplicable, unsafeExecuter, type Commande, type JuridictionFile, type MemoireConcernee, type Ticket } from "@frais-justice/support";
import { Either } from "effect";

/** Test data of the support screens: a Paris requester, support agents, tickets built through the domain. */
export const PARIS: JuridictionFile = { code: "750", libelle: "Tribunal judiciaire de Paris", courAppel: "CA-PARIS" };
export const LYON: JuridictionFile = { code: "690", libelle: "Tribunal judiciaire de Lyon", courAppel: "CA-LYON" };

export const demandeur: ActeurUtilisateur = {
  _tag: "Utilisateur",
  id: "utilisateur-claire",
  rattachements: [{ structureId: "structure-interpretes-idf", role: "GESTIONNAIRE_PRINCIPAL" }],
  habilitations: [],
};
export const supportParis: ActeurAgent = { _tag: "Agent", id: "agent-support-paris", roles: ["SUPPORT"], perimetre: { juridictions: [], coursAppel: ["CA-PARIS"] } };
export const supportLyon: ActeurAgent = { _tag: "Agent", id: "agent-support-lyon", roles: ["SUPPORT"], perimetre: { juridictions: ["690"], coursAppel: [] } };

export const memoireParis: MemoireConcernee = { numero: "MJ0000002117", etat: "MIS_A_DISPOSITION", enTete: { structureId: "structure-interpretes-idf", juridiction: PARIS } };

let minute = 0;
/** A deterministic context, one minute later at each call. */
export const contexte = () => contexteDeterministe(new Date(Date.UTC(2026, 2, 2, 9, (minute += 1))), `c${minute}`);

/** A submitted ticket about the Paris mémoire (routed to the Paris service métier). */
export const ticketMemoireParis = (sequence = 48685): Ticket =>
  Either.getOrThrowWith(
    creerTicket(
      {
        structureId: "structure-interpretes-idf",
        categorie: "MEMOIRE_FRAIS_DE_JUSTICE",
        sousCategorie: "M_SUIVI_TRAITEMENT_MEMOIRE",
        numeroObjet: memoireParis.numero,
        emetteur: { organisation: "73282932000074", designation: "Traductions Dupont", email: "claire.dupont@example.org" },
        titre: "Paiement de mon mémoire",
        description: "Où en est mon mémoire ?",
      },
      { acteur: demandeur, referentiel: Either.getOrThrow(referentielApplicable("2026-03-02")), juridictions: [PARIS, LYON], sequence, memoire: memoireParis, espacesOuverts: ["MEMOIRES_DE_FRAIS_DE_JUSTICE"] },
      contexte(),
    ),
    (e) => new Error(e.message),
  ).ticket;

/** Runs commands on a ticket (each must be accepted). */
export const apres = (ticket: Ticket, ...commandes: ReadonlyArray<Commande>): Ticket => commandes.reduce((t, c) => unsafeExecuter(t, c, contexte()).ticket, ticket);
