/**
 * Réponses types: the agents' canned responses with `{{numero}}`, `{{demandeur}}`, `{{objet}}`…
 * variables, filled from a ticket by a pure function that refuses unknown variables.
 * @module
 */
export {
  VARIABLES_REPONSE_TYPE,
  REPONSES_TYPES,
  VariablesInconnues,
  remplir,
  repondre,
  valeursDuTicket,
  variablesDuGabarit,
  type ReponseType,
  type VariableReponseType,
} from "./reponse-type.js";
