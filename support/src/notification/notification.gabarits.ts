import { libelleFile } from "../categorie/index.js";
import { ajouterJours, PARAMETRES_ECHEANCES_PAR_DEFAUT, type EntreeJournal, type ParametresEcheances, type Ticket } from "../ticket/index.js";
import type { AnnuaireSupport, Message } from "./notification.model.js";

const date = (instant: Date): string =>
  `${String(instant.getUTCDate()).padStart(2, "0")}/${String(instant.getUTCMonth() + 1).padStart(2, "0")}/${instant.getUTCFullYear()}`;

const PIED_DEMANDEUR = "\n\nConsultez votre ticket dans le portail de support, onglet « Tickets émis ».\nCe message est envoyé automatiquement, merci de ne pas y répondre.";
const PIED_AGENTS = "\n\nTraitez ce ticket depuis le back-office, rubrique Support.";

/** The address of the agents' side of a ticket: the assigned agent, else its queue, else the national support. */
export const adresseAgents = (ticket: Ticket, annuaire: AnnuaireSupport): string => {
  const agent = ticket.agentId === undefined ? undefined : annuaire.agents.get(ticket.agentId);
  if (agent !== undefined) return agent;
  return ticket.file._tag === "ServiceMetier" ? (annuaire.servicesMetier.get(ticket.file.juridiction.code) ?? annuaire.supportNational) : annuaire.supportNational;
};

const entete = (ticket: Ticket): string =>
  `Ticket ${ticket.numero} — « ${ticket.titre} »\nCatégorie : ${ticket.categorie.libelle} / ${ticket.sousCategorie.libelle}${ticket.objet.numero === undefined ? "" : `\nN° objet : ${ticket.objet.numero}`}`;

/**
 * The messages an event calls for (each one asks the other party to act), in French. To the
 * requester: information requested, solution proposed, reminder, automatic closure. To the agents:
 * new ticket (created, submitted or transferred), information completed, solution refused. Any other
 * event — internal notes above all — calls for none. `ticket` is the ticket after the event.
 */
export const notificationsDe = (
  ticket: Ticket,
  entree: EntreeJournal,
  annuaire: AnnuaireSupport,
  parametres: ParametresEcheances = PARAMETRES_ECHEANCES_PAR_DEFAUT,
): ReadonlyArray<Message> => {
  const auDemandeur = (sujet: string, corps: string): ReadonlyArray<Message> => [
    { destinataire: ticket.emetteur.email, audience: "DEMANDEUR", sujet: `[${ticket.numero}] ${sujet}`, texte: `${entete(ticket)}\n\n${corps}${PIED_DEMANDEUR}`, ticketNumero: ticket.numero, entreeId: entree.id },
  ];
  const auxAgents = (sujet: string, corps: string): ReadonlyArray<Message> => [
    { destinataire: adresseAgents(ticket, annuaire), audience: "AGENTS", sujet: `[${ticket.numero}] ${sujet}`, texte: `${entete(ticket)}\nFile : ${libelleFile(ticket.file)}\n\n${corps}${PIED_AGENTS}`, ticketNumero: ticket.numero, entreeId: entree.id },
  ];
  if (entree.visibilite !== "PUBLIQUE") return [];
  switch (entree.type) {
    case "ticket.creer":
      return entree.etatApres === "NOUVEAU" ? auxAgents("Nouveau ticket", `Un nouveau ticket a été émis par ${ticket.emetteur.designation ?? ticket.emetteur.organisation}.\n\n${ticket.description}`) : [];
    case "ticket.soumettre":
      return auxAgents("Nouveau ticket", `Un nouveau ticket a été émis par ${ticket.emetteur.designation ?? ticket.emetteur.organisation}.\n\n${ticket.description}`);
    case "ticket.transferer":
      return auxAgents("Ticket transféré au support national", `Ce ticket a été transféré au support national.${entree.texte === undefined ? "" : `\n\n${entree.texte}`}`);
    case "ticket.completer":
      return auxAgents("Informations complétées par le demandeur", `Le demandeur a complété sa demande :\n\n${entree.texte ?? ""}`);
    case "ticket.refuser-solution":
      return auxAgents("Solution refusée par le demandeur", `Le demandeur a refusé la solution proposée, avec ce commentaire :\n\n${entree.texte ?? ""}`);
    case "ticket.demander-informations":
      return auDemandeur("Informations complémentaires demandées", `Le traitement de votre demande nécessite des informations complémentaires :\n\n${entree.texte ?? ""}\n\nMerci de compléter votre ticket (onglet « Actions requises »).`);
    case "ticket.proposer-solution": {
      const cloture = ajouterJours(entree.le, parametres.joursAvantCloture);
      return auDemandeur(
        "Une solution vous est proposée",
        `Une solution est proposée à votre demande :\n\n${entree.texte ?? ""}\n\nAcceptez-la ou refusez-la (avec un commentaire) dans l'onglet « Actions requises ». Sans réponse, le ticket sera clôturé automatiquement le ${date(cloture)}.`,
      );
    }
    case "ticket.relancer": {
      const cloture = ticket.resoluLe === undefined ? entree.le : ajouterJours(ticket.resoluLe, parametres.joursAvantCloture);
      return auDemandeur("Relance : une solution attend votre réponse", `Une solution proposée à votre demande attend votre réponse. Sans réponse, le ticket sera clôturé automatiquement le ${date(cloture)}.`);
    }
    case "ticket.cloturer-automatiquement":
      return auDemandeur("Ticket clôturé automatiquement", "Sans réponse de votre part à la solution proposée, votre ticket a été clôturé automatiquement. Il reste consultable dans l'onglet « Clôturés ».");
    case "ticket.modifier-brouillon":
    case "ticket.affecter":
    case "ticket.accepter-solution":
    case "ticket.cloturer":
    case "ticket.commenter":
    case "ticket.noter":
    case "ticket.joindre":
      return [];
  }
};
