import type { ActionContext, ActionRequest, ActionResponse, IsFunction } from "adminjs";
import type { AgentConnecte } from "./acces/agents.js";
import { avertir, avisFiltres, type ChoixDeLAgent } from "./filtres-dates.js";
import { agentDuContexte } from "./memoires/memoires.ressource.js";

/** A choice of a list filter: the value sent in the URL and its French label. */
export interface ChoixFiltre {
  readonly value: string;
  readonly label: string;
}

/**
 * The hidden resource action that answers a filter's choices for the request's agent, `{ choix }`
 * (read by `composants/filtre-choix.jsx` each time the filter is drawn).
 */
export const actionChoixDuFiltre = (isAccessible: IsFunction, choix: (agent: AgentConnecte) => Promise<ReadonlyArray<ChoixFiltre>>) => ({
  actionType: "resource" as const,
  isVisible: false,
  isAccessible,
  handler: async (_request: unknown, _response: unknown, context: ActionContext) => {
    const agent = agentDuContexte(context);
    return { choix: agent === undefined ? [] : await choix(agent) };
  },
});

/**
 * `after` of a list action whose filters at `chemins` take their choices from the agent (its
 * juridictions, its queues): like `avertirFiltresIllisibles`, and a value outside the agent's
 * choices is named too. `choix` is read only when the request filters on one of those paths.
 */
export const avertirFiltresDeLAgent =
  (chemins: ReadonlyArray<string>, choix: (agent: AgentConnecte) => Promise<ChoixDeLAgent>) =>
  async <R extends ActionResponse>(response: R, request: ActionRequest, context: ActionContext): Promise<R> => {
    const query = request.query ?? {};
    const agent = agentDuContexte(context);
    const utiles = chemins.some((c) => typeof query[`filters.${c}`] === "string" && String(query[`filters.${c}`]).trim() !== "");
    return avertir(response, avisFiltres(query, context.resource, utiles && agent !== undefined ? await choix(agent) : {}));
  };
