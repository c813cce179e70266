import { Schema } from "effect";
import { Montant, Quantite, TarifHt, TauxTva } from "../montants/index.js";

/**
 * The mémoire de frais de justice aggregate: its header (en-tête), its lines (lignes de prestation),
 * its attachments (pièces jointes), its state in the lifecycle and what each court-side step recorded.
 *
 * Every field has an Effect Schema: the `Type` side is what the domain handles (exact `BigDecimal`
 * amounts, `Date` instants), the `Encoded` side is plain JSON (decimal strings, ISO instants) that an
 * adapter persists. DOMAIN.md §3; seed 001 ("Saisir mémoire", "Valider et envoyer").
 */

// ---------------------------------------------------------------------------------------------------
// Enumerations

/**
 * States of the lifecycle (DOMAIN.md §3 "Lifecycle"). `A_TAXER` is the internal state of a mémoire the
 * greffier did not certify and sent to the magistrat taxateur (CPP R224-1 s.; see docs/memoire.md).
 */
export const ETATS_MEMOIRE = [
  "BROUILLON",
  "SUPPRIME",
  "ENVOYE",
  "MIS_A_DISPOSITION",
  "A_TAXER",
  "CERTIFIE",
  "TAXE",
  "VALIDE",
  "MIS_EN_PAIEMENT",
  "REFUSE",
  "ABANDONNE",
  "DUPLIQUE_POST_REFUS",
] as const;
export const EtatMemoire = Schema.Literal(...ETATS_MEMOIRE);
export type EtatMemoire = typeof EtatMemoire.Type;

/** States no event leaves. */
export const ETATS_TERMINAUX: ReadonlyArray<EtatMemoire> = ["SUPPRIME", "ABANDONNE", "DUPLIQUE_POST_REFUS", "MIS_EN_PAIEMENT"];

/** How the mémoire reached the portal: web form, EDI flux (E3) or API (DOMAIN.md §4). */
export const ModeDepot = Schema.Literal("SAISIE_WEB", "FLUX", "API");
export type ModeDepot = typeof ModeDepot.Type;

/** VAT regime of the mémoire (DOMAIN.md §3 "En-tête"). */
export const TypeTvaMemoire = Schema.Literal("TVA_SUR_DEBIT", "TVA_SUR_ENCAISSEMENT", "EXONERATION", "SANS_TVA");
export type TypeTvaMemoire = typeof TypeTvaMemoire.Type;

/** Who ordered the mission (réquisition), as listed in DOMAIN.md §1 "Autorité requérante". */
export const AutoriteRequerante = Schema.Literal(
  "OFFICIER_POLICE_JUDICIAIRE",
  "PROCUREUR_REPUBLIQUE",
  "JUGE_INSTRUCTION",
  "JUGE_ENFANTS",
  "TRIBUNAL_POLICE",
  "TRIBUNAL_CORRECTIONNEL",
  "COUR_ASSISES",
  "JUGE_APPLICATION_PEINES",
  "PRESIDENT_TRIBUNAL",
);
export type AutoriteRequerante = typeof AutoriteRequerante.Type;

/** Type of an attachment (DOMAIN.md §3 "Pièces jointes"; seed 001). */
export const TypePieceJointe = Schema.Literal(
  "REQUISITION",
  "ATTESTATION_MISSION",
  "BORDEREAU_FRAIS",
  "DEVIS",
  "BON_DE_COMMANDE",
  "RAPPORT",
  "DECLARATION_HONNEUR",
  "COORDONNEE_BANCAIRE",
  "AUTRE",
);
export type TypePieceJointe = typeof TypePieceJointe.Type;

/**
 * Content types accepted for an attachment [decision DOMAIN.md §3: PDF, PNG, JPEG, ODT, DOCX]. The
 * adapter determines it from the bytes (magic numbers), never from the file name.
 */
export const TypeContenu = Schema.Literal(
  "application/pdf",
  "image/png",
  "image/jpeg",
  "application/vnd.oasis.opendocument.text",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
);
export type TypeContenu = typeof TypeContenu.Type;

/** Largest attachment: 4096 KB (seed 002, "taille maximale par fichier : 4096 kilo-octets"). */
export const TAILLE_MAX_PIECE_JOINTE_OCTETS = 4096 * 1024;

/** Reasons a court refuses a mémoire (DOMAIN.md §3 "REFUSE"); `AUTRE` needs a commentaire. */
export const MotifRefus = Schema.Literal(
  "DONNEES_ERRONEES",
  "PIECE_JOINTE_MANQUANTE",
  "FORCLUSION",
  "HORS_FRAIS_DE_JUSTICE",
  "DOUBLON",
  "AUTRE",
);
export type MotifRefus = typeof MotifRefus.Type;

