import { Option } from "effect";
import { LIBELLES_STATUT_VISIBLE, statutVisible, type EtatMemoire } from "@frais-justice/core/memoire";
import { libelleFile } from "../categorie/index.js";
import { LIBELLES_ETAT_TICKET, type EntreeJournal, type EtatTicket, type Ticket } from "../ticket/index.js";
import { correspond, formaterDateHeure, type Fuseau } from "./vues.texte.js";

/** The requester's tabs (seed 001 "Tickets émis"). */
export type Onglet = "ACTIONS_REQUISES" | "TOUS" | "CLOTURES";

/** French label of each tab. */
export const LIBELLES_ONGLET: { readonly [O in Onglet]: string } = {
  ACTIONS_REQUISES: "Actions requises",
  TOUS: "Tous (sauf clôturés)",
  CLOTURES: "Clôturés",
};

/** States in which the requester must act: complete the information, accept or refuse the solution. */
export const ETATS_ACTION_REQUISE: ReadonlyArray<EtatTicket> = ["EN_ATTENTE_INFORMATIONS", "RESOLU"];

/**
 * `true` when the ticket is listed in the tab: Actions requises = awaiting information or an answer to
 * a solution; Tous (sauf clôturés) = every ticket not closed (action required ones included, as in
 * seed 001); Clôturés = closed.
 */
export const dansOnglet = (ticket: Ticket, onglet: Onglet): boolean => {
  switch (onglet) {
    case "ACTIONS_REQUISES":
      return ETATS_ACTION_REQUISE.includes(ticket.etat);
    case "TOUS":
      return ticket.etat !== "CLOTURE";
    case "CLOTURES":
      return ticket.etat === "CLOTURE";
  }
};

/** A journal row as the requester sees it: who (never an agent's id), when, what, the public text. */
export interface EntreeJournalDemandeur {
  readonly le: Date;
  readonly auteur: string;
  readonly libelle: string;
  readonly texte?: string;
  readonly pieceJointe?: string;
}

/** What each event is called in the requester's "Activités" tab. */
export const LIBELLES_EVENEMENT: { readonly [T in EntreeJournal["type"]]: string } = {
  "ticket.creer": "Ticket créé",
  "ticket.modifier-brouillon": "Brouillon modifié",
  "ticket.soumettre": "Ticket soumis",
  "ticket.affecter": "Ticket pris en charge",
  "ticket.demander-informations": "Informations demandées",
  "ticket.completer": "Informations complétées",
  "ticket.proposer-solution": "Solution",
  "ticket.accepter-solution": "Solution acceptée",
  "ticket.refuser-solution": "Solution refusée",
  "ticket.transferer": "Ticket transféré au support national",
  "ticket.cloturer": "Ticket clôturé",
  "ticket.commenter": "Commentaire",
  "ticket.noter": "Note interne",
  "ticket.joindre": "Pièce jointe ajoutée",
  "ticket.relancer": "Relance : une solution attend votre réponse",
  "ticket.cloturer-automatiquement": "Ticket clôturé automatiquement",
};

/**
 * The activity journal as the requester sees it (seed 001 "Activités"): internal notes removed, agents
 * named by their queue ("Service métier — 75 - …", "Support national"), never by their id.
 */
export const journalDemandeur = (ticket: Ticket): ReadonlyArray<EntreeJournalDemandeur> => {
  // The queue at each row: the one before the first transfer, then the one each transfer led to.
  let file = ticket.journal.find((e) => e.fileAvant !== undefined)?.fileAvant ?? ticket.file;
  const lignes: Array<EntreeJournalDemandeur> = [];
  for (const e of ticket.journal) {
    if (e.fileApres !== undefined) file = e.fileApres;
    if (e.visibilite !== "PUBLIQUE") continue;
    lignes.push({
      le: e.le,
      auteur: e.auteur._tag === "Demandeur" ? "Demandeur" : e.auteur._tag === "Systeme" ? "Système" : libelleFile(file),
      libelle: LIBELLES_EVENEMENT[e.type],
      ...(e.texte === undefined ? {} : { texte: e.texte }),
      ...(e.pieceJointe === undefined ? {} : { pieceJointe: e.pieceJointe.nomFichier }),
    });
  }
  return lignes;
};

