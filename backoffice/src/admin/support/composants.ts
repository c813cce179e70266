import { fileURLToPath } from "node:url";
import { componentLoader } from "../composants.js";

const chemin = (fichier: string): string => fileURLToPath(new URL(`../composants/${fichier}`, import.meta.url));

/** The support screens' React components, registered on the back-office's one component loader. */
export const COMPOSANTS_SUPPORT = {
  ticket: componentLoader.add("SupportTicket", chemin("support-ticket.jsx")),
  action: componentLoader.add("SupportAction", chemin("support-action.jsx")),
  exportCsv: componentLoader.add("SupportExportCsv", chemin("support-export-csv.jsx")),
  files: componentLoader.add("SupportFiles", chemin("support-files.jsx")),
  reponseType: componentLoader.add("ReponseTypeFormulaire", chemin("reponse-type-formulaire.jsx")),
} as const;