// ---------------------------------------------------------------------------------------------------
// Scalars

const texteNonVide = (nom: string, max: number) =>
  Schema.String.pipe(
    Schema.filter((s) => s.trim().length > 0 || `${nom} : ne doit pas être vide`),
    Schema.filter((s) => s.length <= max || `${nom} : au plus ${max} caractères`),
  );

/** A non-empty identifier (ids come from `Contexte.genererId` or from adapters). */
export const Identifiant = texteNonVide("identifiant", 100);

const estDateCalendaireValide = (s: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m === null) return false;
  const [a, mo, j] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(a, mo - 1, j));
  return d.getUTCFullYear() === a && d.getUTCMonth() === mo - 1 && d.getUTCDate() === j;
};

/** A calendar date `YYYY-MM-DD` (date de réquisition, de prestation, de paiement). */
export const DateCalendaire = Schema.String.pipe(
  Schema.filter((s) => estDateCalendaireValide(s) || `« ${s} » n'est pas une date AAAA-MM-JJ valide`),
  Schema.brand("DateCalendaire"),
);
export type DateCalendaire = typeof DateCalendaire.Type;

/** A local date and time `YYYY-MM-DDTHH:mm` (début / fin of hourly work, e.g. an oral translation). */
export const DateHeureLocale = Schema.String.pipe(
  Schema.filter(
    (s) =>
      (/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/.test(s) && estDateCalendaireValide(s.slice(0, 10))) ||
      `« ${s} » n'est pas une date-heure AAAA-MM-JJTHH:MM valide`,
  ),
  Schema.brand("DateHeureLocale"),
);
export type DateHeureLocale = typeof DateHeureLocale.Type;

/** An exact decimal, written as a string on the wire ("150.00", "5.5"). Amounts use the montants engine's schemas instead. */
export const Decimal = Schema.BigDecimal;

/** Temporary number of a draft: `TMP` + year + 8 digits (seed 001: `TMP201900000004`). */
export const NumeroTmp = Schema.String.pipe(
  Schema.pattern(/^TMP\d{4}\d{8}$/, { message: () => "numéro provisoire attendu : TMP + année + 8 chiffres" }),
  Schema.brand("NumeroTmp"),
);
export type NumeroTmp = typeof NumeroTmp.Type;

/** Number of a sent mémoire: `MJ` + 10 digits (seed 001: `MJ0000002117`), unique, never reused. */
export const NumeroMj = Schema.String.pipe(
  Schema.pattern(/^MJ\d{10}$/, { message: () => "numéro de mémoire attendu : MJ + 10 chiffres" }),
  Schema.brand("NumeroMj"),
);
export type NumeroMj = typeof NumeroMj.Type;

/**
 * Numéro de lot: the number of the flux deposit (Dépôt flux, flux E3) a mémoire came in with, one of
 * the Rechercher criteria (DOMAIN.md §3 "Views"). Set by the import at creation, never edited.
 */
export const NumeroLot = texteNonVide("numéro de lot", 50);

/** SHA-256 digest of an attachment's content, 64 hexadecimal or 44 base64 characters, supplied by the adapter. */
export const EmpreinteSha256 = Schema.String.pipe(
  Schema.filter(
    (s) =>
      /^[0-9a-fA-F]{64}$/.test(s) ||
      /^[A-Za-z0-9+/]{43}=$/.test(s) ||
      "empreinte SHA-256 attendue : 64 caractères hexadécimaux ou 44 caractères base64",
  ),
);

// ---------------------------------------------------------------------------------------------------
// Header, lines, attachments

/** The destination court, shown `code - libellé` (seed 001: "75 - JURIDICTION_LFR"). */
export const JuridictionDestinataire = Schema.Struct({
  code: texteNonVide("code juridiction", 20),
  libelle: texteNonVide("libellé juridiction", 200),
  /** Code of the cour d'appel the juridiction belongs to (agents' scope may be a whole cour d'appel). */
  courAppel: texteNonVide("cour d'appel", 20),
});
export type JuridictionDestinataire = typeof JuridictionDestinataire.Type;

/**
 * The en-tête (seed 001 "Saisir les données d'en-tête"). Fields marked * on the portal but optional
 * here may stay empty in a draft; the send guard `champsObligatoiresManquants` requires them.
 */
