/**
 * Coordonnées bancaires of a structure (seeds 001, 002): IBAN (ISO 13616) or French RIB, BIC,
 * affactureur flag, the attached bank file; several per structure, active or deactivated. The active
 * ones feed the prérequis and the mémoire (its bank file is attached when the mémoire is sent).
 * @module
 */

/** Pure checks: clé RIB (ours), IBAN and BIC (ibantools), RIB → IBAN. */
export {
  FORMATS_RIB,
  valeurCaractereRib,
  compteEnChiffres,
  calculerCleRib,
  erreursRib,
  isRibValide,
  ribVersIban,
  normaliserIban,
  raisonIbanInvalide,
  isIbanValide,
  raisonBicInvalide,
  type PartiesRib,
} from "./coordonnees-bancaires.controles.js";

/** The aggregate, its input schemas and its events. */
export {
  IbanSchema,
  BicSchema,
  CompteIbanSchema,
  CompteRibSchema,
  CompteBancaireSchema,
  FichierCoordonneeBancaireSchema,
  AjouterCoordonneeBancaireSchema,
  RAISON_BIC_OBLIGATOIRE,
  bicManquantDansLaSaisie,
  TAILLE_MAX_FICHIER_OCTETS,
  TYPES_CONTENU_FICHIER,
  EvenementCoordonneesBancaires,
  type CompteBancaire,
  type FichierCoordonneeBancaire,
  type CoordonneeBancaire,
  type CoordonneesBancairesStructure,
  type AjouterCoordonneeBancaire,
} from "./coordonnees-bancaires.model.js";

/** Expected refusals. */
export { CoordonneeBancaireIntrouvable, CoordonneeBancaireDejaDansCetEtat, CompteDejaEnregistre } from "./coordonnees-bancaires.errors.js";

/**
 * Commands `(etat, { acteur, donnees }, contexte) → Either<{ state, events }, error>`, each authorized
 * as `coordonnees-bancaires.gerer`; queries on the active coordonnées.
 */
export {
  aucuneCoordonneeBancaire,
  ajouterCoordonneeBancaire,
  desactiverCoordonneeBancaire,
  reactiverCoordonneeBancaire,
  coordonneesBancairesActives,
  isCoordonneeBancaireValide,
  ibanDuCompte,
  DesignationCoordonneeBancaireSchema,
  type ResultatCoordonneesBancaires,
  type CommandeCoordonneesBancaires,
  type DesignationCoordonneeBancaire,
} from "./coordonnees-bancaires.commands.js";
