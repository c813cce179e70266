import type { ActionContext, ActionRequest, ActionResponse, BaseRecord, BulkActionResponse, RecordActionResponse, ResourceOptions } from "adminjs";
import { estAutorise, type Action } from "@frais-justice/core/autorisation";
import { executer, type Commande } from "@frais-justice/core/memoire";
import { Either } from "effect";
import type { Response } from "express";
import { randomUUID } from "node:crypto";
import { acteurDe, type AgentConnecte } from "../acces/agents.js";
import { COMMANDES_JURIDICTION, type CommandeJuridiction } from "./memoires.detail.js";
import { agentDuContexte, type RessourceMemoires } from "./memoires.ressource.js";
import { LIBELLES_ETATS } from "./libelles.js";

/** French names of the actions (buttons, notices). */
export const LIBELLES_ACTIONS: { readonly [C in CommandeJuridiction]: { readonly bouton: string; readonly fait: string } } = {
  "memoire.prendre-en-charge": { bouton: "Prendre en charge", fait: "Mémoire pris en charge" },
  "memoire.certifier": { bouton: "Certifier", fait: "Mémoire certifié" },
  "memoire.envoyer-en-taxation": { bouton: "Envoyer en taxation", fait: "Mémoire envoyé en taxation" },
  "memoire.taxer": { bouton: "Taxer", fait: "Mémoire taxé" },
  "memoire.constater-forclusion": { bouton: "Constater la forclusion", fait: "Forclusion constatée" },
  "memoire.constater-notification-taxe": { bouton: "Constater la notification de la taxe", fait: "Notification de l'ordonnance de taxe constatée" },
  "memoire.constater-recours-taxe": { bouton: "Constater un recours contre la taxe", fait: "Recours contre l'ordonnance de taxe constaté" },
  "memoire.constater-decision-recours": { bouton: "Constater la décision sur le recours", fait: "Décision de la chambre de l'instruction constatée" },
  "memoire.refuser": { bouton: "Refuser", fait: "Mémoire refusé" },
  "memoire.valider-paiement": { bouton: "Valider la demande de paiement", fait: "Demande de paiement validée" },
  "memoire.mettre-en-paiement": { bouton: "Mettre en paiement", fait: "Mémoire mis en paiement" },
};

/** AdminJS action name of a command: `memoire.certifier` → `certifier`. */
export const nomAction = (c: CommandeJuridiction): string => c.replace(/^memoire\./, "");
export const commandeDeLAction = (nom: string): CommandeJuridiction | undefined => COMMANDES_JURIDICTION.find((c) => nomAction(c) === nom);

/** The commands that have a bulk twin (no input needed beyond the selection). */
export const COMMANDES_GROUPEES: ReadonlyArray<CommandeJuridiction> = ["memoire.certifier", "memoire.valider-paiement", "memoire.mettre-en-paiement"];

/** What an action answers (HTTP status + the French notice); nothing is written when it is not a success. */
export interface IssueCommande {
  readonly statut: 200 | 403 | 404 | 409 | 422;
  readonly message: string;
}

const objet = (v: unknown): Record<string, unknown> => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const texte = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
const chaine = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");

