import { estAutorise, type EspaceOuvrable } from "@frais-justice/core/autorisation";
import type { Juridiction } from "@frais-justice/core/juridiction";
import { ACTION_DE_LA_COMMANDE, type CommandeOrganisation } from "../../organisation/organisation.commandes.js";
import { acteurDe, type AgentConnecte } from "../acces/agents.js";
import { peutQuelquePart } from "../memoires/memoires.actions.js";

/**
 * Who reads the organisation screens. The role matrix gives no court-side role a prestataire-side
 * action (`structure.consulter`, `coordonnees-bancaires.consulter`... are the structure's own
 * users'), so the back-office derives the reading of this reference data from what core grants:
 * the administration (`agent.administrer` on some juridiction) and the support, who answers the
 * prestataires (`ticket.traiter` on some juridiction or on the national queue). Greffiers,
 * magistrats, ordonnateurs and comptables do not see these screens.
 */
export const peutLireOrganisation = (agent: AgentConnecte | undefined, juridictions: ReadonlyArray<Juridiction>): boolean =>
  agent !== undefined &&
  (peutQuelquePart(agent, "agent.administrer", juridictions) ||
    peutQuelquePart(agent, "ticket.traiter", juridictions) ||
    estAutorise(acteurDe(agent), "ticket.traiter", { _tag: "Global" }));

/**
 * Whether core's `autoriser` grants the agent the action behind an organisation command on this
 * structure — the very check the core command makes first. Under the current role matrix no
 * court-side role holds these actions, so no agent is granted them (the buttons stay hidden and a
 * forged POST is refused).
 */
export const peutCommanderOrganisation = (
  agent: AgentConnecte | undefined,
  type: CommandeOrganisation["type"],
  structureId: string,
  espacesOuverts: ReadonlyArray<EspaceOuvrable> = [],
): boolean => agent !== undefined && estAutorise(acteurDe(agent), ACTION_DE_LA_COMMANDE[type], { _tag: "Structure", structureId, espacesOuverts });

/** `acces` of a bare record: the agent may not read this resource. */
export const ACCES_REFUSE = "refuse";
/** `acces` of a bare record: no such id. */
export const ACCES_INTROUVABLE = "introuvable";
