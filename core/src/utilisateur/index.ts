/**
 * Utilisateur: a natural person identified by their e-mail (seed 001), its account lifecycle
 * (creation, activation link, password policy and expiry, lockout after failed logins). Hashing
 * happens in adapters: core checks the policy and stores the opaque hash it is given.
 * @module
 */

/** The user, the e-mail rule, the account rules (as data) and the events. */
export {
  normaliserEmail,
  raisonEmailInvalide,
  EmailSchema,
  CreerUtilisateurSchema,
  REGLES_COMPTE,
  EvenementUtilisateur,
  type CreerUtilisateur,
  type StatutUtilisateur,
  type Activation,
  type Utilisateur,
  type ReglesMotDePasse,
  type ReglesCompte,
} from "./utilisateur.model.js";

/** Password policy: a pure check returning every unmet rule (seed 002). */
export {
  verifierMotDePasse,
  groupeDe,
  GROUPES_CARACTERES,
  RegleMotDePasseNonRespectee,
  type GroupeCaracteres,
} from "./utilisateur.mot-de-passe.js";

/** Expected refusals. */
export {
  MotDePasseNonConforme,
  JetonActivationInvalide,
  LienActivationExpire,
  StatutCompteIncompatible,
  CompteVerrouille,
  MotDePasseExpire,
} from "./utilisateur.errors.js";

/** Commands `(utilisateur, commande, contexte, regles?) → Either<{ state, events }, error>` and queries on the clock. */
export {
  creerUtilisateur,
  emettreLienActivation,
  activerCompte,
  changerMotDePasse,
  enregistrerEchecConnexion,
  enregistrerConnexionReussie,
  estVerrouille,
  expirationMotDePasse,
  joursAvantExpiration,
  NouveauMotDePasseSchema,
  ActiverCompteSchema,
  type ResultatUtilisateur,
  type NouveauMotDePasse,
  type ActiverCompte,
} from "./utilisateur.commands.js";