/** The command from the typed input (only the fields of that command are kept). */
export const construireCommande = (c: CommandeJuridiction, saisie: Record<string, unknown>): Commande => {
  switch (c) {
    case "memoire.prendre-en-charge":
      return { type: c };
    case "memoire.valider-paiement":
      return { type: c };
    case "memoire.certifier": {
      const redressements = Array.isArray(saisie["redressements"]) ? saisie["redressements"].map(objet) : [];
      return {
        type: c,
        redressements: redressements.map((r) => ({
          ligneId: chaine(r["ligneId"]),
          // A French decimal comma is read as core's point, for the quantité as for the tarif.
          ...(texte(r["quantite"]) === undefined ? {} : { quantite: (texte(r["quantite"]) ?? "").replace(",", ".") }),
          ...(texte(r["tarifHt"]) === undefined ? {} : { tarifHt: (texte(r["tarifHt"]) ?? "").replace(",", ".") }),
          motif: chaine(r["motif"]),
        })),
      };
    }
    case "memoire.envoyer-en-taxation":
    case "memoire.constater-forclusion": {
      const commentaire = texte(saisie["commentaire"]);
      return (commentaire === undefined ? { type: c } : { type: c, commentaire });
    }
    case "memoire.refuser": {
      const motif = texte(saisie["motif"]);
      const commentaire = texte(saisie["commentaire"]);
      return { type: c, ...(motif === undefined ? {} : { motif }), ...(commentaire === undefined ? {} : { commentaire }) } as Commande;
    }
    case "memoire.taxer": {
      const t = objet(saisie["taxation"]);
      const lignes = Array.isArray(t["lignes"]) ? t["lignes"].map(objet) : [];
      return {
        type: c,
        taxation: { lignes: lignes.map((l) => ({ ligneId: chaine(l["ligneId"]), montantHtTaxe: chaine(l["montantHtTaxe"]).replace(",", ".") })), motif: chaine(t["motif"]) },
      };
    }
    case "memoire.constater-notification-taxe":
      return { type: c, notifieeLe: chaine(saisie["notifieeLe"]) };
    case "memoire.constater-recours-taxe": {
      const commentaire = texte(saisie["commentaire"]);
      // The form offers the two authors of CPP R228-1; anything else is core's to refuse (`par`).
      const par = chaine(saisie["par"]) as "PARTIE_PRENANTE" | "MINISTERE_PUBLIC";
      return { type: c, formeLe: chaine(saisie["formeLe"]), par, ...(commentaire === undefined ? {} : { commentaire }) };
    }
    case "memoire.constater-decision-recours": {
      const d = objet(saisie["decision"]);
      const lignes = Array.isArray(d["lignes"]) ? d["lignes"].map(objet) : [];
      const sens = chaine(d["sens"]) as "CONFIRMATION" | "REFORMATION" | "IRRECEVABILITE" | "DESISTEMENT";
      return {
        type: c,
        decision: {
          rendueLe: chaine(d["rendueLe"]),
          sens,
          motif: chaine(d["motif"]),
          ...(lignes.length === 0 ? {} : { lignes: lignes.map((l) => ({ ligneId: chaine(l["ligneId"]), montantHtTaxe: chaine(l["montantHtTaxe"]).replace(",", ".") })) }),
        },
      };
    }
    case "memoire.mettre-en-paiement": {
      const p = objet(saisie["paiement"]);
      return { type: c, paiement: { date: chaine(p["date"]), reference: chaine(p["reference"]) } };
    }
  }
};

/**
 * Runs one court command on a mémoire for an agent: core's command (its rules and `autoriser`) inside
 * the repository's transaction with the version the agent saw; the new state and its audit event are
 * written together or not at all. Refusals are mapped to statuses and French messages.
 */
export const executerCommande = async (
  ressource: RessourceMemoires,
  agent: AgentConnecte,
  id: string,
  version: number,
  c: CommandeJuridiction,
  saisie: Record<string, unknown>,
  maintenant: Date = new Date(),
): Promise<IssueCommande> => {
  const acteur = acteurDe(agent);
  const commande = construireCommande(c, saisie);
  const resultat = await ressource.depot.executer(id, version, (memoire, numerotation) => executer(memoire, commande, { acteur, numerotation, maintenant, genererId: randomUUID }));
  if (Either.isRight(resultat)) return { statut: 200, message: LIBELLES_ACTIONS[c].fait };
  const e = resultat.left;
  switch (e._tag) {
    case "ConflitDeVersion":
      return { statut: 409, message: "Ce mémoire a été modifié par un autre agent depuis que vous l'avez ouvert. Rien n'a été enregistré : rechargez la page et recommencez." };
    case "MemoireIntrouvable":
      return { statut: 404, message: "Mémoire introuvable." };
    case "DonneesCorrompues":
      return { statut: 422, message: `Données du mémoire illisibles : ${e.message}` };
    case "TransitionRefusee":
      // Core's details name commands, states and reasons by code: the agent reads them in words.
      if (e.garde === "acteurNonAutorise") return { statut: 403, message: `Action non autorisée : votre rôle ou votre périmètre ne permet pas « ${LIBELLES_ACTIONS[c].bouton} » sur ce mémoire.` };
      if (e.garde === "etatIncompatible") return { statut: 422, message: `Action refusée : « ${LIBELLES_ACTIONS[c].bouton} » n'est pas possible sur un mémoire à l'état « ${LIBELLES_ETATS[e.etat]} ».` };
      return { statut: 422, message: `Action refusée : ${e.detail}` };
    case "SaisieInvalide":
      return { statut: 422, message: `Saisie invalide : ${e.erreurs.map((x) => `${cheminEnFrancais(x.chemin)} : ${x.raison}`).join(" ; ")}` };
    case "NumeroInvalide":
      return { statut: 422, message: e.message };
    default:
      return { statut: 422, message: (e as Error).message };
  }
};