/** A journal row as the requester may see it: an agent author without their id, no `agentId`. */
export type EntreeJournalVisible = Omit<EntreeJournal, "auteur" | "agentId"> & {
  readonly auteur: { readonly _tag: "Demandeur"; readonly id: string } | { readonly _tag: "Agent" } | { readonly _tag: "Systeme" };
};

/** The ticket as the requester may see it: no internal note, no agent id (a requester-facing projection). */
export type TicketDemandeur = Omit<Ticket, "journal" | "agentId"> & {
  readonly journal: ReadonlyArray<EntreeJournalVisible>;
  readonly prisEnCharge: boolean;
};

/**
 * The requester-facing projection of a ticket: every internal note (`INTERNE` row) removed from the
 * journal, and no agent id anywhere (neither the assigned agent, nor the agent of an `affecter` row,
 * nor the author of a row written by an agent). Every requester view is built on it.
 */
export const vueDemandeur = (ticket: Ticket): TicketDemandeur => {
  const { journal, agentId, ...reste } = ticket;
  return {
    ...reste,
    prisEnCharge: agentId !== undefined,
    journal: journal
      .filter((e) => e.visibilite === "PUBLIQUE")
      .map((e): EntreeJournalVisible => {
        const { agentId: _masque, auteur, ...sansAgent } = e;
        return { ...sansAgent, auteur: auteur._tag === "Agent" ? { _tag: "Agent" } : auteur };
      }),
  };
};

/** The current states of the mémoires tickets are about, by MJ number (loaded by the caller). */
export type EtatsMemoires = ReadonlyMap<string, EtatMemoire>;

/** One row of the requester's list (seed 001 "Liste des tickets"). */
export interface LigneTicketDemandeur {
  readonly id: string;
  readonly numero: string;
  /** "Description brève": the titre. */
  readonly descriptionBreve: string;
  /** "Ouvert le" (the submission; the creation for a draft). */
  readonly ouvertLe: Date;
  readonly categorie: string;
  readonly sousCategorie: string;
  readonly statut: string;
  readonly etat: EtatTicket;
  readonly numeroObjet?: string;
  /** For a ticket about a mémoire: the mémoire's current status as the prestataire sees it. */
  readonly statutMemoire?: string;
  readonly destinataire: string;
}

/** The list row of a ticket, with the current status of its mémoire when known. */
export const ligneDemandeur = (ticket: Ticket, etatsMemoires: EtatsMemoires = new Map()): LigneTicketDemandeur => {
  const vue = vueDemandeur(ticket);
  const etatMemoire = vue.objet.type === "MEMOIRE" && vue.objet.numero !== undefined ? etatsMemoires.get(vue.objet.numero) : undefined;
  const statutMemoire = etatMemoire === undefined ? Option.none() : Option.map(statutVisible(etatMemoire), (s) => LIBELLES_STATUT_VISIBLE[s]);
  return {
    id: vue.id,
    numero: vue.numero,
    descriptionBreve: vue.titre,
    ouvertLe: vue.soumisLe ?? vue.creeLe,
    categorie: vue.categorie.libelle,
    sousCategorie: vue.sousCategorie.libelle,
    statut: LIBELLES_ETAT_TICKET[vue.etat],
    etat: vue.etat,
    ...(vue.objet.numero === undefined ? {} : { numeroObjet: vue.objet.numero }),
    ...(Option.isSome(statutMemoire) ? { statutMemoire: statutMemoire.value } : {}),
    destinataire: libelleFile(vue.file),
  };
};

