import { ACTIONS, type ActionContext, type ActionRequest, type ActionResponse, type RecordActionResponse, type ResourceOptions, type ResourceWithOptions } from "adminjs";
import type { Response } from "express";
import { LIBELLES_STATUT_UTILISATEUR } from "../../organisation/organisation.libelles.js";
import type { DependancesAdmin } from "../dependances.js";
import { agentDuContexte } from "../memoires/memoires.ressource.js";
import { COMPOSANTS_ORGANISATION } from "./composants.js";
import { peutLireOrganisation } from "./organisation.acces.js";
import { refuser, refusDuRecord } from "./organisation.refus.js";
import { actionsStructures } from "./structures.actions.js";
import { RessourceStructures, VALEURS_STRUCTURES } from "./structures.ressource.js";
import { RessourceUtilisateurs } from "./utilisateurs.ressource.js";

const interdit = { isAccessible: false, isVisible: false } as const;
const connecte = (ctx: ActionContext): boolean => agentDuContexte(ctx) !== undefined;

type Gestionnaire = (request: ActionRequest, response: Response, context: ActionContext) => Promise<ActionResponse>;
const defaut = (nom: "list" | "search" | "show"): Gestionnaire => (ACTIONS as Record<typeof nom, { readonly handler: Gestionnaire }>)[nom].handler;
/** Codes as values and as labels: the French label comes from the locale (`labels.<property>.<code>`). */
const codes = (libelles: Readonly<Record<string, string>>) => Object.keys(libelles).map((value) => ({ value, label: value }));
const detail = (composant: string) => ({ components: { show: composant }, isVisible: { list: false, filter: false, show: true, edit: false } });
const filtreSeul = { isVisible: { list: false, filter: true, show: false, edit: false } };
const invisible = { isVisible: false };

/** Organisation resources of the back-office: structures (bank details, mandats, services), users and their habilitations. */
export const ressourcesOrganisation = (d: DependancesAdmin): ReadonlyArray<ResourceWithOptions> => {
  const juridictions = () => d.juridictions();
  const lecture = (ctx: ActionContext) => peutLireOrganisation(agentDuContexte(ctx), juridictions());
  // Accessible to every signed-in agent so that the handlers answer the refusals with their status;
  // visible (navigation, buttons) only to the readers.
  const lue = (nom: "list" | "search"): Gestionnaire => async (request, response, context) =>
    lecture(context) ? defaut(nom)(request, response, context) : refuser(response, 403, "Accès refusé.");
  const generiqueInterdite = (type: "record" | "resource") => ({
    actionType: type,
    isAccessible: connecte,
    isVisible: false,
    handler: (_request: ActionRequest, response: Response, context: ActionContext) =>
      Promise.resolve(
        (refusDuRecord(response, context) ?? refuser(response, 403, "Modification générique interdite : les changements passent par les actions du domaine.", context)) as RecordActionResponse,
      ),
  });
  const lectureSeule: NonNullable<ResourceOptions["actions"]> = {
    list: { isAccessible: connecte, isVisible: lecture, handler: lue("list") },
    // The reference lookup only (no header button).
    search: { isAccessible: connecte, isVisible: false, handler: lue("search") },
    show: {
      isAccessible: connecte,
      isVisible: lecture,
      showInDrawer: false,
      handler: async (request: ActionRequest, response: Response, context: ActionContext) =>
        ((refusDuRecord(response, context) ?? (await defaut("show")(request, response, context)))),
    },
    new: generiqueInterdite("resource"),
    edit: generiqueInterdite("record"),
    delete: generiqueInterdite("record"),
    bulkDelete: interdit,
  };
  return [
    {
      resource: new RessourceStructures(d.orm, d.acces, juridictions),
      options: {
        id: "structures",
        navigation: { name: "Prestataires", icon: "Briefcase" },
        listProperties: ["raisonSociale", "identifiantType", "identifiantValeur", "categorie", "statut"],
        filterProperties: ["texte", "identifiantType", "identifiantValeur", "raisonSociale", "categorie", "statut"],
        showProperties: ["detail"],
        sort: { sortBy: "raisonSociale", direction: "asc" },
        properties: {
          id: invisible,
          raisonSociale: { isTitle: true },
          identifiantType: { availableValues: codes(VALEURS_STRUCTURES.identifiantType) },
          categorie: { availableValues: codes(VALEURS_STRUCTURES.categorie) },
          statut: { availableValues: codes(VALEURS_STRUCTURES.statut) },
          texte: filtreSeul,
          detail: detail(COMPOSANTS_ORGANISATION.structure),
        },
        actions: { ...lectureSeule, ...actionsStructures(d.orm, COMPOSANTS_ORGANISATION.action, juridictions) },
      },
    },
    {
      resource: new RessourceUtilisateurs(d.orm, juridictions),
      options: {
        id: "utilisateurs",
        navigation: { name: "Prestataires", icon: "Briefcase" },
        listProperties: ["email", "nom", "compte"],
        filterProperties: ["texte", "email", "statut", "structureId"],
        showProperties: ["detail"],
        sort: { sortBy: "email", direction: "asc" },
        properties: {
          id: invisible,
          email: { isTitle: true },
          statut: { availableValues: codes(LIBELLES_STATUT_UTILISATEUR), isVisible: { list: false, filter: true, show: false, edit: false } },
          texte: filtreSeul,
          structureId: filtreSeul,
          detail: detail(COMPOSANTS_ORGANISATION.utilisateur),
        },
        actions: lectureSeule,
      },
    },
  ];
};
