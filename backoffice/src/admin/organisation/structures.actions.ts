import type { ActionContext, ActionRequest, RecordActionResponse, ResourceOptions } from "adminjs";
import type { Juridiction } from "@frais-justice/core/juridiction";
import { Either } from "effect";
import type { Response } from "express";
import type { Orm } from "../../base/orm.js";
import { autoriser } from "@frais-justice/core/autorisation";
import { ACTION_DE_LA_COMMANDE, executerCommandeOrganisation, messageRefus, statutHttp, type CommandeOrganisation } from "../../organisation/organisation.commandes.js";
import { acteurDe } from "../acces/agents.js";
import { agentDuContexte } from "../memoires/memoires.ressource.js";
import { peutCommanderOrganisation, peutLireOrganisation } from "./organisation.acces.js";
import { refuser, refusDuRecord } from "./organisation.refus.js";

/** The structure actions: name in the URL, the command it runs, its icon. */
const ACTIONS: ReadonlyArray<readonly [string, CommandeOrganisation["type"], string]> = [
  ["desactiver-coordonnee", "desactiverCoordonneeBancaire", "XCircle"],
  ["reactiver-coordonnee", "reactiverCoordonneeBancaire", "CheckCircle"],
  ["revoquer-mandat", "revoquerMandat", "Slash"],
  ["revoquer-habilitation", "revoquerHabilitation", "UserMinus"],
];

const commande = (type: CommandeOrganisation["type"], structureId: string, cible: string): CommandeOrganisation => {
  switch (type) {
    case "desactiverCoordonneeBancaire":
    case "reactiverCoordonneeBancaire":
      return { type, structureId, coordonneeBancaireId: cible };
    case "revoquerMandat":
      return { type, structureId, mandatId: cible };
    case "revoquerHabilitation":
      return { type, structureId, habilitationId: cible };
  }
};

/**
 * The state-changing actions of a structure, each a core command run by `executerCommandeOrganisation`
 * (rule, version check, audit entry, one transaction). Shown only to an agent core's `autoriser`
 * grants the command's action on this structure; POST only (the GET renders the confirmation
 * component); a refusal answers its status (403, 404, 409, 422) with a French notice and writes nothing.
 */
export const actionsStructures = (orm: Orm, composant: string, juridictions: () => ReadonlyArray<Juridiction>): NonNullable<ResourceOptions["actions"]> =>
  Object.fromEntries(
    ACTIONS.map(([nom, type, icon]) => [
      nom,
      {
        actionType: "record" as const,
        icon,
        component: composant,
        // Accessible to every signed-in agent so that the handler answers a refusal with 403 (AdminJS
        // would answer 200); shown only to whom core grants the action on this structure.
        isAccessible: ({ currentAdmin }: ActionContext) => agentDuContexte({ currentAdmin }) !== undefined,
        isVisible: ({ currentAdmin, record }: ActionContext) => {
          const agent = agentDuContexte({ currentAdmin });
          return peutLireOrganisation(agent, juridictions()) && record !== undefined && record.params["acces"] === undefined && peutCommanderOrganisation(agent, type, String(record.id()));
        },
        handler: async (request: ActionRequest, response: Response, context: ActionContext): Promise<RecordActionResponse> => {
          const record = context.record;
          const agent = agentDuContexte(context);
          if (record === undefined) throw new Error("enregistrement absent");
          const refus = refusDuRecord(response, context);
          if (refus !== undefined) return refus as RecordActionResponse;
          if (agent === undefined) return refuser(response, 403, "Accès refusé.", context) as RecordActionResponse;
          const structureId = String(record.id());
          const droit = autoriser(acteurDe(agent), ACTION_DE_LA_COMMANDE[type], { _tag: "Structure", structureId });
          if (Either.isLeft(droit)) return refuser(response, 403, `Action refusée : ${droit.left.message}`, context) as RecordActionResponse;
          if (request.method !== "post") return { record: record.toJSON(context.currentAdmin) };
          const cible: unknown = request.payload?.["cible"];
          if (typeof cible !== "string" || cible.trim() === "") {
            response.status(422);
            return { record: record.toJSON(context.currentAdmin), notice: { message: "Choisissez l'élément concerné.", type: "error" } };
          }
          const r = await executerCommandeOrganisation(orm, acteurDe(agent), commande(type, structureId, cible.trim()));
          if (Either.isLeft(r)) {
            response.status(statutHttp(r.left));
            return { record: record.toJSON(context.currentAdmin), notice: { message: messageRefus(r.left), type: "error" } };
          }
          return {
            record: record.toJSON(context.currentAdmin),
            notice: { message: r.right.message, type: "success" },
            redirectUrl: context.h.recordActionUrl({ resourceId: "structures", recordId: structureId, actionName: "show" }),
          };
        },
      },
    ]),
  );
