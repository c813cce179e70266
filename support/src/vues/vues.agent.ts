import { estAutorise, type ActeurAgent } from "@frais-justice/core/autorisation";
import { cibleDeLaFile, libelleFile, memeFile, type FileTicket } from "../categorie/index.js";
import { ajouterJours, type EtatTicket, type Ticket } from "../ticket/index.js";

/** `true` when the agent may handle the queue (`autoriser(agent, "ticket.traiter", queue)`). */
export const agentDeLaFile = (agent: ActeurAgent, file: FileTicket): boolean => estAutorise(agent, "ticket.traiter", cibleDeLaFile(file));

/** The queues among `files` the agent may handle. */
export const filesDeLAgent = (agent: ActeurAgent, files: ReadonlyArray<FileTicket>): ReadonlyArray<FileTicket> =>
  files.filter((f) => agentDeLaFile(agent, f));

/** States an agent's queue shows: submitted and not closed. */
export const ETATS_OUVERTS: ReadonlyArray<EtatTicket> = ["NOUVEAU", "EN_COURS", "EN_ATTENTE_INFORMATIONS", "RESOLU"];

/** Filters of an agent's work list. */
export interface FiltresFile {
  readonly file?: FileTicket;
  readonly categorie?: string;
  readonly etats?: ReadonlyArray<EtatTicket>;
  /** Only the tickets assigned to this agent. */
  readonly agentId?: string;
}

/**
 * The tickets an agent may work on (their queues' open tickets, filtered), oldest submission first.
 * Drafts and tickets of queues outside the agent's perimeter never appear.
 */
export const fileDeTravail = (agent: ActeurAgent, tickets: ReadonlyArray<Ticket>, filtres: FiltresFile = {}): ReadonlyArray<Ticket> =>
  tickets
    .filter((t) => (filtres.etats ?? ETATS_OUVERTS).includes(t.etat) && t.etat !== "BROUILLON")
    .filter((t) => agentDeLaFile(agent, t.file))
    .filter((t) => filtres.file === undefined || memeFile(filtres.file, t.file))
    .filter((t) => filtres.categorie === undefined || filtres.categorie === t.categorie.code)
    .filter((t) => filtres.agentId === undefined || filtres.agentId === t.agentId)
    .sort((a, b) => (a.soumisLe ?? a.creeLe).getTime() - (b.soumisLe ?? b.creeLe).getTime());

/** Dashboard settings: after how many days without activity a ticket the agents must handle is overdue. */
export interface ParametresTableauDeBord {
  readonly joursAvantRetard: number;
}

/** 3 days without activity on a ticket awaiting the agents [decision]. */
export const PARAMETRES_TABLEAU_DE_BORD_PAR_DEFAUT: ParametresTableauDeBord = { joursAvantRetard: 3 };

/** Counts of one queue and catégorie on the agents' dashboard. */
export interface CompteurFile {
  readonly file: FileTicket;
  readonly libelleFile: string;
  readonly categorie: string;
  /** Awaiting the agents: NOUVEAU and EN_COURS. */
  readonly ouverts: number;
  /** Awaiting the requester: EN_ATTENTE_INFORMATIONS and RESOLU. */
  readonly enAttente: number;
  /** Open and without activity for more than the delay. */
  readonly enRetard: number;
}

/**
 * The dashboard of an agent: for each queue they may handle and each catégorie, the open, waiting and
 * overdue tickets (rows with no ticket are left out).
 */
export const tableauDeBord = (
  agent: ActeurAgent,
  tickets: ReadonlyArray<Ticket>,
  maintenant: Date,
  parametres: ParametresTableauDeBord = PARAMETRES_TABLEAU_DE_BORD_PAR_DEFAUT,
): ReadonlyArray<CompteurFile> => {
  const lignes = new Map<string, { file: FileTicket; categorie: string; ouverts: number; enAttente: number; enRetard: number }>();
  for (const t of fileDeTravail(agent, tickets)) {
    const cle = `${libelleFile(t.file)}\u0000${t.categorie.libelle}`;
    const ligne = lignes.get(cle) ?? { file: t.file, categorie: t.categorie.libelle, ouverts: 0, enAttente: 0, enRetard: 0 };
    const aTraiter = t.etat === "NOUVEAU" || t.etat === "EN_COURS";
    if (aTraiter) ligne.ouverts += 1;
    else ligne.enAttente += 1;
    if (aTraiter && maintenant >= ajouterJours(t.modifieLe, parametres.joursAvantRetard)) ligne.enRetard += 1;
    lignes.set(cle, ligne);
  }
  return [...lignes.values()]
    .map((l) => ({ ...l, libelleFile: libelleFile(l.file) }))
    .sort((a, b) => a.libelleFile.localeCompare(b.libelleFile, "fr") || a.categorie.localeCompare(b.categorie, "fr"));
};
