import { fileURLToPath } from "node:url";
import { componentLoader } from "../composants.js";

const chemin = (fichier: string): string => fileURLToPath(new URL(`../composants/${fichier}`, import.meta.url));

/** Components of the organisation screens, registered on the back-office's one loader (bundled with the others). */
export const COMPOSANTS_ORGANISATION = {
  structure: componentLoader.add("OrganisationStructure", chemin("organisation-structure.jsx")),
  utilisateur: componentLoader.add("OrganisationUtilisateur", chemin("organisation-utilisateur.jsx")),
  action: componentLoader.add("OrganisationAction", chemin("organisation-action.jsx")),
} as const;
