/**
 * Habilitations, espaces and abonnements (seeds 001 and 004). A habilitation (profil) gives a user
 * an application on a structure — or on one of its services — in CONSULTATION or MODIFICATION
 * mode ("Frais de justice modification"). Gestionnaires give and remove them, open espaces on the
 * structure, and validate the subscription requests of simple users. `autoriser` reads them.
 * @module
 */

/** State, habilitations, subscription requests, events, labels. */
export {
  etatHabilitationsVide,
  EvenementHabilitation,
  ESPACES_PAR_DEFAUT,
  LIBELLE_APPLICATION,
  LIBELLE_ESPACE,
  libelleProfil,
  type EtatHabilitations,
  type HabilitationAttribuee,
  type DemandeAbonnement,
  type LigneHabilitation,
  type ResultatHabilitation,
} from "./habilitation.model.js";

/** Commands (pure: state, command, contexte → Either<error, { state, events }>) and their input schemas. */
export {
  attribuerHabilitation,
  AttribuerHabilitationSchema,
  type AttribuerHabilitation,
  revoquerHabilitation,
  RevoquerHabilitationSchema,
  type RevoquerHabilitation,
  surUtilisateurDetache,
  demanderAbonnement,
  DemanderAbonnementSchema,
  type DemanderAbonnement,
  validerAbonnement,
  refuserAbonnement,
  TraiterAbonnementSchema,
  type TraiterAbonnement,
  ouvrirEspace,
  OuvrirEspaceSchema,
  type OuvrirEspace,
  type CommandeSurStructure,
} from "./habilitation.commands.js";

/** Pure queries: the user's habilitations for `autoriser`, "Mes habilitations", visible espaces. */
export { habilitationsDe, abonnementsEnAttente, mesHabilitations, espacesAccessibles, type Annuaire } from "./habilitation.vues.js";

/** Expected failures of the commands (besides `NonAutorise` and `SaisieInvalide`). */
export {
  HabilitationDejaAttribuee,
  HabilitationIntrouvable,
  BeneficiaireNonRattache,
  EspaceNonOuvert,
  EspaceDejaOuvert,
  AbonnementDejaDemande,
  DemandeAbonnementIntrouvable,
} from "./habilitation.errors.js";

/** The vocabulary, re-exported from the authorization module. */
export {
  Application,
  APPLICATIONS,
  ModeHabilitation,
  EspaceOuvrable,
  EspaceParDefaut,
  ESPACES_OUVRABLES,
  APPLICATION_DE_L_ESPACE,
  ESPACE_DE_L_APPLICATION,
  type Habilitation,
} from "../autorisation/index.js";
