import AdminJS, { type ActionContext, type AdminJSOptions, type HrefContext, type HrefFunction, type ResourceWithOptions } from "adminjs";
import { RessourceOrm } from "./ressource-orm.js";
import { avertirFiltresIllisibles } from "./filtres-dates.js";
import { actionChoixDuFiltre, avertirFiltresDeLAgent } from "./filtres-agent.js";
import { AgentSchemaOrm, JuridictionSchemaOrm } from "./acces/acces.schema.js";
import { COMPOSANTS, componentLoader } from "./composants.js";
import { TRADUCTION_FR, VALEURS_ETATS } from "./locale/fr.js";
import { actionsMemoires, peutQuelquePart } from "./memoires/memoires.actions.js";
import { agentDuContexte } from "./memoires/memoires.ressource.js";
import { CATEGORIES, LIBELLES_ROLES, LIBELLES_TYPES_JURIDICTION } from "./memoires/libelles.js";
import { donneesTableauDeBord } from "./tableau-de-bord.js";
import { actionModifierDroits, actionNouvelAgent, actionsAgents } from "./organisation/agents.actions.js";
import { actionsJuridictions } from "./organisation/juridictions.actions.js";
import type { DependancesAdmin } from "./dependances.js";
import { ressourcesOrganisation } from "./organisation/organisation.ressources.js";
import { ressourcesSupport } from "./support/support.ressources.js";
import { ressourcesFlux } from "./flux/flux.ressources.js";

export type { DependancesAdmin } from "./dependances.js";

const interdit = { isAccessible: false, isVisible: false } as const;

