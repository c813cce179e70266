/**
 * Structure: every prestataire (natural or legal person) as the portal materialises it — its
 * identifier (SIRET, PARTICULIER, ...), raison sociale, address, services, informations mémoire
 * and the espaces opened on it. Seeds 001, 002, 004; rules in `docs/organisation.md`.
 * @module
 */

/** Identifier types and their validation rules (SIRET Luhn and La Poste, PARTICULIER, VAT, RIDET, TAHITI). */
export {
  TYPES_IDENTIFIANT_STRUCTURE,
  FORMATS_TVA_INTRACOMMUNAUTAIRE,
  LONGUEUR_MAX_IDENTIFIANT_LIBRE,
  isLuhnValide,
  isIdentifiantValide,
  normaliserIdentifiant,
  raisonIdentifiantInvalide,
  raisonSiretInvalide,
  raisonIdentifiantParticulierInvalide,
  raisonCodeLieuNaissanceInvalide,
  raisonTvaIntracommunautaireInvalide,
  raisonRidetInvalide,
  raisonTahitiInvalide,
  validerIdentifiant,
  type TypeIdentifiantStructure,
} from "./structure.identifiant.js";

/** The structure, its parts and their schemas; the events of the aggregate. */
export {
  TypeIdentifiantStructureSchema,
  IdentifiantStructureSchema,
  AdresseSchema,
  StatutStructureSchema,
  CategoriePrestataireSchema,
  RegimeSchema,
  InformationsMemoireSchema,
  EvenementStructure,
  isPersonnePhysique,
  type IdentifiantStructure,
  type Adresse,
  type StatutStructure,
  type CategoriePrestataire,
  type Regime,
  type InformationsMemoire,
  type Service,
  type Structure,
} from "./structure.model.js";

/** Expected refusals of the structure commands. */
export {
  IdentifiantStructureNonConforme,
  ServiceDejaExistant,
  ServiceIntrouvable,
  ServiceDejaDansCetEtat,
} from "./structure.errors.js";

/**
 * Commands: pure `(structure, { acteur, donnees }, contexte) → Either<{ state, events }, error>`;
 * each asks `autoriser` first (`structure.modifier`, `structure.gerer-services`). `creerStructure`
 * is open to any authenticated user.
 */
export {
  creerStructure,
  modifierIdentite,
  modifierAdresse,
  modifierInformationsMemoire,
  ajouterService,
  modifierService,
  activerService,
  desactiverService,
  CreerStructureSchema,
  ModifierIdentiteSchema,
  ModifierAdresseSchema,
  ModifierInformationsMemoireSchema,
  AjouterServiceSchema,
  ModifierServiceSchema,
  DesignationServiceSchema,
  type ResultatStructure,
  type CommandeStructure,
  type CreerStructure,
  type ModifierIdentite,
  type ModifierAdresse,
  type ModifierInformationsMemoire,
  type AjouterService,
  type ModifierService,
  type DesignationService,
} from "./structure.commands.js";
