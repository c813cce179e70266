import type { ActionContext, ActionRequest, ActionResponse, ResourceOptions } from "adminjs";
import { creerJuridiction, renommerJuridiction, type Agent, type CreerJuridiction, type Juridiction } from "@frais-justice/core/juridiction";
import { Either } from "effect";
import type { Response } from "express";
import { randomUUID } from "node:crypto";
import { acteurDe, type DepotAcces } from "../acces/agents.js";
import { peutQuelquePart } from "../memoires/memoires.actions.js";
import { agentDuContexte } from "../memoires/memoires.ressource.js";

const saisieDe = (request: ActionRequest): Record<string, unknown> => {
  const brut: unknown = request.payload?.["saisie"];
  try {
    return typeof brut === "string" ? (JSON.parse(brut) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};
const texte = (v: unknown): string => (typeof v === "string" ? v : "");

/**
 * Juridictions administered through core's `creerJuridiction` and `renommerJuridiction`
 * (`juridiction.administrer` in the administrator's perimeter). POST only.
 */
export const actionsJuridictions = (
  acces: DepotAcces,
  composant: string,
  juridictions: () => ReadonlyArray<Juridiction>,
  apresChangement: () => Promise<void>,
): NonNullable<ResourceOptions["actions"]> => {
  const etat = async () => ({
    juridictions: await acces.juridictions(),
    agents: (await acces.lister()).map((a): Agent => ({ id: a.id, email: a.email, nom: a.nom, prenom: a.prenom, roles: a.roles, perimetre: a.perimetre, actif: a.actif, creeLe: a.creeLe })),
  });
  const accessible = ({ currentAdmin }: ActionContext) => peutQuelquePart(agentDuContexte({ currentAdmin }), "juridiction.administrer", juridictions());
  return {
    new: {
      actionType: "resource",
      icon: "Plus",
      component: composant,
      isAccessible: accessible,
      handler: async (request: ActionRequest, response: Response, context: ActionContext): Promise<ActionResponse> => {
        const agent = agentDuContexte(context);
        if (request.method !== "post" || agent === undefined) return {};
        const s = saisieDe(request);
        const donnees = { code: texte(s["code"]), libelle: texte(s["libelle"]), type: texte(s["type"]), courAppel: texte(s["courAppel"]) } as CreerJuridiction;
        const r = creerJuridiction(await etat(), { acteur: acteurDe(agent), donnees }, { maintenant: new Date(), genererId: randomUUID });
        if (Either.isLeft(r)) {
          response.status(r.left._tag === "NonAutorise" ? 403 : 422);
          return { notice: { message: r.left.message, type: "error" } };
        }
        const nouvelle = r.right.state.juridictions.find((j) => !juridictions().some((x) => x.code === j.code) && j.code === donnees.code.trim().toUpperCase());
        if (nouvelle === undefined) throw new Error("creerJuridiction n'a pas ajouté de juridiction");
        await acces.creerJuridiction(nouvelle);
        await apresChangement();
        return { notice: { message: `Juridiction ${nouvelle.code} créée`, type: "success" }, redirectUrl: context.h.resourceUrl({ resourceId: "Juridiction" }) };
      },
    },
    renommer: {
      actionType: "record",
      icon: "Edit",
      component: composant,
      isAccessible: accessible,
      handler: async (request: ActionRequest, response: Response, context: ActionContext): Promise<ActionResponse> => {
        const record = context.record;
        const agent = agentDuContexte(context);
        if (record === undefined) throw new Error("enregistrement absent");
        if (request.method !== "post" || agent === undefined) return { record: record.toJSON(context.currentAdmin) };
        const code = String(record.id());
        const r = renommerJuridiction(await etat(), { acteur: acteurDe(agent), donnees: { code, libelle: texte(saisieDe(request)["libelle"]) } }, { maintenant: new Date(), genererId: randomUUID });
        if (Either.isLeft(r)) {
          response.status(r.left._tag === "NonAutorise" ? 403 : 422);
          return { record: record.toJSON(context.currentAdmin), notice: { message: r.left.message, type: "error" } };
        }
        const apres = r.right.state.juridictions.find((j) => j.code === code);
        if (apres !== undefined) await acces.renommerJuridiction(code, apres.libelle);
        await apresChangement();
        return {
          record: record.toJSON(context.currentAdmin),
          notice: { message: "Juridiction renommée", type: "success" },
          redirectUrl: context.h.recordActionUrl({ resourceId: "Juridiction", recordId: code, actionName: "show" }),
        };
      },
    },
  };
};