export const EnTete = Schema.Struct({
  juridiction: JuridictionDestinataire,
  structureId: Identifiant,
  serviceId: Schema.optional(Identifiant),
  categoriePrestataire: Schema.optional(texteNonVide("catégorie de prestataire", 100)),
  /** Id of the structure's coordonnées bancaires the payment goes to. */
  referenceCoordonneesBancaires: Schema.optional(Identifiant),
  devise: Schema.Literal("EUR"),
  /** e.g. "Article R 92 CPP (procédure pénale)". */
  texteReference: Schema.optional(texteNonVide("texte de référence", 200)),
  typeTva: Schema.optional(TypeTvaMemoire),
  numeroFacture: Schema.optional(texteNonVide("numéro de facture", 50)),
  numeroEngagementJuridique: Schema.optional(texteNonVide("numéro d'engagement juridique", 50)),
  modeDepot: ModeDepot,
});
export type EnTete = typeof EnTete.Type;

/** A ligne de prestation (seed 001 "Saisie d'une ligne de prestation"). Decimals are exact. */
export const LignePrestation = Schema.Struct({
  id: Identifiant,
  numeroAffaire: texteNonVide("n° d'affaire", 50),
  dateRequisition: DateCalendaire,
  autoriteRequerante: AutoriteRequerante,
  /** Code of the type de prestation (see the tarifs module, `TYPES_PRESTATION`). */
  typePrestation: texteNonVide("type de prestation", 50),
  datePrestation: DateCalendaire,
  /** Start and end of hourly work (oral translation: every started hour is due). */
  debut: Schema.optional(DateHeureLocale),
  fin: Schema.optional(DateHeureLocale),
  /** > 0, at most 3 decimals (montants engine `Quantite`). */
  quantite: Quantite,
  /** ≥ 0, at most 4 decimals (montants engine `TarifHt`; tariffs are set HT, CPP R91). */
  tarifHt: TarifHt,
  /** VAT rate in percent ("5.5"), one of the allowed rates (montants engine `TauxTva`). */
  tauxTva: TauxTva,
  /** Frais divers (bordereau des frais divers), ≥ 0, 2 decimals. */
  fraisDivers: Montant,
  /** Débours (not subject to VAT, CGI 267-II-2°), ≥ 0, 2 decimals. */
  debours: Montant,
  /** Remise on the line, ≥ 0, 2 decimals. */
  remise: Montant,
});
export type LignePrestation = typeof LignePrestation.Type;

/** A pièce jointe, on a line (`ligneId`) or on the whole mémoire (no `ligneId`). */
export const PieceJointe = Schema.Struct({
  id: Identifiant,
  ligneId: Schema.optional(Identifiant),
  designation: texteNonVide("désignation", 200),
  type: TypePieceJointe,
  nomFichier: texteNonVide("nom du fichier", 255),
  typeContenu: TypeContenu,
  /** Size in bytes, at most {@link TAILLE_MAX_PIECE_JOINTE_OCTETS}. */
  taille: Schema.Int.pipe(
    Schema.filter((n) => (n > 0 && n <= TAILLE_MAX_PIECE_JOINTE_OCTETS) || `taille : entre 1 octet et 4096 Ko (${TAILLE_MAX_PIECE_JOINTE_OCTETS} octets)`),
  ),
  /** SHA-256 of the content, computed by the adapter that stored the bytes. */
  empreinte: EmpreinteSha256,
  /** `STRUCTURE` when imported from the structure's files (seed 001 "pièces jointes disponibles"). */
  origine: Schema.Literal("MEMOIRE", "STRUCTURE"),
});
export type PieceJointe = typeof PieceJointe.Type;

// ---------------------------------------------------------------------------------------------------
// Amounts as recorded on the aggregate (computed by the montants engine)

/** Amounts of one line, as computed by the montants engine (DOMAIN.md §3 "Amounts"). */
export const MontantsLigne = Schema.Struct({
  ligneId: Identifiant,
  montantPrestationHt: Montant,
  montantHt: Montant,
  montantTva: Montant,
  montantTtc: Montant,
});
export type MontantsLigne = typeof MontantsLigne.Type;

/** One row of the récapitulatif TVA. */
export const LigneRecapitulatifTva = Schema.Struct({ tauxTva: TauxTva, baseHt: Montant, montantTva: Montant });
export type LigneRecapitulatifTva = typeof LigneRecapitulatifTva.Type;

/** The amounts of a mémoire (those of the certificat de dépôt, seed 001), with the per-line detail. */
export const MontantsMemoire = Schema.Struct({
  lignes: Schema.Array(MontantsLigne),
  recapitulatifTva: Schema.Array(LigneRecapitulatifTva),
  montantHt: Montant,
  montantTva: Montant,
  montantDebours: Montant,
  montantTtcAvantRemiseGlobale: Montant,
  montantRemiseGlobaleTtc: Montant,
  montantTtc: Montant,
});
export type MontantsMemoire = typeof MontantsMemoire.Type;

