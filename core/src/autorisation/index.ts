/**
 * Authorization: the one pure function deciding whether an actor (prestataire-side user,
 * court-side agent, or the system) may do an action on a target, and the vocabulary it reads
 * (structure roles, agent roles, applications, habilitations, espaces, perimeters).
 * The role matrix is documented in `docs/autorisation.md`.
 * @module
 */

/** The authorization function, its throwing and boolean twins, and the rule table behind them. */
export {
  autoriser,
  unsafeAutoriser,
  estAutorise,
  REGLES,
  estActionPrestataire,
  estActionJuridiction,
  estActionSysteme,
  roleSurStructure,
  habilitationCouvre,
  dansPerimetre,
  type Regle,
  type ReglePrestataire,
  type RegleJuridiction,
  type RegleSysteme,
} from "./autorisation.regles.js";

/** The refusal, as a tagged error, and the rendering of a target. */
export { NonAutorise, decrireCible } from "./autorisation.errors.js";

/** Actors, actions, targets and the shared vocabulary (roles, applications, modes, espaces). */
export {
  ACTIONS,
  ActionSchema,
  RoleStructure,
  ROLES_STRUCTURE,
  RoleAgent,
  ROLES_AGENT,
  Application,
  APPLICATIONS,
  ModeHabilitation,
  EspaceParDefaut,
  EspaceOuvrable,
  ESPACES_OUVRABLES,
  APPLICATION_DE_L_ESPACE,
  ESPACE_DE_L_APPLICATION,
  type Action,
  type Acteur,
  type ActeurUtilisateur,
  type ActeurAgent,
  type ActeurSysteme,
  type RattachementActeur,
  type Habilitation,
  type Perimetre,
  type Cible,
  type CibleStructure,
  type CibleMemoire,
  type CibleJuridiction,
  type CibleGlobale,
  type JuridictionRef,
  type Autorise,
  type MotifAutorisation,
  type RaisonRefus,
  type Portee,
} from "./autorisation.model.js";

/** The role matrix as a Markdown table, generated from the rules (`docs/autorisation.md`). */
export { matriceDesRoles } from "./autorisation.matrice.js";
