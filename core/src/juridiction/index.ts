/**
 * Court side: juridictions (CPP R224-1; shown `code - libellé`, each in the ressort of a cour
 * d'appel) and their agents — greffier, magistrat taxateur, ordonnateur, comptable, support,
 * administrateur — with a perimeter of juridictions or whole cours d'appel. Administration commands
 * go through `autoriser` (`juridiction.administrer`, `agent.administrer`).
 * @module
 */

/** Juridictions, agents, state, input schemas, events. */
export {
  TypeJuridiction,
  CodeJuridiction,
  JuridictionSchema,
  Email,
  PerimetreSchema,
  RolesAgentSchema,
  affichageJuridiction,
  acteurAgent,
  etatJuridictionsVide,
  EvenementJuridiction,
  type Juridiction,
  type Agent,
  type EtatJuridictions,
  type ResultatJuridiction,
} from "./juridiction.model.js";

/** Commands (pure: state, command, contexte → Either<error, { state, events }>) and queries. */
export {
  creerJuridiction,
  type CreerJuridiction,
  renommerJuridiction,
  RenommerJuridictionSchema,
  type RenommerJuridiction,
  creerAgent,
  CreerAgentSchema,
  type CreerAgent,
  modifierRolesAgent,
  ModifierRolesAgentSchema,
  type ModifierRolesAgent,
  modifierPerimetreAgent,
  ModifierPerimetreAgentSchema,
  type ModifierPerimetreAgent,
  desactiverAgent,
  reactiverAgent,
  AgentCibleSchema,
  type AgentCible,
  juridiction,
  juridictionsDuPerimetre,
  agent,
  agentParEmail,
  type CommandeAdministration,
} from "./juridiction.commands.js";

/** Expected failures of the commands (besides `NonAutorise` and `SaisieInvalide`). */
export {
  JuridictionDejaExistante,
  JuridictionIntrouvable,
  CourAppelInconnue,
  AgentDejaExistant,
  AgentIntrouvable,
  AgentInchange,
} from "./juridiction.errors.js";

/** Agent roles and perimeters, re-exported from the authorization vocabulary. */
export { RoleAgent, ROLES_AGENT, dansPerimetre, type Perimetre, type ActeurAgent } from "../autorisation/index.js";
