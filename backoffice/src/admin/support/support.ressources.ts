import type { ActionContext, ResourceWithOptions } from "adminjs";
import { ETATS_TICKET, PARAMETRES_TABLEAU_DE_BORD_PAR_DEFAUT, filesDeLAgent, filesExistantes } from "@frais-justice/support";
import type { DependancesAdmin } from "../dependances.js";
import { acteurDe } from "../acces/agents.js";
import { agentDuContexte } from "../memoires/memoires.ressource.js";
import { COMPOSANTS } from "../composants.js";
import { actionChoixDuFiltre, avertirFiltresDeLAgent } from "../filtres-agent.js";
import { COMPOSANTS_SUPPORT } from "./composants.js";
import { actionsReponsesTypes } from "./reponses-types.actions.js";
import { RessourceReponsesTypes } from "./reponses-types.ressource.js";
import { actionsTickets } from "./tickets.actions.js";
import { syntheseSupport } from "./tickets.compteurs.js";
import { CHOIX_CATEGORIES } from "./tickets.ressource.js";

const interdit = { isAccessible: false, isVisible: false } as const;

/** Support resources of the back-office: ticket queues, the ticket page and its actions, réponses types. */
export const ressourcesSupport = (d: DependancesAdmin): ReadonlyArray<ResourceWithOptions> => {
  const tickets = d.tickets;
  if (tickets === undefined) return [];
  // Synchronous (AdminJS would take a Promise for "allowed"): the agent has at least one queue.
  const traiteUneFile = ({ currentAdmin }: ActionContext): boolean => {
    const agent = agentDuContexte({ currentAdmin });
    return agent !== undefined && filesDeLAgent(acteurDe(agent), filesExistantes(d.juridictions())).length > 0;
  };
  const reponsesTypes = new RessourceReponsesTypes(tickets.depot.reponsesTypes);
  return [
    {
      resource: tickets,
      options: {
        id: "tickets",
        navigation: { name: "Support", icon: "LifeBuoy" },
        // Queue and catégorie are listed by their French labels (AdminJS would re-case an enum's label) and filtered by code.
        listProperties: ["numero", "etat", "titre", "fileLibelle", "categorieLibelle", "numeroObjet", "agent", "soumisLe"],
        filterProperties: ["motsCles", "file", "categorie", "etat", "mesTickets"],
        showProperties: ["detail"],
        sort: { sortBy: "soumisLe", direction: "asc" },
        properties: {
          id: { isVisible: false },
          numero: { isTitle: true },
          detail: { components: { show: COMPOSANTS_SUPPORT.ticket }, isVisible: { list: false, filter: false, show: true, edit: false } },
          // Labels by code: AdminJS translates `etat.<label>` (French labels in the locale, keyed by code).
          etat: { availableValues: ETATS_TICKET.filter((e) => e !== "BROUILLON").map((e) => ({ value: e, label: e })) },
          // The agent's queues as they are now, asked of the server when the filter is drawn (the `choixFiles` action).
          file: {
            components: { filter: COMPOSANTS.filtreChoix },
            custom: { action: "choixFiles", tous: "Toutes mes files", id: "filtre-file" },
            isVisible: { list: false, filter: true, show: false, edit: false },
          },
          categorie: { availableValues: [...CHOIX_CATEGORIES], isVisible: { list: false, filter: true, show: false, edit: false } },
          mesTickets: { availableValues: [{ value: "oui", label: "Oui" }], isVisible: { list: false, filter: true, show: false, edit: false } },
          motsCles: { isVisible: { list: false, filter: true, show: false, edit: false } },
          version: { isVisible: false },
          actionsPermises: { isVisible: false },
        },
        actions: {
          list: {
            isAccessible: traiteUneFile,
            after: avertirFiltresDeLAgent(["file"], (agent) => tickets.choixFiltres(agent)),
          },
          search: { isAccessible: traiteUneFile },
          show: { isAccessible: traiteUneFile, showInDrawer: false },
          new: interdit,
          edit: interdit,
          delete: interdit,
          bulkDelete: interdit,
          files: {
            actionType: "resource",
            icon: "Inbox",
            component: COMPOSANTS_SUPPORT.files,
            isAccessible: traiteUneFile,
            handler: async (_request: unknown, _response: unknown, context: ActionContext) => {
              const agent = agentDuContexte(context);
              if (agent === undefined) return { files: syntheseSupport([], []) };
              const files = await tickets.filesDeLAgent(agent);
              const jours = PARAMETRES_TABLEAU_DE_BORD_PAR_DEFAUT.joursAvantRetard;
              return { files: syntheseSupport(files, await tickets.depot.tableauDeBord(acteurDe(agent), new Date(), { joursAvantRetard: jours }), jours) };
            },
          },
          // The agent's queues as they are now (the file filter's choices).
          choixFiles: actionChoixDuFiltre(traiteUneFile, (agent) => tickets.choixFiles(agent)),
          exporter: {
            actionType: "resource",
            icon: "Download",
            component: COMPOSANTS_SUPPORT.exportCsv,
            isAccessible: traiteUneFile,
            handler: () => Promise.resolve({}),
          },
          ...actionsTickets(tickets, COMPOSANTS_SUPPORT.action),
        },
      },
    },
    {
      // Read by every agent with a queue (they answer with them), written by the national support.
      resource: reponsesTypes,
      options: {
        id: "reponses-types",
        navigation: { name: "Support", icon: "LifeBuoy" },
        listProperties: ["code", "titre", "actif", "version"],
        filterProperties: ["code", "titre", "actif"],
        showProperties: ["code", "titre", "texte", "variables", "actif", "version"],
        sort: { sortBy: "titre", direction: "asc" },
        properties: {
          id: { isVisible: false },
          titre: { isTitle: true },
          actif: { type: "boolean" },
        },
        actions: {
          list: { isAccessible: traiteUneFile },
          search: { isAccessible: traiteUneFile },
          show: { isAccessible: traiteUneFile, showInDrawer: false },
          edit: interdit,
          delete: interdit,
          bulkDelete: interdit,
          ...actionsReponsesTypes(reponsesTypes, COMPOSANTS_SUPPORT.reponseType),
        },
      },
    },
  ];
};
