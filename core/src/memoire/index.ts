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
  NumeroLot,
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
  AuteurRecours,
  SensDecisionRecours,
  DecisionRecours,
  RecoursTaxe,
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
  RecoursSaisie,
  DecisionRecoursSaisie,
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
 * `certificationNonPermise` CPP R224-1 / A43-16, `delaiDeRecoursEnCours` CPP R228-1...), the rules of
 * each event, and date helpers (`finDuDelaiDeRecours`: the last day to appeal an ordonnance de taxe;
 * `executionDeLaTaxe`: whether an ordonnance de taxe waits for its notification, its delay or an appeal).
 */
export {
  GARDES,
  GARDES_PAR_EVENEMENT,
  premiereGardeBloquante,
  CHAMPS_OBLIGATOIRES_ENVOI,
  DEBUT_FORCLUSION,
  dateLimiteEnvoi,
  dateDuJour,
  finDuDelaiDeRecours,
  executableLe,
  executionDeLaTaxe,
  LIBELLES_AUTEUR_RECOURS,
  JOURS_DE_RECOURS_TAXE,
  type ExecutionTaxe,
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

/**
 * Certificat de dépôt (DOMAIN.md §3 "Sending"; seed 001 "Récapitulatif"; docs/certificat.md).
 * - `produireCertificat(memoire, { dateDepot, prestataire })`: the certificate of a mémoire numbered MJ —
 *   date de dépôt, numéro, prestataire, juridiction, the Récapitulatif's amounts and the empreinte.
 * - `empreinte(memoire)`: SHA-256, base64 (44 characters), of the canonical serialisation v1.
 * - `verifierCertificat(memoire, certificat)`: `Right(CertificatValide)`, or `Left(CertificatInvalide)`
 *   listing every difference (empreinte, numero, dateDepot, juridiction, montants.*).
 * - `serialisationCanonique` / `formeCanonique`: the text hashed, for anyone re-verifying by hand.
 * - `montantsCertificat`: HT après remise globale (TTC − TVA), TVA, remise globale TTC, TTC avant remise, TTC.
 */
export {
  produireCertificat,
  empreinte,
  verifierCertificat,
  serialisationCanonique,
  formeCanonique,
  montantsCertificat,
  VERSION_FORME_CANONIQUE,
  CertificatValide,
  CertificatInvalide,
  type Certificat,
  type MontantsCertificat,
  type PrestataireCertificat,
  type OptionsCertificat,
  type EcartCertificat,
} from "./memoire.certificat.js";

/** RFC 8785-style serialisation of a JSON value without numbers, and SHA-256 in base64: the tools behind the empreinte. */
export { serialiserCanonique, sha256Base64, type ValeurCanonique } from "./memoire.canonique.js";

/**
 * The seven statuses a prestataire sees (seed 001 tableau de bord): `statutVisible(etat)` maps every
 * internal state (court-side ones onto `MIS_A_DISPOSITION`; `SUPPRIME` onto none).
 */
export { statutVisible, StatutVisible, STATUTS_VISIBLES, LIBELLES_STATUT_VISIBLE } from "./memoire.statut-visible.js";

/**
 * Who reads a view (`Lecteur`: the acting `Acteur` and the espaces open per structure) and whether they
 * may read a mémoire (`peutLire`: `memoire.consulter` for users, `memoire.consulter-juridiction` for
 * agents; drafts never shown to the court side, deleted drafts to no one).
 */
export { peutLire, dateCalendaire, type Lecteur, type LigneVue, type MemoireVue } from "./memoire.lecture.js";

/**
 * Rechercher (DOMAIN.md §3 "Views"): criteria as plain data (`CriteresRecherche`, decoded from raw input
 * by `decoderCriteresRecherche` into a `SaisieInvalide` naming each field), combined with AND, sorted
 * (date de dépôt, numéro, montant TTC, état; stable), paged (taille ≤ 100).
 */
export {
  rechercher,
  rechercherDepuisSaisie,
  decoderCriteresRecherche,
  CriteresRecherche,
  CHAMPS_TRI,
  TAILLE_PAGE_MAX,
  type PageResultats,
} from "./memoire.recherche.js";

/**
 * The other views of the Mémoires de frais de justice espace (seeds 001, 002), each filtered by habilitations:
 * - `synthese`: drafts and refused mémoires (what needs the prestataire's action);
 * - `tableauDeBord`: counts per visible status, one row per structure;
 * - `listeFiscale`: mémoires mis en paiement over at most one year (`PeriodeTropLongue`), with totals (CGI liste récapitulative);
 * - `archives`: mémoires whose last change is more than two years old.
 */
export {
  synthese,
  STATUTS_SYNTHESE,
  tableauDeBord,
  listeFiscale,
  decoderCriteresListeFiscale,
  verifierPeriode,
  CriteresListeFiscale,
  PeriodeTropLongue,
  archives,
  seuilArchivage,
  DUREE_AVANT_ARCHIVAGE,
  type LigneTableauDeBord,
  type LigneListeFiscale,
  type ListeFiscale,
} from "./memoire.vues.js";

/** The audit trail as a timeline: the fold of a mémoire's events. */
export { historique, LIBELLES_COMMANDES, type Historique, type EntreeHistorique } from "./memoire.historique.js";

/**
 * Documentation read from the machine definition: its transitions (guards, actions), a Mermaid
 * state diagram, a Markdown table, and the page docs/memoire-etats.md generated by core/tools/diagrammes.ts.
 */
export {
  transitionsDeLaMachine,
  etatsFinals,
  acteursDeLEvenement,
  diagrammeMermaid,
  tableauTransitions,
  pageEtats,
  type TransitionLue,
} from "./memoire.diagramme.js";
