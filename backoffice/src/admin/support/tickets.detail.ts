import type { ActeurAgent } from "@frais-justice/core/autorisation";
import {
  LIBELLES_TYPE_OBJET,
  REPONSES_TYPES,
  libelleFile,
  repondre,
  type Commande,
  type EntreeJournal,
  type ReponseType,
  type Ticket,
} from "@frais-justice/support";
import { Either } from "effect";
import type { MessageSortant } from "../../support/depot-tickets.js";
import { dateHeure } from "../memoires/libelles.js";
import { ACTIONS_AGENT, COMMANDES_AGENT, LIBELLES_ETATS_TICKET, LIBELLES_JOURNAL_AGENT, type CommandeAgent } from "./tickets.libelles.js";

/** The mémoire a ticket is about, as the ticket page shows it. */
export interface MemoireLiee {
  readonly numero: string;
  /** Its current état (court label), or why it is unknown. */
  readonly etatLibelle: string;
  /** Link to its page, only when the agent may read it (core's `peutLire`). */
  readonly lien?: string;
}

/** One journal row as the agents read it: internal notes are marked, never hidden. */
export interface LigneJournalAgent {
  readonly id: string;
  readonly le: string;
  readonly auteur: string;
  readonly libelle: string;
  readonly interne: boolean;
  readonly texte?: string;
  readonly transition?: string;
  readonly pieceJointe?: { readonly nom: string; readonly lien: string };
}

/** A réponse type with its variables filled from the ticket (or why it cannot be used). */
export interface ReponseTypeRemplie {
  readonly code: string;
  readonly titre: string;
  readonly texte?: string;
  readonly erreur?: string;
}

/** Everything the ticket page shows (serialised into the record's `detail` param). */
export interface DetailTicket {
  readonly id: string;
  readonly numero: string;
  readonly etat: Ticket["etat"];
  readonly etatLibelle: string;
  readonly version: number;
  readonly titre: string;
  readonly description: string;
  readonly categorie: string;
  readonly sousCategorie: string;
  readonly file: string;
  readonly agent: string | null;
  readonly affecteAMoi: boolean;
  readonly emetteur: { readonly organisation: string; readonly designation: string; readonly service: string; readonly email: string; readonly telephone: string };
  readonly objet: { readonly type: string; readonly numero: string };
  readonly memoire?: MemoireLiee;
  readonly ouvertLe: string;
  readonly modifieLe: string;
  readonly resoluLe: string;
  readonly clotureLe: string;
  readonly piecesJointes: ReadonlyArray<{ readonly id: string; readonly nom: string; readonly taille: string; readonly lien: string }>;
  readonly journal: ReadonlyArray<LigneJournalAgent>;
  readonly reponsesTypes: ReadonlyArray<ReponseTypeRemplie>;
  readonly actions: ReadonlyArray<{ readonly nom: string; readonly bouton: string; readonly texte: string }>;
  /** The notifications the ticket's events wrote to the outbox, newest first. */
  readonly messages: ReadonlyArray<{ readonly id: string; readonly le: string; readonly destinataire: string; readonly sujet: string; readonly statut: string }>;
}

/** How the page names people: agents by their names, the requester by the émetteur, the system. */
export interface Annuaire {
  readonly nomAgent: (id: string) => string;
}

const taille = (octets: number): string => (octets < 1024 ? `${octets} o` : `${Math.round(octets / 1024).toLocaleString("fr-FR")} Ko`);

/** The agent commands among the events the ticket machine accepts now from this agent, in button order. */
export const commandesAgentPermises = (actionsPermises: ReadonlyArray<Commande["type"]>): ReadonlyArray<CommandeAgent> =>
  COMMANDES_AGENT.filter((c) => actionsPermises.includes(c));

const STATUTS_MESSAGE: { readonly [S in MessageSortant["statut"]]: string } = { EN_ATTENTE: "En attente d'envoi", ENVOYE: "Envoyé", ECHEC: "Échec d'envoi" };

/** The réponses types filled with this ticket's values (`{{numero}}`, `{{demandeur}}`, `{{objet}}`…). */
export const reponsesTypesRemplies = (ticket: Ticket, reponses: ReadonlyArray<ReponseType> = REPONSES_TYPES): ReadonlyArray<ReponseTypeRemplie> =>
  reponses.map((r) =>
    Either.match(repondre(r, ticket), {
      onLeft: (e) => ({ code: r.code, titre: r.titre, erreur: e.message }),
      onRight: (texte) => ({ code: r.code, titre: r.titre, texte }),
    }),
  );

const auteur = (ticket: Ticket, e: EntreeJournal, annuaire: Annuaire): string => {
  switch (e.auteur._tag) {
    case "Demandeur":
      return `Demandeur — ${ticket.emetteur.designation ?? ticket.emetteur.organisation}`;
    case "Agent":
      return annuaire.nomAgent(e.auteur.id);
    case "Systeme":
      return "Système";
  }
};

