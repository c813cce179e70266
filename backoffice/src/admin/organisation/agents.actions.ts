import type { ActionContext, ActionRequest, RecordActionResponse, ResourceOptions } from "adminjs";
import { desactiverAgent, reactiverAgent, type Agent, type Juridiction } from "@frais-justice/core/juridiction";
import { Either } from "effect";
import type { Response } from "express";
import { randomUUID } from "node:crypto";
import { acteurDe, type DepotAcces } from "../acces/agents.js";
import type { MagasinSessions } from "../acces/session-store.js";
import { peutQuelquePart } from "../memoires/memoires.actions.js";
import { agentDuContexte } from "../memoires/memoires.ressource.js";

/**
 * Administration of agents through core's `juridiction` commands (`desactiverAgent`, `reactiverAgent`:
 * `agent.administrer` over the agent's perimeter). POST only; a deactivated agent's sessions end.
 */
export const actionsAgents = (
  acces: DepotAcces,
  sessions: MagasinSessions | undefined,
  composant: string,
  juridictions: () => ReadonlyArray<Juridiction>,
): NonNullable<ResourceOptions["actions"]> => {
  const action = (actif: boolean) => ({
    actionType: "record" as const,
    icon: actif ? "UserCheck" : "UserX",
    component: composant,
    isAccessible: ({ currentAdmin, record }: ActionContext) =>
      peutQuelquePart(agentDuContexte({ currentAdmin }), "agent.administrer", juridictions()) && record?.params["actif"] === !actif,
    handler: async (request: ActionRequest, response: Response, context: ActionContext): Promise<RecordActionResponse> => {
      const record = context.record;
      const agent = agentDuContexte(context);
      if (record === undefined) throw new Error("enregistrement absent");
      if (request.method !== "post" || agent === undefined) return { record: record.toJSON(context.currentAdmin) };
      const etat = {
        juridictions: await acces.juridictions(),
        agents: (await acces.lister()).map((a): Agent => ({ id: a.id, email: a.email, nom: a.nom, prenom: a.prenom, roles: a.roles, perimetre: a.perimetre, actif: a.actif, creeLe: a.creeLe })),
      };
      const commande = actif ? reactiverAgent : desactiverAgent;
      const resultat = commande(etat, { acteur: acteurDe(agent), donnees: { agentId: String(record.id()) } }, { maintenant: new Date(), genererId: randomUUID });
      if (Either.isLeft(resultat)) {
        response.status(resultat.left._tag === "NonAutorise" ? 403 : 422);
        return { record: record.toJSON(context.currentAdmin), notice: { message: resultat.left.message, type: "error" } };
      }
      await acces.changerActivite(String(record.id()), actif);
      if (!actif) await sessions?.detruireSessionsDe(String(record.id()));
      return {
        record: { ...record.toJSON(context.currentAdmin), params: { ...record.params, actif } },
        notice: { message: actif ? "Agent réactivé" : "Agent désactivé : ses sessions sont fermées", type: "success" },
        redirectUrl: context.h.recordActionUrl({ resourceId: "Agent", recordId: String(record.id()), actionName: "show" }),
      };
    },
  });
  return { desactiver: action(false), reactiver: action(true) };
};
