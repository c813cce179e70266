/**
 * Mandat de facturation (seed 002): the contract by which the structure lets the State issue its
 * mémoires; mandatory before the first mémoire. Souscrit → signed through an e-mailed link → révoqué;
 * at most one pending or signed per structure; the history keeps every date.
 * @module
 */

/** The mandat, its input schemas, its rules and events. */
export {
  SignataireSchema,
  SouscrireMandatSchema,
  DesignationMandatSchema,
  SignerMandatSchema,
  REGLES_MANDAT,
  EvenementMandat,
  type Signataire,
  type SouscrireMandat,
  type DesignationMandat,
  type SignerMandat,
  type StatutMandat,
  type ContexteMandat,
  type Mandat,
  type MandatsStructure,
  type ReglesMandat,
} from "./mandat.model.js";

/** The XState machine of one mandat, its named guards and events. */
export {
  mandatMachine,
  gardesMandat,
  ETATS_MANDAT,
  transitionsMandat,
  tableauTransitionsMandat,
  type EvenementMachineMandat,
  type GardeMandat,
  type TransitionMandat,
} from "./mandat.machine.js";

/** Expected refusals. */
export { MandatDejaEnCours, MandatIntrouvable, TransitionMandatRefusee } from "./mandat.errors.js";

/**
 * Commands `(etat, commande, contexte) → Either<{ state, events }, error>`: souscrire, révoquer and
 * renouveler the link ask `autoriser` (`mandat.gerer`); signing is done with the link's token. Queries
 * on the active mandat.
 */
export {
  aucunMandat,
  mandatActif,
  mandatEnCours,
  souscrireMandat,
  signerMandat,
  revoquerMandat,
  renouvelerLienSignature,
  type ResultatMandat,
  type CommandeMandat,
} from "./mandat.commands.js";