// ---------------------------------------------------------------------------------------------------
// Who acted (audit) and what the court side recorded

/** The author of an event: a prestataire's user, a court agent, or the system (transmission). */
export const Auteur = Schema.Struct({
  type: Schema.Literal("UTILISATEUR", "AGENT", "SYSTEME"),
  id: Identifiant,
});
export type Auteur = typeof Auteur.Type;

/** A correction by the greffier at certification: new quantité and/or tarif HT of a line, with the motif. */
export const Redressement = Schema.Struct({
  ligneId: Identifiant,
  quantite: Schema.optional(Quantite),
  tarifHt: Schema.optional(TarifHt),
  motif: texteNonVide("motif du redressement", 1000),
  /** The values before the correction (the original request stays readable). */
  quantiteAvant: Quantite,
  tarifHtAvant: TarifHt,
});
export type Redressement = typeof Redressement.Type;

/** A taxed line of the ordonnance de taxe: the HT amount the magistrat allows for the line. */
export const LigneTaxee = Schema.Struct({ ligneId: Identifiant, montantHtTaxe: Montant });
export type LigneTaxee = typeof LigneTaxee.Type;

/** Who appealed an ordonnance de taxe (CPP R228-1): the prestataire (partie prenante) or the ministère public. */
export const AuteurRecours = Schema.Literal("PARTIE_PRENANTE", "MINISTERE_PUBLIC");
export type AuteurRecours = typeof AuteurRecours.Type;

/**
 * What the chambre de l'instruction decided on the appeal (CPP R228-1, R230): the ordonnance
 * confirmed, reformed (new HT amounts for the lines it names), the appeal declared irrecevable, or the
 * appellant's withdrawal recorded (désistement).
 */
export const SensDecisionRecours = Schema.Literal("CONFIRMATION", "REFORMATION", "IRRECEVABILITE", "DESISTEMENT");
export type SensDecisionRecours = typeof SensDecisionRecours.Type;

/** The chambre de l'instruction's decision, sent to the greffe of the magistrat taxateur for execution. */
export const DecisionRecours = Schema.Struct({
  /** The day of the arrêt. */
  rendueLe: DateCalendaire,
  sens: SensDecisionRecours,
  /** The arrêt's reference and what it holds, as the greffier transcribes it. */
  motif: texteNonVide("motif de la décision", 1000),
  /** For a reformation: the HT amount allowed for each line the arrêt names (the others keep the ordonnance's). */
  lignes: Schema.optional(Schema.Array(LigneTaxee)),
});
export type DecisionRecours = typeof DecisionRecours.Type;

/**
 * An appeal against the ordonnance de taxe, filed at the greffe of the magistrat taxateur (déclaration
 * or registered letter, CPP R230) and recorded by the greffier; filed within the delay it suspends
 * execution until the chambre de l'instruction decides (R228-1).
 */
export const RecoursTaxe = Schema.Struct({
  /** The day it was filed at the greffe (déclaration, or the registered letter's arrival). */
  formeLe: DateCalendaire,
  par: AuteurRecours,
  commentaire: Schema.optional(texteNonVide("commentaire", 2000)),
  decision: Schema.optional(DecisionRecours),
});
export type RecoursTaxe = typeof RecoursTaxe.Type;

/** The ordonnance de taxe (CPP R224-1 s.): taxed HT amount per line, motif, magistrat, date. */
export const Taxation = Schema.Struct({
  lignes: Schema.Array(LigneTaxee),
  motif: texteNonVide("motif de la taxation", 1000),
  magistratId: Identifiant,
  le: Schema.Date,
  /**
   * The day the greffe's notification of the ordonnance reached the prestataire (CPP R228: by
   * registered letter when the taxe differs from the request), recorded by the greffier; the ten days
   * of appeal run from it (R228-1).
   */
  notifieeLe: Schema.optional(DateCalendaire),
  /** The appeal against it and, once received, the chambre de l'instruction's decision (CPP R228-1). */
  recours: Schema.optional(RecoursTaxe),
});
export type Taxation = typeof Taxation.Type;

/** A refusal: motif (mandatory), optional commentaire (mandatory for `AUTRE`), who and when. */
export const Refus = Schema.Struct({
  motif: MotifRefus,
  commentaire: Schema.optional(texteNonVide("commentaire", 2000)),
  par: Auteur,
  le: Schema.Date,
});
export type Refus = typeof Refus.Type;