/** `true` when the keywords appear in the ticket's number, titre, description, public comments or N° objet. */
export const correspondAuxMotsCles = (ticket: Ticket, motsCles: string): boolean => {
  const vue = vueDemandeur(ticket);
  return correspond(
    [vue.numero, vue.titre, vue.description, vue.objet.numero ?? "", ...vue.journal.flatMap((e) => (e.texte === undefined ? [] : [e.texte]))],
    motsCles,
  );
};

/** Options of the requester's list. */
export interface OptionsListe {
  readonly onglet: Onglet;
  /** Keyword search (seed 001 "Recherche par mot clé"), accent- and case-insensitive. */
  readonly motsCles?: string;
  readonly etatsMemoires?: EtatsMemoires;
}

/**
 * The requester's "Tickets émis" list: their own tickets in the tab, filtered by keywords, most
 * recently opened first.
 */
export const ticketsEmis = (tickets: ReadonlyArray<Ticket>, demandeurId: string, options: OptionsListe): ReadonlyArray<LigneTicketDemandeur> =>
  tickets
    .filter((t) => t.demandeurId === demandeurId && dansOnglet(t, options.onglet))
    .filter((t) => options.motsCles === undefined || correspondAuxMotsCles(t, options.motsCles))
    .map((t) => ligneDemandeur(t, options.etatsMemoires))
    .sort((a, b) => b.ouvertLe.getTime() - a.ouvertLe.getTime() || (a.numero < b.numero ? 1 : -1));

/** How many tickets of the requester each tab holds (the counters of the tabs). */
export const compteursOnglets = (tickets: ReadonlyArray<Ticket>, demandeurId: string): { readonly [O in Onglet]: number } => {
  const siens = tickets.filter((t) => t.demandeurId === demandeurId);
  return {
    ACTIONS_REQUISES: siens.filter((t) => dansOnglet(t, "ACTIONS_REQUISES")).length,
    TOUS: siens.filter((t) => dansOnglet(t, "TOUS")).length,
    CLOTURES: siens.filter((t) => dansOnglet(t, "CLOTURES")).length,
  };
};

/** The French headers of the export (seed 001 "Exporter le tableau"). */
export const ENTETES_EXPORT = [
  "Numéro",
  "Description brève",
  "Ouvert le",
  "Catégorie",
  "Sous-catégorie",
  "Statut",
  "N° objet",
  "Statut du mémoire",
  "Destinataire",
] as const;

/** The export of a list: headers and one row of strings per ticket (dates read in `fuseau`, default UTC). */
export const exporterTickets = (
  lignes: ReadonlyArray<LigneTicketDemandeur>,
  fuseau: Fuseau = 0,
): { readonly entetes: ReadonlyArray<string>; readonly lignes: ReadonlyArray<ReadonlyArray<string>> } => ({
  entetes: ENTETES_EXPORT,
  lignes: lignes.map((l) => [
    l.numero,
    l.descriptionBreve,
    formaterDateHeure(l.ouvertLe, fuseau),
    l.categorie,
    l.sousCategorie,
    l.statut,
    l.numeroObjet ?? "",
    l.statutMemoire ?? "",
    l.destinataire,
  ]),
});

const champCsv = (valeur: string): string => (/[;"\r\n]/.test(valeur) ? `"${valeur.replace(/"/g, '""')}"` : valeur);

/**
 * CSV text for spreadsheet software used in France: UTF-8 byte order mark, `;` separator, CRLF line
 * ends, fields with `;`, `"` or line breaks quoted (RFC 4180 doubling of `"`).
 */
export const versCsv = (entetes: ReadonlyArray<string>, lignes: ReadonlyArray<ReadonlyArray<string>>): string =>
  "\uFEFF" + [entetes, ...lignes].map((ligne) => ligne.map(champCsv).join(";")).join("\r\n") + "\r\n";
