import type { ActionContext, ActionRequest, RecordActionResponse, ResourceOptions } from "adminjs";
import { creerAgent, desactiverAgent, modifierPerimetreAgent, modifierRolesAgent, reactiverAgent, type Agent, type CreerAgent, type Juridiction, type ModifierRolesAgent } from "@frais-justice/core/juridiction";
import { verifierMotDePasse } from "@frais-justice/core/utilisateur";
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

const texteSaisi = (v: unknown): string => (typeof v === "string" ? v.trim() : "");
const codes = (v: unknown): Array<string> =>
  texteSaisi(v)
    .split(/[\s,;]+/)
    .filter((c) => c !== "")
    .map((c) => c.toUpperCase());

/**
 * "Nouvel agent": core's `creerAgent` (input schema, known perimeter, `agent.administrer` over the
 * whole new perimeter, unique e-mail) and the initial password checked by core's policy, then stored
 * as a scrypt hash. POST only.
 */
export const actionNouvelAgent = (acces: DepotAcces, composant: string, juridictions: () => ReadonlyArray<Juridiction>): NonNullable<ResourceOptions["actions"]> => ({
  new: {
    actionType: "resource",
    icon: "UserPlus",
    component: composant,
    isAccessible: ({ currentAdmin }: ActionContext) => peutQuelquePart(agentDuContexte({ currentAdmin }), "agent.administrer", juridictions()),
    handler: async (request: ActionRequest, response: Response, context: ActionContext) => {
      const agent = agentDuContexte(context);
      if (request.method !== "post" || agent === undefined) return {};
      const brut: unknown = request.payload?.["saisie"];
      let saisie: Record<string, unknown> = {};
      try {
        saisie = typeof brut === "string" ? (JSON.parse(brut) as Record<string, unknown>) : {};
      } catch {
        saisie = {};
      }
      const motDePasse = typeof saisie["motDePasse"] === "string" ? saisie["motDePasse"] : "";
      const regles = verifierMotDePasse(motDePasse);
      if (regles.length > 0) {
        response.status(422);
        return { notice: { message: `Mot de passe initial refusé : ${regles.map((r) => r.libelle).join(" ; ")}`, type: "error" } };
      }
      const etat = {
        juridictions: await acces.juridictions(),
        agents: (await acces.lister()).map((a): Agent => ({ id: a.id, email: a.email, nom: a.nom, prenom: a.prenom, roles: a.roles, perimetre: a.perimetre, actif: a.actif, creeLe: a.creeLe })),
      };
      const donnees = {
        email: texteSaisi(saisie["email"]),
        nom: texteSaisi(saisie["nom"]),
        prenom: texteSaisi(saisie["prenom"]),
        roles: Array.isArray(saisie["roles"]) ? saisie["roles"].filter((r): r is string => typeof r === "string") : [],
        perimetre: { juridictions: codes(saisie["juridictions"]), coursAppel: codes(saisie["coursAppel"]) },
      } as unknown as CreerAgent;
      const maintenant = new Date();
      const resultat = creerAgent(etat, { acteur: acteurDe(agent), donnees }, { maintenant, genererId: randomUUID });
      if (Either.isLeft(resultat)) {
        response.status(resultat.left._tag === "NonAutorise" ? 403 : 422);
        return { notice: { message: resultat.left.message, type: "error" } };
      }
      const cree = resultat.right.state.agents.find((a) => !etat.agents.some((x) => x.id === a.id));
      if (cree === undefined) throw new Error("creerAgent n'a pas ajouté d'agent");
      await acces.creer({ ...cree }, motDePasse, maintenant);
      return {
        notice: { message: `Agent ${cree.email} créé`, type: "success" },
        redirectUrl: context.h.recordActionUrl({ resourceId: "Agent", recordId: cree.id, actionName: "show" }),
      };
    },
  },
});

/**
 * "Modifier les droits": core's `modifierRolesAgent` then `modifierPerimetreAgent` (each only when it
 * changes something), both checked on the same state; written together. POST only.
 */
export const actionModifierDroits = (acces: DepotAcces, composant: string, juridictions: () => ReadonlyArray<Juridiction>): NonNullable<ResourceOptions["actions"]> => ({
  "modifier-droits": {
    actionType: "record",
    icon: "Edit",
    component: composant,
    isAccessible: ({ currentAdmin }: ActionContext) => peutQuelquePart(agentDuContexte({ currentAdmin }), "agent.administrer", juridictions()),
    handler: async (request: ActionRequest, response: Response, context: ActionContext): Promise<RecordActionResponse> => {
      const record = context.record;
      const agent = agentDuContexte(context);
      if (record === undefined) throw new Error("enregistrement absent");
      if (request.method !== "post" || agent === undefined) return { record: record.toJSON(context.currentAdmin) };
      const brut: unknown = request.payload?.["saisie"];
      let saisie: Record<string, unknown> = {};
      try {
        saisie = typeof brut === "string" ? (JSON.parse(brut) as Record<string, unknown>) : {};
      } catch {
        saisie = {};
      }
      const id = String(record.id());
      const etat = {
        juridictions: await acces.juridictions(),
        agents: (await acces.lister()).map((a): Agent => ({ id: a.id, email: a.email, nom: a.nom, prenom: a.prenom, roles: a.roles, perimetre: a.perimetre, actif: a.actif, creeLe: a.creeLe })),
      };
      const avant = etat.agents.find((a) => a.id === id);
      if (avant === undefined) throw new Error(`agent ${id} introuvable`);
      const roles = Array.isArray(saisie["roles"]) ? saisie["roles"].filter((r): r is string => typeof r === "string") : [];
      const perimetre = { juridictions: codes(saisie["juridictions"]), coursAppel: codes(saisie["coursAppel"]) };
      const contexte = { maintenant: new Date(), genererId: randomUUID };
      const acteur = acteurDe(agent);
      const memes = (a: ReadonlyArray<string>, b: ReadonlyArray<string>) => [...a].sort().join(",") === [...b].sort().join(",");
      let resultat = Either.right({ state: etat, events: [] }) as ReturnType<typeof modifierRolesAgent> | ReturnType<typeof modifierPerimetreAgent>;
      if (!memes(avant.roles, roles)) resultat = modifierRolesAgent(etat, { acteur, donnees: { agentId: id, roles } as unknown as ModifierRolesAgent }, contexte);
      if (Either.isRight(resultat) && !(memes(avant.perimetre.juridictions, perimetre.juridictions) && memes(avant.perimetre.coursAppel, perimetre.coursAppel))) {
        resultat = modifierPerimetreAgent(resultat.right.state, { acteur, donnees: { agentId: id, perimetre } }, contexte);
      }
      if (Either.isLeft(resultat)) {
        response.status(resultat.left._tag === "NonAutorise" ? 403 : 422);
        return { record: record.toJSON(context.currentAdmin), notice: { message: resultat.left.message, type: "error" } };
      }
      const apres = resultat.right.state.agents.find((a) => a.id === id) ?? avant;
      await acces.changerDroits(id, apres.roles, apres.perimetre);
      return {
        record: record.toJSON(context.currentAdmin),
        notice: { message: "Droits de l'agent modifiés", type: "success" },
        redirectUrl: context.h.recordActionUrl({ resourceId: "Agent", recordId: id, actionName: "show" }),
      };
    },
  },
});