const texteDeLigne = (e: EntreeJournal, annuaire: Annuaire): string | undefined => {
  const complements = [
    ...(e.type === "ticket.affecter" && e.agentId !== undefined ? [`Affecté à ${annuaire.nomAgent(e.agentId)}`] : []),
    ...(e.fileAvant !== undefined && e.fileApres !== undefined ? [`${libelleFile(e.fileAvant)} → ${libelleFile(e.fileApres)}`] : []),
    ...(e.texte === undefined || e.texte === "" ? [] : [e.texte]),
  ];
  return complements.length === 0 ? undefined : complements.join("\n");
};

/**
 * The ticket page of an agent: the ticket, its whole journal (internal notes marked « Note interne »),
 * its attachments (links through the access-checked route), the linked mémoire, the réponses types
 * filled for it, the actions allowed now and the notifications sent.
 */
export const detailTicket = (
  ticket: Ticket,
  options: {
    readonly acteur: ActeurAgent;
    /** The events the ticket machine accepts now from this agent (`peut`). */
    readonly actionsPermises: ReadonlyArray<Commande["type"]>;
    readonly annuaire: Annuaire;
    readonly memoire?: MemoireLiee;
    readonly lienPiece: (pieceId: string) => string;
    readonly reponsesTypes?: ReadonlyArray<ReponseType>;
    readonly messages?: ReadonlyArray<MessageSortant>;
  },
): DetailTicket => {
  const { annuaire } = options;
  const pieces = new Map<string, { id: string; nom: string; taille: string; lien: string }>();
  for (const p of [...ticket.piecesJointes, ...ticket.journal.flatMap((e) => (e.pieceJointe === undefined ? [] : [e.pieceJointe]))]) {
    pieces.set(p.id, { id: p.id, nom: p.nomFichier, taille: taille(p.taille), lien: options.lienPiece(p.id) });
  }
  const e = ticket.emetteur;
  return {
    id: ticket.id,
    numero: ticket.numero,
    etat: ticket.etat,
    etatLibelle: LIBELLES_ETATS_TICKET[ticket.etat],
    version: ticket.version,
    titre: ticket.titre,
    description: ticket.description,
    categorie: ticket.categorie.libelle,
    sousCategorie: ticket.sousCategorie.libelle,
    file: libelleFile(ticket.file),
    agent: ticket.agentId === undefined ? null : annuaire.nomAgent(ticket.agentId),
    affecteAMoi: ticket.agentId === options.acteur.id,
    emetteur: { organisation: e.organisation, designation: e.designation ?? "", service: e.service ?? "", email: e.email, telephone: e.telephone ?? "" },
    objet: { type: LIBELLES_TYPE_OBJET[ticket.objet.type], numero: ticket.objet.numero ?? "" },
    ...(options.memoire === undefined ? {} : { memoire: options.memoire }),
    ouvertLe: dateHeure(ticket.soumisLe ?? ticket.creeLe),
    modifieLe: dateHeure(ticket.modifieLe),
    resoluLe: dateHeure(ticket.resoluLe),
    clotureLe: dateHeure(ticket.clotureLe),
    piecesJointes: [...pieces.values()],
    journal: ticket.journal.map((l) => {
      const texte = texteDeLigne(l, annuaire);
      return {
        id: l.id,
        le: dateHeure(l.le),
        auteur: auteur(ticket, l, annuaire),
        libelle: LIBELLES_JOURNAL_AGENT[l.type],
        interne: l.visibilite === "INTERNE",
        ...(texte === undefined ? {} : { texte }),
        ...(l.etatAvant !== undefined && l.etatAvant !== l.etatApres ? { transition: `${LIBELLES_ETATS_TICKET[l.etatAvant]} → ${LIBELLES_ETATS_TICKET[l.etatApres]}` } : {}),
        ...(l.pieceJointe === undefined ? {} : { pieceJointe: { nom: l.pieceJointe.nomFichier, lien: options.lienPiece(l.pieceJointe.id) } }),
      };
    }),
    reponsesTypes: reponsesTypesRemplies(ticket, options.reponsesTypes),
    actions: commandesAgentPermises(options.actionsPermises).map((c) => ({ nom: ACTIONS_AGENT[c].nom, bouton: ACTIONS_AGENT[c].bouton, texte: ACTIONS_AGENT[c].texte })),
    messages: (options.messages ?? []).map((m) => ({ id: m.id, le: dateHeure(m.creeLe), destinataire: m.message.destinataire, sujet: m.message.sujet, statut: STATUTS_MESSAGE[m.statut] })),
  };
};