/** The words of the actions' forms for the fields of core's commands. */
const CHAMPS: Readonly<Record<string, string>> = {
  redressements: "redressement",
  taxation: "taxation",
  lignes: "ligne",
  quantite: "quantité",
  tarifHt: "tarif HT",
  montantHtTaxe: "HT taxé",
  motif: "motif",
  commentaire: "commentaire",
  paiement: "paiement",
  date: "date",
  notifieeLe: "date de notification",
  formeLe: "date du recours",
  par: "auteur du recours",
  decision: "décision",
  rendueLe: "date de la décision",
  sens: "sens de la décision",
  reference: "référence",
  ligneId: "ligne",
};

/**
 * A field of a command as the agent's form names it: « redressements[0].quantite » → « redressement
 * n° 1, quantité »; « taxation.lignes[2].montantHtTaxe » → « taxation, ligne n° 3, HT taxé ». A name it
 * does not know is left as core wrote it.
 */
export const cheminEnFrancais = (chemin: string): string =>
  chemin === ""
    ? "saisie"
    : chemin
        .split(".")
        .map((segment) => {
          const m = /^([A-Za-z]+)((?:\[\d+\])*)$/.exec(segment);
          if (m === null) return segment;
          const rangs = [...(m[2] ?? "").matchAll(/\[(\d+)\]/g)].map((r) => ` n° ${String(Number(r[1]) + 1)}`).join("");
          return `${CHAMPS[m[1] ?? ""] ?? m[1] ?? ""}${rangs}`;
        })
        .join(", ");

/** True when the agent holds a role that allows `action` on at least one juridiction (bulk buttons). */
export const peutQuelquePart = (agent: AgentConnecte | undefined, action: Action, juridictions: ReadonlyArray<{ code: string; courAppel: string }>): boolean => {
  if (agent === undefined) return false;
  // Asked for every row of a list (bulk buttons): memoised per juridiction list, agent rights and action.
  let parCle = memo.get(juridictions);
  if (parCle === undefined) {
    parCle = new Map();
    memo.set(juridictions, parCle);
  }
  const cle = JSON.stringify([agent.id, agent.actif, agent.roles, agent.perimetre, action]);
  let reponse = parCle.get(cle);
  if (reponse === undefined) {
    reponse = juridictions.some((j) => estAutorise(acteurDe(agent), action, { _tag: "Juridiction", code: j.code, courAppel: j.courAppel }));
    if (parCle.size > 10_000) parCle.clear();
    parCle.set(cle, reponse);
  }
  return reponse;
};
const memo = new WeakMap<object, Map<string, boolean>>();

const lireSaisie = (request: ActionRequest): Record<string, unknown> => {
  const brut: unknown = request.payload?.["saisie"];
  if (typeof brut !== "string" || brut === "") return {};
  try {
    return objet(JSON.parse(brut));
  } catch {
    return {};
  }
};

/** The outcome of one mémoire of a bulk action. */
export interface ResultatGroupe {
  readonly id: string;
  readonly numero: string;
  /** traite: done through core; refuse: core (or the agent's rights) refused it, nothing written; introuvable: unknown or outside the agent's juridictions. */
  readonly resultat: "traite" | "refuse" | "introuvable";
  readonly reussi: boolean;
  readonly message: string;
}

/** The ids of the selection, in order, without repeats (AdminJS's `recordIds` query parameter). */
const idsDemandes = (request: ActionRequest, trouves: ReadonlyArray<BaseRecord>): ReadonlyArray<string> => {
  const brut: unknown = request.query?.["recordIds"];
  const ids = typeof brut === "string" ? brut.split(",").filter((x) => x !== "") : trouves.map((r) => String(r.id()));
  return [...new Set(ids)];
};

/**
 * Runs a command on each mémoire of a selection, one transaction each (a refusal does not undo the
 * others): each goes through core's command and `autoriser`, with the version the agent saw. A
 * mémoire the agent cannot read (or that does not exist) is reported as such, nothing about it.
 */
