import { BaseRecord, type ActionContext, type ActionRequest, type ActionResponse, type ResourceOptions } from "adminjs";
import { Either } from "effect";
import type { Response } from "express";
import type { ReponseTypeStockee } from "../../support/depot-tickets.js";
import { agentDuContexte } from "../memoires/memoires.ressource.js";
import { administreLesReponsesTypes, paramsReponseType, type RessourceReponsesTypes } from "./reponses-types.ressource.js";

/** What a stale form gets: nothing written. */
export const MESSAGE_CONFLIT_REPONSE_TYPE =
  "Cette réponse type a été modifiée depuis que vous l'avez ouverte. Rien n'a été enregistré : rechargez la page et recommencez.";

const saisieDe = (request: ActionRequest): Record<string, unknown> => {
  const brut: unknown = request.payload?.["saisie"];
  try {
    const lu: unknown = typeof brut === "string" ? JSON.parse(brut) : undefined;
    return typeof lu === "object" && lu !== null ? (lu as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};
const texte = (v: unknown): string => (typeof v === "string" ? v : "");

/**
 * The réponses types kept by the national support (core's `reponse-type.administrer`): a new one, a
 * new titre or texte, archived (no longer offered on the tickets' pages) or reactivated. Each is a
 * POST through the repository, which refuses an empty titre or texte, a variable the domain does not
 * know (422, nothing written) and a form older than the stored version (409). A GET writes nothing.
 */
export const actionsReponsesTypes = (ressource: RessourceReponsesTypes, composant: string): NonNullable<ResourceOptions["actions"]> => {
  const administre = (ctx: ActionContext): boolean => administreLesReponsesTypes(agentDuContexte(ctx));
  /** The repository's answer as the action's: the record's page, or the refusal with its status. */
  const issue = (
    r: Either.Either<ReponseTypeStockee, { readonly _tag: string; readonly message: string }>,
    response: Response,
    context: ActionContext,
    succes: string,
    conflit: string,
  ): ActionResponse => {
    if (Either.isLeft(r)) {
      response.status(r.left._tag === "ConflitDeVersion" ? 409 : 422);
      return { ...(context.record === undefined ? {} : { record: context.record.toJSON(context.currentAdmin) }), notice: { message: r.left._tag === "ConflitDeVersion" ? conflit : r.left.message, type: "error" } };
    }
    return {
      // A record action answers its record (AdminJS requires it): the one just stored.
      ...(context.record === undefined ? {} : { record: new BaseRecord(paramsReponseType(r.right), ressource).toJSON(context.currentAdmin) }),
      notice: { message: succes, type: "success" },
      redirectUrl: context.h.recordActionUrl({ resourceId: ressource.id(), recordId: r.right.code, actionName: "show" }),
    };
  };
  /** A change of the record at the version the form saw: titre and texte from the form, or only `actif` set (titre and texte as stored). */
  const changer = (actif: boolean | undefined, succes: string) => async (request: ActionRequest, response: Response, context: ActionContext): Promise<ActionResponse> => {
    const record = context.record;
    if (record === undefined) throw new Error("enregistrement absent");
    if (request.method !== "post") return { record: record.toJSON(context.currentAdmin) };
    const s = saisieDe(request);
    const version = Number(s["version"]);
    if (!Number.isInteger(version)) {
      response.status(422);
      return { record: record.toJSON(context.currentAdmin), notice: { message: "version du formulaire absente : rechargez la page", type: "error" } };
    }
    const p = record.params;
    const r = await ressource.depot.enregistrer(
      {
        code: String(p["code"]),
        titre: actif === undefined ? texte(s["titre"]) : String(p["titre"]),
        texte: actif === undefined ? texte(s["texte"]) : String(p["texte"]),
        actif: actif ?? p["actif"] === true,
      },
      version,
    );
    return issue(r, response, context, succes, MESSAGE_CONFLIT_REPONSE_TYPE);
  };
  /** Archive (`false`) or reactivate (`true`): offered only where it changes something. */
  const bascule = (actif: boolean, icon: string, succes: string) => ({
    actionType: "record" as const,
    icon,
    component: composant,
    isAccessible: (ctx: ActionContext) => administre(ctx) && ctx.record?.params["actif"] === !actif,
    handler: changer(actif, succes),
  });
  return {
    new: {
      actionType: "resource",
      icon: "Plus",
      component: composant,
      isAccessible: administre,
      handler: async (request: ActionRequest, response: Response, context: ActionContext): Promise<ActionResponse> => {
        if (request.method !== "post") return {};
        const s = saisieDe(request);
        const code = texte(s["code"]).trim().toUpperCase();
        const r = await ressource.depot.enregistrer({ code, titre: texte(s["titre"]), texte: texte(s["texte"]) });
        return issue(r, response, context, `Réponse type ${code} créée`, `Le code ${code} est déjà celui d'une réponse type : choisissez-en un autre. Rien n'a été enregistré.`);
      },
    },
    modifier: {
      actionType: "record",
      icon: "Edit",
      component: composant,
      isAccessible: administre,
      handler: changer(undefined, "Réponse type modifiée"),
    },
    archiver: bascule(false, "Archive", "Réponse type archivée : elle n'est plus proposée sur les tickets"),
    reactiver: bascule(true, "RotateCcw", "Réponse type réactivée"),
  };
};
