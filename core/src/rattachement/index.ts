/**
 * Rattachement: users attached to structures and their roles (seed 004). A user asks to join a
 * structure (optionally a service); a gestionnaire accepts, choosing the role, or refuses. Roles:
 * gestionnaire principal (exactly one per structure, its creator at first, who alone can transfer
 * the role), gestionnaire secondaire (every right except changing the principal), utilisateur simple.
 * Every command checks the acting user through `autoriser` (`docs/autorisation.md`).
 * @module
 */

/** State, rattachements, requests, events. */
export {
  etatRattachementsVide,
  EvenementRattachement,
  Identifiant,
  type EtatRattachements,
  type Rattachement,
  type DemandeRattachement,
  type ResultatRattachement,
} from "./rattachement.model.js";

/** Commands (pure: state, command, contexte → Either<error, { state, events }>), their input schemas, and queries. */
export {
  fonderStructure,
  FonderStructureSchema,
  type FonderStructure,
  rattachementsInitiaux,
  demanderRattachement,
  DemanderRattachementSchema,
  type DemanderRattachement,
  accepterRattachement,
  AccepterRattachementSchema,
  type AccepterRattachement,
  refuserRattachement,
  RefuserRattachementSchema,
  type RefuserRattachement,
  modifierRole,
  ModifierRoleSchema,
  type ModifierRole,
  transfererGestionnairePrincipal,
  TransfererGestionnairePrincipalSchema,
  type TransfererGestionnairePrincipal,
  detacher,
  DetacherSchema,
  type Detacher,
  rattachementDe,
  gestionnairePrincipal,
  membres,
  rattachementsDe,
  demandesEnAttente,
  acteurUtilisateur,
} from "./rattachement.commands.js";

/** Expected failures of the commands (besides `NonAutorise` and `SaisieInvalide`). */
export {
  StructureDejaFondee,
  StructureSansGestionnaire,
  DejaRattache,
  DemandeDejaEnCours,
  DemandeRattachementIntrouvable,
  UtilisateurNonRattache,
  RolePrincipalParTransfertSeulement,
  GestionnairePrincipalInamovible,
  RoleInchange,
} from "./rattachement.errors.js";

/** The structure roles, re-exported from the authorization vocabulary. */
export { RoleStructure, ROLES_STRUCTURE } from "../autorisation/index.js";
