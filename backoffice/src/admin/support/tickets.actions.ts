import type { ActionContext, ActionRequest, BaseRecord, RecordActionResponse, ResourceOptions } from "adminjs";
import type { Commande } from "@frais-justice/support";
import { Either } from "effect";
import type { Response } from "express";
import { acteurDe, type AgentConnecte } from "../acces/agents.js";
import { agentDuContexte } from "../memoires/memoires.ressource.js";
import { ACTIONS_AGENT, COMMANDES_AGENT, LIBELLES_ETATS_TICKET, type CommandeAgent } from "./tickets.libelles.js";
import type { ErreurExecutionTicket } from "../../support/depot-tickets.js";
import type { RessourceTickets } from "./tickets.ressource.js";

/** What an action answers (HTTP status + the French notice); nothing is written when it is not a success. */
export interface IssueCommandeTicket {
  readonly statut: 200 | 403 | 404 | 409 | 422;
  readonly message: string;
}

/** The French message of a version conflict (another agent, the requester or the scheduler wrote first). */
export const MESSAGE_CONFLIT =
  "Ce ticket a été modifié (par un autre agent, le demandeur ou le système) depuis que vous l'avez ouvert. Rien n'a été enregistré : rechargez la page et recommencez.";

/** The command of an agent action, with the text typed (absent when the action takes none). */
export const construireCommandeTicket = (c: CommandeAgent, texte: string | undefined, agent: AgentConnecte): Commande => {
  const acteur = acteurDe(agent);
  const t = texte?.trim() ?? "";
  switch (c) {
    case "ticket.affecter":
      return { type: c, acteur };
    case "ticket.commenter":
    case "ticket.noter":
    case "ticket.demander-informations":
    case "ticket.proposer-solution":
      return { type: c, texte: t, acteur };
    case "ticket.transferer":
    case "ticket.cloturer":
      return t === "" ? { type: c, acteur } : { type: c, texte: t, acteur };
  }
};

/** Maps a refusal of the persistence or the ticket machine to a status and a French message. */
export const issueDuRefus = (e: ErreurExecutionTicket): IssueCommandeTicket => {
  switch (e._tag) {
    case "ConflitDeVersion":
      return { statut: 409, message: MESSAGE_CONFLIT };
    case "TicketIntrouvable":
      return { statut: 404, message: "Ticket introuvable." };
    case "TransitionRefusee":
      if (e.garde === "acteurHorsFile" || e.garde === "acteurNonAffecte" || e.garde === "acteurNiDemandeurNiAgentDeLaFile") return { statut: 403, message: `Action non autorisée : ${e.detail}` };
      if (e.garde === "texteAbsent") return { statut: 422, message: "Le texte est obligatoire pour cette action : rien n'a été enregistré." };
      // Core's detail names the event and the état by code: the agent reads them in words.
      if (e.garde === "etatIncompatible") {
        const commande = COMMANDES_AGENT.find((c) => c === e.evenement);
        const action = commande === undefined ? "Cette action" : `« ${ACTIONS_AGENT[commande].bouton} »`;
        return { statut: 422, message: `Action refusée : ${action} n'est pas possible sur un ticket à l'état « ${LIBELLES_ETATS_TICKET[e.etat]} ».` };
      }
      return { statut: 422, message: `Action refusée : ${e.detail}` };
    case "SaisieInvalide":
      return { statut: 422, message: `Saisie invalide : ${e.erreurs.map((x) => `${x.chemin} : ${x.raison}`).join(" ; ")}` };
    case "DonneesCorrompues":
      return { statut: 422, message: `Données du ticket illisibles : ${e.message}` };
  }
};

/**
 * Runs one agent command on a ticket: the ticket machine (its rules and `autoriser`) inside the
 * persistence's transaction with the version the agent saw; the new state, its journal row and its
 * notifications are written together or not at all.
 */
export const executerCommandeTicket = async (
  ressource: RessourceTickets,
  agent: AgentConnecte,
  id: string,
  version: number,
  c: CommandeAgent,
  texte: string | undefined,
  maintenant: Date = new Date(),
): Promise<IssueCommandeTicket> => {
  if (!Number.isInteger(version)) return { statut: 409, message: MESSAGE_CONFLIT };
  const resultat = await ressource.depot.executer(id, version, construireCommandeTicket(c, texte, agent), { maintenant });
  return Either.isRight(resultat) ? { statut: 200, message: ACTIONS_AGENT[c].fait } : issueDuRefus(resultat.left);
};

/** The record actions of the ticket resource, one per agent command, POST only. */
export const actionsTickets = (ressource: RessourceTickets, composant: string): NonNullable<ResourceOptions["actions"]> => {
  const actions: Record<string, unknown> = {};
  for (const c of COMMANDES_AGENT) {
    const { nom, bouton, icone } = ACTIONS_AGENT[c];
    actions[nom] = {
      actionType: "record",
      label: bouton,
      icon: icone,
      component: composant,
      // Synchronous: reads what `findOne` computed with the ticket machine's rules for this agent now.
      isAccessible: ({ currentAdmin, record }: ActionContext) =>
        agentDuContexte({ currentAdmin }) !== undefined && String(record?.params["actionsPermises"] ?? "").split(",").includes(c),
      handler: async (request: ActionRequest, response: Response, context: ActionContext): Promise<RecordActionResponse> => {
        const record = context.record as BaseRecord;
        const agent = agentDuContexte(context);
        if (request.method !== "post" || agent === undefined) return { record: record.toJSON(context.currentAdmin) };
        const texte: unknown = request.payload?.["texte"];
        const issue = await executerCommandeTicket(ressource, agent, String(record.id()), Number(request.payload?.["version"]), c, typeof texte === "string" ? texte : undefined);
        if (issue.statut !== 200) {
          response.status(issue.statut);
          return { record: record.toJSON(context.currentAdmin), notice: { message: issue.message, type: "error" } };
        }
        // After a transfer the ticket may have left the agent's queues: back to the list then.
        const apres = await ressource.findOne(String(record.id()), context);
        return {
          record: (apres ?? record).toJSON(context.currentAdmin),
          notice: { message: issue.message, type: "success" },
          redirectUrl:
            apres === null
              ? context.h.resourceUrl({ resourceId: "tickets" })
              : context.h.recordActionUrl({ resourceId: "tickets", recordId: String(record.id()), actionName: "show" }),
        };
      },
    };
  }
  return actions;
};