/** The mise en paiement by the comptable: payment date and reference. */
export const Paiement = Schema.Struct({
  date: DateCalendaire,
  reference: texteNonVide("référence de paiement", 100),
});
export type Paiement = typeof Paiement.Type;

// ---------------------------------------------------------------------------------------------------
// The aggregate

/**
 * The mémoire de frais de justice. Persist it whole: `etat` plus this data is what the machine needs
 * (`machineMemoire.resolveState({ value: memoire.etat, context: { memoire } })`).
 */
export const Memoire = Schema.Struct({
  id: Identifiant,
  /** Current number: the TMP number while a draft, the MJ number once sent. */
  numero: Schema.Union(NumeroTmp, NumeroMj),
  /** The draft's TMP number, kept after sending for traceability. */
  numeroProvisoire: NumeroTmp,
  etat: EtatMemoire,
  enTete: EnTete,
  /** Numéro de lot of the flux deposit the mémoire came in (only for `modeDepot` `FLUX`); kept by every command. */
  numeroLot: Schema.optional(NumeroLot),
  lignes: Schema.Array(LignePrestation),
  piecesJointes: Schema.Array(PieceJointe),
  /** Remise globale TTC (≥ 0, at most the TTC before remise). */
  remiseGlobaleTtc: Montant,
  /** The prestataire attested on their honour the sincerity of the data (seed 001, "Confirmation d'envoi"). */
  attestationSurLHonneur: Schema.Boolean,
  /** Current amounts (after redressement or taxation); recomputed by the engine at each change. */
  montants: MontantsMemoire,
  /** The amounts as requested when sent; kept unchanged by redressement and taxation. */
  montantsDemandes: Schema.optional(MontantsMemoire),
  /** True when the current amounts differ from the requested ones (column "MT Modifié", seed 001). */
  montantModifie: Schema.Boolean,
  creeLe: Schema.Date,
  creePar: Auteur,
  /** Version, +1 at each accepted command (optimistic locking in adapters). */
  version: Schema.Int,
  envoyeLe: Schema.optional(Schema.Date),
  /** Empreinte of the certificat de dépôt (SHA-256, base64), set when sent. */
  empreinteDepot: Schema.optional(Schema.String),
  misADispositionLe: Schema.optional(Schema.Date),
  /** The court agent who took the mémoire in charge (prendre en charge). */
  agentEnCharge: Schema.optional(Identifiant),
  redressements: Schema.Array(Redressement),
  certifieLe: Schema.optional(Schema.Date),
  taxation: Schema.optional(Taxation),
  refus: Schema.optional(Refus),
  valideLe: Schema.optional(Schema.Date),
  paiement: Schema.optional(Paiement),
  /** Id of the refused mémoire this draft duplicates. */
  duplicataDe: Schema.optional(Identifiant),
  /** Id of the draft that duplicates this refused mémoire. */
  dupliqueEn: Schema.optional(Identifiant),
  /** Instant of the last state change (the "date de l'état courant" of the views). */
  etatLe: Schema.Date,
});
export type Memoire = typeof Memoire.Type;
/** The JSON form of a {@link Memoire} (decimal strings, ISO instants). */
export type MemoireEncodee = typeof Memoire.Encoded;

// ---------------------------------------------------------------------------------------------------
// Audit trail

/** The totals of a mémoire (those of the certificat de dépôt), as recorded before and after each event. */
export const TotauxMemoire = MontantsMemoire.pipe(Schema.omit("lignes", "recapitulatifTva"));
export type TotauxMemoire = typeof TotauxMemoire.Type;

/**
 * One entry of the audit trail: every accepted command (state change, prise en charge, draft edit)
 * emits one. Who (`auteur`), when (`le`, the command's `Contexte.maintenant`), which command, from →
 * to, motif, totals before / after. DOMAIN.md §3: "Every transition is recorded".
 */
export const EvenementMemoire = Schema.Struct({
  id: Identifiant,
  memoireId: Identifiant,
  /** The number of the mémoire at the end of the command (MJ once sent). */
  numero: Schema.String,
  /** The command, e.g. `memoire.certifier`, `memoire.ajouter-ligne`. */
  commande: Schema.String,
  auteur: Auteur,
  le: Schema.Date,
  de: EtatMemoire,
  vers: EtatMemoire,
  /** Motif of a refusal, redressement, taxation; commentaire of a forclusion. */
  motif: Schema.optional(Schema.String),
  montantsAvant: TotauxMemoire,
  montantsApres: TotauxMemoire,
  /** Further facts of the event (line id, attachment id, payment reference, duplicate's id...). */
  details: Schema.Record({ key: Schema.String, value: Schema.String }),
});
export type EvenementMemoire = typeof EvenementMemoire.Type;
