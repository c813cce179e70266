/**
 * Views over collections of tickets, pure: the requester's tabs, keyword search, export (CSV), and
 * the requester-facing projection that strips internal notes (DOMAIN.md §5; seed 001 "Tickets
 * émis"); the agents' queues and dashboard, filtered by `autoriser(agent, "ticket.traiter", …)`.
 * @module
 */

/** Requester side: tabs, list rows, keyword search, journal and ticket projections, export and CSV. */
export {
  LIBELLES_ONGLET,
  ETATS_ACTION_REQUISE,
  LIBELLES_EVENEMENT,
  ENTETES_EXPORT,
  dansOnglet,
  journalDemandeur,
  vueDemandeur,
  ligneDemandeur,
  correspondAuxMotsCles,
  ticketsEmis,
  compteursOnglets,
  exporterTickets,
  versCsv,
  type Onglet,
  type EntreeJournalDemandeur,
  type TicketDemandeur,
  type EntreeJournalVisible,
  type EtatsMemoires,
  type LigneTicketDemandeur,
  type OptionsListe,
} from "./vues.demandeur.js";

/** Agent side: queues in the agent's perimeter, work list, dashboard counts. */
export {
  agentDeLaFile,
  filesDeLAgent,
  fileDeTravail,
  tableauDeBord,
  ETATS_OUVERTS,
  PARAMETRES_TABLEAU_DE_BORD_PAR_DEFAUT,
  type FiltresFile,
  type ParametresTableauDeBord,
  type CompteurFile,
} from "./vues.agent.js";

/** Text helpers: accent- and case-insensitive normalisation and matching, French date-time. */
export { normaliser, correspond, formaterDateHeure, type Fuseau } from "./vues.texte.js";
