import type { ActionContext, ActionResponse } from "adminjs";
import type { Response } from "express";
import { ACCES_INTROUVABLE, ACCES_REFUSE } from "./organisation.acces.js";

/**
 * A refusal with its HTTP status. AdminJS turns an inaccessible action or a missing record into a
 * 200 carrying a notice; these resources answer 403 / 404 instead (so do guessed URLs), with a
 * record action's bare record (only the id asked) and nothing about the structure or the user.
 */
export const refuser = (response: Response, statut: 403 | 404, message: string, context?: ActionContext): ActionResponse => {
  response.status(statut);
  return { ...(context?.record === undefined ? {} : { record: context.record.toJSON(context.currentAdmin) }), notice: { message, type: "error" } };
};

/** The refusal owed for a bare record (`acces`), if any. */
export const refusDuRecord = (response: Response, context: ActionContext): ActionResponse | undefined => {
  const acces: unknown = context.record?.params["acces"];
  if (acces === ACCES_REFUSE) return refuser(response, 403, "Accès refusé.", context);
  if (acces === ACCES_INTROUVABLE) return refuser(response, 404, "Élément introuvable.", context);
  return undefined;
};

