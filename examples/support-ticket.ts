/**
 * # Une question sur le suivi d'un mémoire, traitée par le service métier de la juridiction
 *
 * Le cabinet de traduction Dupont, prestataire du tribunal judiciaire de Paris, attend le paiement
 * de son mémoire MJ0000002117. Sa gestionnaire, Claire Dupont, crée un ticket dans la catégorie
 * « Mémoire de frais de justice », sous-catégorie « M - Suivi du traitement d'un mémoire », avec le
 * numéro du mémoire en « N° objet » : le ticket est adressé automatiquement au service métier du
 * tribunal judiciaire de Paris, la juridiction destinataire du mémoire.
 *
 * Un agent du support de ce service prend le ticket en charge, écrit une note interne (jamais
 * montrée au prestataire), puis demande la réquisition : le ticket passe dans l'onglet « Actions
 * requises » de Claire Dupont. Elle complète sa demande ; l'agent propose une solution ; elle la
 * refuse avec un commentaire (obligatoire ; un refus sans commentaire est refusé par la règle
 * `texteAbsent`) ; l'agent propose une nouvelle solution, qu'elle accepte : le ticket est clôturé,
 * en lecture seule (une dernière question est refusée par la règle `ticketClos`).
 *
 * À chaque étape, le ticket est dans le bon onglet des « Tickets émis », et chaque événement qui
 * attend l'autre partie produit un message (demande d'informations, solution, réponse, refus).
 */
import { Either } from "effect";
import { contexteDeterministe } from "@frais-justice/core";
import type { ActeurAgent, ActeurUtilisateur } from "@frais-justice/core/autorisation";
import {
  REFERENTIEL_2026,
  creerTicket,
  dansOnglet,
  executer,
  journalDemandeur,
  libelleFile,
  notificationsDe,
  referentielApplicable,
  ticketsEmis,
  unsafeExecuter,
  type AnnuaireSupport,
  type Commande,
  type MemoireConcernee,
  type Message,
  type Onglet,
  type Ticket,
} from "@frais-justice/support";

/** One step of the scenario: the event, the state reached and the requester's tab the ticket is in. */
export interface Etape {
  readonly evenement: string;
  readonly etat: Ticket["etat"];
  readonly onglet: Onglet;
}

/** What the test checks. */
export interface Resultat {
  readonly ticket: Ticket;
  readonly etapes: ReadonlyArray<Etape>;
  readonly messages: ReadonlyArray<Message>;
  /** Refusals met on the way, by the rule each names. */
  readonly refus: ReadonlyArray<string>;
  /** The requester's "Clôturés" tab at the end. */
  readonly clotures: ReadonlyArray<string>;
}

const PARIS = { code: "75", libelle: "Tribunal judiciaire de Paris", courAppel: "75" };

const claire: ActeurUtilisateur = {
  _tag: "Utilisateur",
  id: "u-claire-dupont",
  rattachements: [{ structureId: "s-traductions-dupont", role: "GESTIONNAIRE_PRINCIPAL" }],
  habilitations: [],
};
const agent: ActeurAgent = { _tag: "Agent", id: "a-support-tj-paris", roles: ["SUPPORT"], perimetre: { juridictions: ["75"], coursAppel: [] } };

/** The mémoire as the back-office loads it (a core `Memoire` fits this shape). */
const memoire: MemoireConcernee = {
  numero: "MJ0000002117",
  etat: "MIS_A_DISPOSITION",
  enTete: { structureId: "s-traductions-dupont", juridiction: PARIS },
};

const annuaire: AnnuaireSupport = {
  supportNational: "support@frais-justice.example",
  servicesMetier: new Map([["75", "service-metier.tj-paris@frais-justice.example"]]),
  agents: new Map([["a-support-tj-paris", "agent.support.tj-paris@frais-justice.example"]]),
};

const ongletDe = (ticket: Ticket): Onglet =>
  dansOnglet(ticket, "ACTIONS_REQUISES") ? "ACTIONS_REQUISES" : dansOnglet(ticket, "CLOTURES") ? "CLOTURES" : "TOUS";

