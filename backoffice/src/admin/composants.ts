import { ComponentLoader } from "adminjs";
import { fileURLToPath } from "node:url";

/**
 * The one component loader of the back-office, shared by the server and the build step that
 * pre-bundles the components (`.adminjs/bundle.js`): both must register the same components.
 */
export const componentLoader = new ComponentLoader();

const chemin = (fichier: string): string => fileURLToPath(new URL(`./composants/${fichier}`, import.meta.url));

export const COMPOSANTS = {
  detailMemoire: componentLoader.add("DetailMemoire", chemin("memoire-detail.jsx")),
  actionMemoire: componentLoader.add("ActionMemoire", chemin("action-memoire.jsx")),
  actionsGroupees: componentLoader.add("ActionsGroupees", chemin("actions-groupees.jsx")),
  tableauDeBord: componentLoader.add("TableauDeBord", chemin("tableau-de-bord.jsx")),
  exportCsv: componentLoader.add("ExportCsv", chemin("export-csv.jsx")),
  filtreChoix: componentLoader.add("FiltreChoix", chemin("filtre-choix.jsx")),
  listeMemoires: componentLoader.add("ListeMemoires", chemin("liste-memoires.jsx")),
  actionConfirmer: componentLoader.add("ActionConfirmer", chemin("action-confirmer.jsx")),
  nouvelAgent: componentLoader.add("NouvelAgent", chemin("nouvel-agent.jsx")),
  modifierDroits: componentLoader.add("ModifierDroits", chemin("modifier-droits.jsx")),
  juridictionFormulaire: componentLoader.add("JuridictionFormulaire", chemin("juridiction-formulaire.jsx")),
  droitsAgent: componentLoader.add("DroitsAgent", chemin("agent-droits.jsx")),
} as const;

// AdminJS's own date cells, everywhere (mémoires, tickets, agents, lots…): French order and
// Europe/Paris time whatever the browser's zone, as the show pages write them.
componentLoader.override("DefaultDatetimeListProperty", chemin("date-liste.jsx"));
componentLoader.override("DefaultDatetimeShowProperty", chemin("date-fiche.jsx"));
// And every date filter: a French calendar, days JJ/MM/AAAA, read as Europe/Paris days by the server.
componentLoader.override("DefaultDatetimeFilterProperty", chemin("date-filtre.jsx"));
