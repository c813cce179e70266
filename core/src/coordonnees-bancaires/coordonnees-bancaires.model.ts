import { Data, Schema } from "effect";
import { erreursRib, normaliserIban, raisonBicInvalide, raisonIbanInvalide } from "./coordonnees-bancaires.controles.js";

const texte = (max: number) =>
  Schema.Trim.pipe(
    Schema.minLength(1, { message: () => "obligatoire" }),
    Schema.maxLength(max, { message: () => `au plus ${max} caractères` }),
  );

/** Characters typed in a bank field: spaces removed, letters upper-cased (seed 001: "sans séparateur"). */
const CodeSaisi = Schema.transform(Schema.String, Schema.String, {
  strict: true,
  decode: (s) => s.replace(/\s+/g, "").toUpperCase(),
  encode: (s) => s,
});

/** An IBAN as typed (spaces and case tolerated), decoded to its electronic form and checked (ISO 13616 + national key). */
export const IbanSchema = Schema.transform(Schema.String, Schema.String, { strict: true, decode: normaliserIban, encode: (s) => s }).pipe(
  Schema.filter((iban) => raisonIbanInvalide(iban) ?? true),
);

/** A BIC / SWIFT code: 8 or 11 characters (ISO 9362), checked with ibantools. */
export const BicSchema = CodeSaisi.pipe(Schema.filter((bic) => raisonBicInvalide(bic) ?? true));

/** Bank account given as an IBAN (any ISO 13616 country). */
export const CompteIbanSchema = Schema.Struct({ type: Schema.Literal("IBAN"), iban: IbanSchema });

/** Bank account given as a French RIB: banque 5 + guichet 5 + compte 11 + clé 2. */
export const CompteRibSchema = Schema.Struct({
  type: Schema.Literal("RIB"),
  banque: CodeSaisi,
  guichet: CodeSaisi,
  compte: CodeSaisi,
  cle: CodeSaisi,
}).pipe(Schema.filter((rib) => erreursRib(rib).map((e) => ({ path: [e.champ], message: e.raison }))));

/** The account of a coordonnée bancaire: IBAN or RIB (seeds 001, 002: "Type *"). */
export const CompteBancaireSchema = Schema.Union(CompteIbanSchema, CompteRibSchema);
/** Decoded value of {@link CompteBancaireSchema}. */
export type CompteBancaire = typeof CompteBancaireSchema.Type;

/** Maximum size of the attached bank file: 4096 kilo-octets (seeds 001, 002). */
export const TAILLE_MAX_FICHIER_OCTETS = 4096 * 1024;

/** Content types accepted for the bank file. */
export const TYPES_CONTENU_FICHIER = ["application/pdf", "image/png", "image/jpeg"] as const;

/**
 * The file proving the bank details (type de pièce jointe "Coordonnée bancaire"), stored by an adapter:
 * core keeps its reference, content type and size. It is attached to every mémoire sent (seed 001).
 */
export const FichierCoordonneeBancaireSchema = Schema.Struct({
  /** Reference of the stored file (storage key), given by the adapter. */
  reference: texte(200),
  /** Content type, detected from the bytes by the adapter. */
  typeContenu: Schema.Literal(...TYPES_CONTENU_FICHIER).annotations({
    message: () => ({ message: `type de fichier non accepté : ${TYPES_CONTENU_FICHIER.join(", ")}`, override: true }),
  }),
  /** Size in bytes: 1 to 4 194 304 (4096 KB). */
  taille: Schema.Number.pipe(
    Schema.int({ message: () => "nombre entier d'octets" }),
    Schema.between(1, TAILLE_MAX_FICHIER_OCTETS, { message: () => `taille de 1 octet à 4096 Ko (${TAILLE_MAX_FICHIER_OCTETS} octets)` }),
  ),
});
/** Decoded value of {@link FichierCoordonneeBancaireSchema}. */
export type FichierCoordonneeBancaire = typeof FichierCoordonneeBancaireSchema.Type;

/** One coordonnée bancaire of a structure. */
export interface CoordonneeBancaire {
  readonly id: string;
  readonly structureId: string;
  /** Nom de la coordonnée bancaire (seed 001). */
  readonly libelle: string;
  readonly compte: CompteBancaire;
  /** BIC / SWIFT: mandatory with an IBAN, optional with a RIB. */
  readonly bic?: string;
  /** The account belongs to an affactureur (factoring company) to which the claim was assigned. */
  readonly affactureur: boolean;
  readonly fichier: FichierCoordonneeBancaire;
  readonly active: boolean;
  readonly dateCreation: Date;
  /** Date of the last deactivation, while deactivated. */
  readonly dateDesactivation?: Date;
}

/** Every coordonnée bancaire of one structure: the aggregate the commands change. */
export interface CoordonneesBancairesStructure {
  readonly structureId: string;
  readonly coordonnees: ReadonlyArray<CoordonneeBancaire>;
}

/** Events of the coordonnées bancaires: the audit trail. */
export type EvenementCoordonneesBancaires = Data.TaggedEnum<{
  CoordonneeBancaireAjoutee: { readonly structureId: string; readonly parId: string; readonly coordonnee: CoordonneeBancaire; readonly date: Date };
  CoordonneeBancaireDesactivee: { readonly structureId: string; readonly parId: string; readonly coordonneeBancaireId: string; readonly date: Date };
  CoordonneeBancaireReactivee: { readonly structureId: string; readonly parId: string; readonly coordonneeBancaireId: string; readonly date: Date };
}>;
/** Constructors and matchers of {@link EvenementCoordonneesBancaires}. */
export const EvenementCoordonneesBancaires = Data.taggedEnum<EvenementCoordonneesBancaires>();

/** Reason given when an IBAN comes without BIC. */
export const RAISON_BIC_OBLIGATOIRE = "le BIC est obligatoire avec un IBAN";

/** Input of `ajouterCoordonneeBancaire`, as typed. The BIC is mandatory with an IBAN (seed 001: "BIC ou SWIFT *"). */
export const AjouterCoordonneeBancaireSchema = Schema.Struct({
  libelle: texte(100),
  compte: CompteBancaireSchema,
  bic: Schema.optionalWith(BicSchema, { exact: true }),
  affactureur: Schema.Boolean,
  fichier: FichierCoordonneeBancaireSchema,
}).pipe(Schema.filter((d) => (d.compte.type === "IBAN" && d.bic === undefined ? { path: ["bic"], message: RAISON_BIC_OBLIGATOIRE } : undefined)));

/**
 * The BIC rule read on the raw input, so that it is reported together with the other fields' errors
 * (a filter on the whole input only runs once every field is valid).
 */
export const bicManquantDansLaSaisie = (entree: unknown): boolean => {
  if (typeof entree !== "object" || entree === null) return false;
  const { compte, bic } = entree as { readonly compte?: unknown; readonly bic?: unknown };
  return typeof compte === "object" && compte !== null && (compte as { readonly type?: unknown }).type === "IBAN" && bic === undefined;
};
/** Input as typed (encoded form) of {@link AjouterCoordonneeBancaireSchema}. */
export type AjouterCoordonneeBancaire = typeof AjouterCoordonneeBancaireSchema.Encoded;