/** Runs the scenario; `ecrire` receives a French line per step. */
export const main = (ecrire: (ligne: string) => void = console.log): Resultat => {
  let minute = 0;
  const contexte = () => contexteDeterministe(new Date(Date.UTC(2026, 2, 2, 9, (minute += 7))), `ex${minute}`);
  const etapes: Array<Etape> = [];
  const messages: Array<Message> = [];
  const refus: Array<string> = [];

  const referentiel = Either.getOrThrow(referentielApplicable("2026-03-02"));
  const cree = Either.getOrThrowWith(
    creerTicket(
      {
        structureId: "s-traductions-dupont",
        categorie: "MEMOIRE_FRAIS_DE_JUSTICE",
        sousCategorie: "M_SUIVI_TRAITEMENT_MEMOIRE",
        numeroObjet: "MJ0000002117",
        emetteur: { organisation: "73282932000074", designation: "Traductions Dupont", email: "claire.dupont@traductions-dupont.example", telephone: "01 45 00 00 00" },
        titre: "Paiement de mon mémoire",
        description: "Mon mémoire MJ0000002117, envoyé en janvier, n'est toujours pas payé. Où en est-il ?",
      },
      { acteur: claire, referentiel, juridictions: [PARIS], sequence: 48685, memoire, espacesOuverts: ["MEMOIRES_DE_FRAIS_DE_JUSTICE"] },
      contexte(),
    ),
    (e) => new Error(e.message),
  );
  let ticket = cree.ticket;
  const noter = (evenement: string): void => {
    const entree = ticket.journal[ticket.journal.length - 1];
    if (entree !== undefined) messages.push(...notificationsDe(ticket, entree, annuaire));
    etapes.push({ evenement, etat: ticket.etat, onglet: ongletDe(ticket) });
    ecrire(`${ticket.numero} — ${evenement} → ${ticket.etat} (onglet ${ongletDe(ticket)})`);
  };
  noter("ticket.creer");
  ecrire(`Destinataire : ${libelleFile(ticket.file)} (référentiel ${referentiel.version} = ${REFERENTIEL_2026.version})`);

  const faire = (commande: Commande): void => {
    ticket = unsafeExecuter(ticket, commande, contexte()).ticket;
    noter(commande.type);
  };
  const essayer = (commande: Commande): void => {
    const r = executer(ticket, commande, contexte());
    if (Either.isLeft(r) && r.left._tag === "TransitionRefusee") refus.push(`${r.left.evenement}: ${r.left.garde}`);
  };

  faire({ type: "ticket.affecter", acteur: agent });
  faire({ type: "ticket.noter", texte: "Mémoire certifié le 20/02, en attente de validation par le pôle Chorus.", acteur: agent });
  faire({ type: "ticket.demander-informations", texte: "Pouvez-vous joindre la réquisition du juge d'instruction ?", acteur: agent });
  faire({ type: "ticket.completer", texte: "Réquisition du 14 janvier jointe.", acteur: claire });
  faire({ type: "ticket.proposer-solution", texte: "Votre mémoire a été certifié ; il sera validé sous quinze jours.", acteur: agent });
  essayer({ type: "ticket.refuser-solution", texte: "", acteur: claire });
  faire({ type: "ticket.refuser-solution", texte: "Il me faut une date de paiement précise.", acteur: claire });
  faire({ type: "ticket.proposer-solution", texte: "Le mémoire a été validé ; la mise en paiement est prévue le 16 mars.", acteur: agent });
  faire({ type: "ticket.accepter-solution", acteur: claire });
  essayer({ type: "ticket.commenter", texte: "Merci !", acteur: claire });

  for (const ligne of journalDemandeur(ticket)) ecrire(`  ${ligne.auteur} : ${ligne.libelle}${ligne.texte === undefined ? "" : ` — ${ligne.texte}`}`);
  const clotures = ticketsEmis([ticket], claire.id, { onglet: "CLOTURES" }).map((l) => l.numero);
  return { ticket, etapes, messages, refus, clotures };
};
