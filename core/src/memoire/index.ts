/**
 * The mémoire de frais de justice: its data (en-tête, lignes, pièces jointes), its lifecycle machine,
 * its commands and its audit trail. DOMAIN.md §3. Each export is documented where it is declared.
 */
export {
  // Aggregate types and their Effect Schemas (memoire.model.ts).
  ETATS_MEMOIRE,
  ETATS_TERMINAUX,
  EtatMemoire,
  ModeDepot,
  TypeTvaMemoire,
  AutoriteRequerante,
  TypePieceJointe,
  TypeContenu,
  TAILLE_MAX_PIECE_JOINTE_OCTETS,
  MotifRefus,
  Identifiant,
  DateCalendaire,
  DateHeureLocale,
  Decimal,
  NumeroTmp,
  NumeroMj,
  EmpreinteSha256,
  JuridictionDestinataire,
  EnTete,
  LignePrestation,
  PieceJointe,
  MontantsLigne,
  LigneRecapitulatifTva,
  MontantsMemoire,
  Auteur,
  Redressement,
  LigneTaxee,
  Taxation,
  Refus,
  Paiement,
  Memoire,
  type MemoireEncodee,
  TotauxMemoire,
  EvenementMemoire,
} from "./memoire.model.js";

/** Tagged errors: a refused transition naming the failed rule (`garde`), a number the sequence cannot give. */
export { TransitionRefusee, NumeroInvalide, NOMS_GARDES, type NomGarde } from "./memoire.errors.js";

/**
 * Numbering: the sequence interface adapters implement, the TMP / MJ formats (seed 001:
 * `TMP201900000004`, `MJ0000002117`) and an in-memory numbering for tests and examples.
 */
export {
  formaterNumeroTmp,
  formaterNumeroMj,
  estNumeroProvisoire,
  numerotationEnMemoire,
  type Numerotation,
} from "./memoire.numerotation.js";

/**
 * Inputs of the commands as Effect Schemas (Encoded side: plain JSON) and the amounts of a mémoire
 * computed by the montants engine (DOMAIN.md §3 "Amounts").
 */
export {
  LigneSaisie,
  EnTeteSaisie,
  PieceJointeSaisie,
  RedressementSaisie,
  TaxationSaisie,
  RefusSaisie,
  PaiementSaisie,
  calculerMontantsMemoire,
  montantsNuls,
  totaux,
  totauxEgaux,
} from "./memoire.saisie.js";

/** Events of the lifecycle machine and the authorization action each one needs. */
export {
  TYPES_EVENEMENT,
  ACTION_DE_L_EVENEMENT,
  auteurDe,
  type TypeEvenement,
  type EvenementMachine,
  type EvenementDeType,
  type BaseEvenement,
  type Brouillon,
} from "./memoire.evenements.js";

/**
 * The rules of the lifecycle, pure and named after the legal condition (`delaiForclos` CPP art. 800,
 * `certificationNonPermise` CPP R224-1 / A43-16...), the rules of each event, and date helpers.
 */
export {
  GARDES,
  GARDES_PAR_EVENEMENT,
  premiereGardeBloquante,
  CHAMPS_OBLIGATOIRES_ENVOI,
  DEBUT_FORCLUSION,
  dateLimiteEnvoi,
  dateDuJour,
  cibleMemoire,
  type Garde,
} from "./memoire.gardes.js";

/** The XState v5 machine of the lifecycle (`setup()`, named guards, declared actions); test it with `transition`. */
export { machineMemoire, type ContexteMachine } from "./memoire.machine.js";

/**
 * The commands: create a draft, execute a command (`Either<{ memoire, evenements }, refusal>`), ask
 * whether a command would pass (`peut`) and which commands an actor may send now (`evenementsPossibles`).
 */
export {
  creerBrouillon,
  executer,
  unsafeExecuter,
  peut,
  evenementsPossibles,
  restaurer,
  evenementsDeLEtat,
  EVENEMENT_DE_LA_COMMANDE,
  TYPES_COMMANDE,
  type Commande,
  type TypeCommande,
  type ContexteMemoire,
  type ResultatCommande,
  type ErreurCommande,
  type SaisieBrouillon,
} from "./memoire.commands.js";