export const executerGroupe = async (
  ressource: RessourceMemoires,
  agent: AgentConnecte,
  c: CommandeJuridiction,
  ids: ReadonlyArray<string>,
  trouves: ReadonlyArray<BaseRecord>,
  saisie: Record<string, unknown>,
  context?: { readonly currentAdmin?: ActionContext["currentAdmin"] | undefined },
): Promise<ReadonlyArray<ResultatGroupe>> => {
  const parId = new Map(trouves.map((r) => [String(r.id()), r]));
  const rapport: Array<ResultatGroupe> = [];
  for (const id of ids) {
    const r = parId.get(id);
    if (r === undefined) {
      rapport.push({ id, numero: "", resultat: "introuvable", reussi: false, message: "Mémoire introuvable ou hors de vos juridictions." });
      continue;
    }
    const numero = String(r.params["numero"]);
    const issue = await executerCommande(ressource, agent, id, Number(r.params["version"]), c, saisie);
    ressource.oublier(id, context);
    rapport.push({ id, numero, resultat: issue.statut === 200 ? "traite" : "refuse", reussi: issue.statut === 200, message: issue.message });
  }
  return rapport;
};

/** The record actions and bulk actions of the mémoire resource, each bound to a core command. */
export const actionsMemoires = (
  ressource: RessourceMemoires,
  composants: { readonly action: string; readonly groupee: string },
  juridictionsEnCache: () => ReadonlyArray<{ code: string; courAppel: string }>,
): NonNullable<ResourceOptions["actions"]> => {
  const actions: Record<string, unknown> = {};
  for (const c of COMMANDES_JURIDICTION) {
    actions[nomAction(c)] = {
      actionType: "record",
      label: LIBELLES_ACTIONS[c].bouton,
      icon: "Check",
      component: composants.action,
      // Synchronous: reads what `findOne` computed with core's `evenementsPossibles` for this agent.
      isAccessible: ({ currentAdmin, record }: ActionContext) =>
        agentDuContexte({ currentAdmin }) !== undefined && String(record?.params["actionsPermises"] ?? "").split(",").includes(c),
      handler: async (request: ActionRequest, response: Response, context: ActionContext): Promise<RecordActionResponse> => {
        const record = context.record as BaseRecord;
        const agent = agentDuContexte(context);
        if (request.method !== "post" || agent === undefined) return { record: record.toJSON(context.currentAdmin) };
        const version: unknown = request.payload?.["version"];
        const issue = await executerCommande(ressource, agent, String(record.id()), Number(version), c, lireSaisie(request));
        ressource.oublier(String(record.id()), context);
        if (issue.statut !== 200) {
          response.status(issue.statut);
          return { record: record.toJSON(context.currentAdmin), notice: { message: issue.message, type: "error" } };
        }
        const apres = (await ressource.findOne(String(record.id()), context)) ?? record;
        return {
          record: apres.toJSON(context.currentAdmin),
          notice: { message: issue.message, type: "success" },
          redirectUrl: context.h.recordActionUrl({ resourceId: "memoires", recordId: String(record.id()), actionName: "show" }),
        };
      },
    };
  }
  for (const c of COMMANDES_GROUPEES) {
    actions[`${nomAction(c)}-groupe`] = {
      actionType: "bulk",
      label: `${LIBELLES_ACTIONS[c].bouton} la sélection`,
      icon: "CheckSquare",
      component: composants.groupee,
      isAccessible: ({ currentAdmin }: ActionContext) => peutQuelquePart(agentDuContexte({ currentAdmin }), c, juridictionsEnCache()),
      handler: async (request: ActionRequest, _response: Response, context: ActionContext): Promise<BulkActionResponse & { rapport?: ReadonlyArray<ResultatGroupe> }> => {
        const records = context.records ?? [];
        const agent = agentDuContexte(context);
        if (request.method !== "post" || agent === undefined) return { records: records.map((r) => r.toJSON(context.currentAdmin)) };
        const rapport = await executerGroupe(ressource, agent, c, idsDemandes(request, records), records, lireSaisie(request), context);
        const traites = rapport.filter((x) => x.resultat === "traite").length;
        return {
          records: records.map((r) => r.toJSON(context.currentAdmin)),
          rapport,
          notice: { message: `${traites} mémoire(s) traité(s), ${rapport.length - traites} non traité(s)`, type: traites === rapport.length ? "success" : "info" },
        };
      },
    };
  }
  return actions;
};

export type { ActionResponse };