/** The AdminJS options of the back-office (also used by the build step that pre-bundles the components). */
export const optionsAdmin = (d?: DependancesAdmin): AdminJSOptions => {
  const juridictions = () => d?.juridictions() ?? [];
  const peut = (action: Parameters<typeof peutQuelquePart>[1]) => (ctx: ActionContext) => peutQuelquePart(agentDuContexte(ctx), action, juridictions());
  const consultation = peut("memoire.consulter-juridiction");
  const administration = peut("agent.administrer");
  const resources: Array<ResourceWithOptions> =
    d === undefined
      ? []
      : [
          {
            resource: d.memoires,
            options: {
              id: "memoires",
              navigation: { name: "Mémoires", icon: "FileText" },
              // Default: the agent's juridictions, what waits for their role, oldest first. No entry in
              // the navigation for a role that reads no mémoire (AdminJS's sidebar leaves out a null href:
              // the entry led to « Page introuvable »).
              href: (({ h, currentAdmin }: HrefContext) =>
                consultation({ currentAdmin } as ActionContext) ? `${h.resourceUrl({ resourceId: "memoires" })}?filters.aTraiter=oui&sortBy=envoyeLe&direction=asc` : null) as HrefFunction,
              // Amounts before the catégorie and the juridiction (most agents have one): visible without scrolling.
              listProperties: ["numero", "etat", "envoyeLe", "prestataire", "montantDemande", "montantTtc", "montantModifie", "categoriePrestataire", "juridiction"],
              filterProperties: ["aTraiter", "recoursEnInstance", "texte", "numero", "juridictionCode", "etat", "envoyeLe", "prestataire", "categoriePrestataire", "texteReference", "numeroEngagementJuridique"],
              showProperties: ["detail"],
              sort: { sortBy: "envoyeLe", direction: "asc" },
              properties: {
                id: { isVisible: false },
                detail: { components: { show: COMPOSANTS.detailMemoire }, isVisible: { list: false, filter: false, show: true, edit: false } },
                etat: { availableValues: VALEURS_ETATS, isTitle: false },
                numero: { isTitle: true },
                // Choices asked of the server when the filter is drawn (see the `juridictions` action).
                juridictionCode: { components: { filter: COMPOSANTS.filtreChoix }, custom: { action: "juridictions", tous: "Toutes mes juridictions", id: "filtre-juridiction" } },
                structureId: { isVisible: false },
                prestataire: { description: "Raison sociale ou identifiant (SIRET…), sans accents ni majuscules obligatoires" },
                identifiantPrestataire: { isVisible: false },
                aTraiter: { availableValues: [{ value: "oui", label: "Oui" }] },
                recoursEnInstance: { availableValues: [{ value: "oui", label: "Oui" }] },
                // Codes as values and labels: AdminJS translates `categoriePrestataire.<code>` (locale/fr.ts).
                categoriePrestataire: { availableValues: CATEGORIES.map((v) => ({ value: v, label: v })) },
                texteReference: {
                  availableValues: ["Article R 92 CPP (procédure pénale)", "Article R 93 CPP"].map((v) => ({ value: v, label: v })),
                },
                montantModifie: { type: "boolean" },
                actionsPermises: { isVisible: false },
                version: { isVisible: false },
                misADispositionLe: { isVisible: { list: false, filter: false, show: false, edit: false } },
              },
              actions: {
                // The list with its capped count ("plus de 10 000" in the header).
                list: {
                  isAccessible: consultation,
                  component: COMPOSANTS.listeMemoires,
                  after: avertirFiltresDeLAgent(["juridictionCode"], (agent) => d.memoires.choixFiltres(agent)),
                },
                search: { isAccessible: consultation },
                show: { isAccessible: consultation, showInDrawer: false },
                new: interdit,
                edit: interdit,
                delete: interdit,
                bulkDelete: interdit,
                exporter: {
                  actionType: "resource",
                  icon: "Download",
                  component: COMPOSANTS.exportCsv,
                  isAccessible: consultation,
                  handler: () => Promise.resolve({}),
                },
                // The agent's juridictions as they are now (the juridiction filter's choices).
                juridictions: actionChoixDuFiltre(consultation, (agent) => d.memoires.choixJuridictions(agent)),
                ...actionsMemoires(d.memoires, { action: COMPOSANTS.actionMemoire, groupee: COMPOSANTS.actionsGroupees }, juridictions),
              },
            },
          },
          {
            resource: new RessourceOrm({ model: JuridictionSchemaOrm as never, orm: d.orm }),
            options: {
              id: "Juridiction",
              navigation: { name: "Organisation", icon: "Settings" },
              // Codes as values and labels: AdminJS translates `type.<code>` (locale/fr.ts); the creation form offers them too.
              properties: { type: { availableValues: Object.keys(LIBELLES_TYPES_JURIDICTION).map((v) => ({ value: v, label: v })) } },
              actions: {
                list: { isAccessible: administration },
                show: { isAccessible: administration },
                search: { isAccessible: administration },
                edit: interdit,
                delete: interdit,
                bulkDelete: interdit,
                ...actionsJuridictions(d.acces, COMPOSANTS.juridictionFormulaire, juridictions, d.rafraichirJuridictions ?? (() => Promise.resolve())),
              },
            },
          },
          {
            // The password hash never leaves the server.
            resource: new RessourceOrm({ model: AgentSchemaOrm as never, orm: d.orm }, { serveurSeulement: ["hashMotDePasse"] }),
            options: {
              id: "Agent",
              navigation: { name: "Organisation", icon: "Settings" },
              listProperties: ["email", "prenom", "nom", "roles", "perimetre", "actif", "echecsConnexion", "verrouilleJusqua"],
              properties: {
                // A boolean column (SQLite gives 0/1 to the adapter, which then types it as a number).
                actif: { type: "boolean" },
                // Stored as JSON: shown in words (role labels, juridictions and cours d'appel).
                roles: { components: { list: COMPOSANTS.droitsAgent, show: COMPOSANTS.droitsAgent }, props: { libelles: LIBELLES_ROLES } },
                perimetre: { components: { list: COMPOSANTS.droitsAgent, show: COMPOSANTS.droitsAgent } },
              },
              actions: {
                list: { isAccessible: administration, after: avertirFiltresIllisibles },
                show: { isAccessible: administration },
                search: { isAccessible: administration },
                edit: interdit,
                delete: interdit,
                bulkDelete: interdit,
                ...actionNouvelAgent(d.acces, COMPOSANTS.nouvelAgent, juridictions),
                ...actionModifierDroits(d.acces, COMPOSANTS.modifierDroits, juridictions),
                ...actionsAgents(d.acces, d.sessions, COMPOSANTS.actionConfirmer, juridictions),
              },
            },
          },
          ...ressourcesOrganisation(d),
          ...ressourcesSupport(d),
          ...ressourcesFlux(d),
        ];
  return {
    rootPath: "/admin",
    loginPath: "/admin/login",
    logoutPath: "/admin/logout",
    componentLoader,
    branding: { companyName: "Frais de justice", withMadeWithLove: false, logo: false },
    // Served by the application (serveur/application.ts), outside the session: the login page uses it too.
    assets: { styles: [FEUILLE_DE_STYLE] },
    locale: { language: "fr", availableLanguages: ["fr"], translations: { fr: TRADUCTION_FR } },
    settings: { defaultPerPage: 20 },
    dashboard: {
      component: COMPOSANTS.tableauDeBord,
      handler: async (_req, _res, ctx) => {
        const agent = agentDuContexte(ctx);
        if (d === undefined || agent === undefined) return {};
        return donneesTableauDeBord(d.orm, agent, await d.memoires.juridictionsVisibles(agent));
      },
    },
    resources,
  };
};

/** The path of the back-office's stylesheet (`frais-justice.css`). */
export const FEUILLE_DE_STYLE = "/admin/frais-justice.css";

/** The AdminJS instance of the back-office. */
export const creerAdmin = (d?: DependancesAdmin): AdminJS => new AdminJS(optionsAdmin(d));
