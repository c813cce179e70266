import {
  LIBELLES_ETAT_TICKET,
  SUPPORT_NATIONAL,
  serviceMetier,
  type EtatTicket,
  type FileTicket,
  type JuridictionFile,
  type TypeEvenement,
} from "@frais-justice/support";

/** The commands an agent runs from the ticket page, in the order of the buttons. */
export const COMMANDES_AGENT = [
  "ticket.affecter",
  "ticket.commenter",
  "ticket.noter",
  "ticket.demander-informations",
  "ticket.proposer-solution",
  "ticket.transferer",
  "ticket.cloturer",
] as const;
export type CommandeAgent = (typeof COMMANDES_AGENT)[number];

/** What each agent command is called (AdminJS action name, button, success notice) and whether it takes a text. */
export const ACTIONS_AGENT: {
  readonly [C in CommandeAgent]: { readonly nom: string; readonly bouton: string; readonly fait: string; readonly texte: "obligatoire" | "facultatif" | "aucun"; readonly icone: string };
} = {
  "ticket.affecter": { nom: "m-assigner", bouton: "M'assigner", fait: "Le ticket vous est affecté", texte: "aucun", icone: "UserCheck" },
  "ticket.commenter": { nom: "repondre", bouton: "Répondre", fait: "Réponse envoyée au demandeur", texte: "obligatoire", icone: "MessageSquare" },
  "ticket.noter": { nom: "note-interne", bouton: "Note interne", fait: "Note interne enregistrée (jamais montrée au demandeur)", texte: "obligatoire", icone: "Lock" },
  "ticket.demander-informations": { nom: "demander-informations", bouton: "Demander des informations", fait: "Informations demandées au demandeur", texte: "obligatoire", icone: "HelpCircle" },
  "ticket.proposer-solution": { nom: "proposer-solution", bouton: "Proposer une solution", fait: "Solution proposée au demandeur", texte: "obligatoire", icone: "CheckCircle" },
  "ticket.transferer": { nom: "transferer", bouton: "Transférer au support national", fait: "Ticket transféré au support national", texte: "facultatif", icone: "Send" },
  "ticket.cloturer": { nom: "cloturer", bouton: "Clôturer", fait: "Ticket clôturé", texte: "facultatif", icone: "XCircle" },
};

/** The agent command of an AdminJS action name (`m-assigner` → `ticket.affecter`). */
export const commandeDeLActionTicket = (nom: string): CommandeAgent | undefined => COMMANDES_AGENT.find((c) => ACTIONS_AGENT[c].nom === nom);

/** French label of each ticket state (the requester's labels: « Ouvert », « Résolu »…). */
export const LIBELLES_ETATS_TICKET: { readonly [E in EtatTicket]: string } = LIBELLES_ETAT_TICKET;

/** How each journal row reads on the agents' ticket page. */
export const LIBELLES_JOURNAL_AGENT: { readonly [T in TypeEvenement]: string } = {
  "ticket.creer": "Ticket créé",
  "ticket.modifier-brouillon": "Brouillon modifié",
  "ticket.soumettre": "Ticket soumis",
  "ticket.affecter": "Affectation",
  "ticket.demander-informations": "Informations demandées",
  "ticket.completer": "Informations complétées",
  "ticket.proposer-solution": "Solution proposée",
  "ticket.accepter-solution": "Solution acceptée",
  "ticket.refuser-solution": "Solution refusée",
  "ticket.transferer": "Transfert",
  "ticket.cloturer": "Clôture",
  "ticket.commenter": "Commentaire public",
  "ticket.noter": "Note interne",
  "ticket.joindre": "Pièce jointe ajoutée",
  "ticket.relancer": "Relance automatique du demandeur",
  "ticket.cloturer-automatiquement": "Clôture automatique",
};

/**
 * The value a queue takes in filters and URLs: `SUPPORT_NATIONAL`, or `SM-<code>` for the service
 * métier of a juridiction.
 */
export const cleFile = (file: FileTicket): string => (file._tag === "SupportNational" ? "SUPPORT_NATIONAL" : `SM-${file.juridiction.code}`);

/** The queue named by a filter value, among the queues that exist (undefined when it names none). */
export const fileDeCle = (cle: string, juridictions: ReadonlyArray<JuridictionFile>): FileTicket | undefined => {
  if (cle === "SUPPORT_NATIONAL") return SUPPORT_NATIONAL;
  const j = cle.startsWith("SM-") ? juridictions.find((x) => x.code === cle.slice(3)) : undefined;
  return j === undefined ? undefined : serviceMetier(j);
};
