import { Data, Schema } from "effect";
import type { EspaceOuvrable } from "../autorisation/index.js";
import {
  TYPES_IDENTIFIANT_STRUCTURE,
  normaliserIdentifiant,
  raisonIdentifiantInvalide,
  type TypeIdentifiantStructure,
} from "./structure.identifiant.js";

/** Schema of an identifier type. */
export const TypeIdentifiantStructureSchema = Schema.Literal(...TYPES_IDENTIFIANT_STRUCTURE).annotations({
  message: () => ({ message: `type d'identifiant inconnu : ${TYPES_IDENTIFIANT_STRUCTURE.join(", ")}`, override: true }),
});

/** A non-empty text, trimmed, of at most `max` characters. */
export const texte = (max: number) =>
  Schema.Trim.pipe(
    Schema.minLength(1, { message: () => "obligatoire" }),
    Schema.maxLength(max, { message: () => `au plus ${max} caractères` }),
  );

/** A structure identifier: its type and its value (normalised: see `normaliserIdentifiant`). */
export interface IdentifiantStructure {
  readonly type: TypeIdentifiantStructure;
  readonly valeur: string;
}

const IdentifiantBrut = Schema.Struct({ type: TypeIdentifiantStructureSchema, valeur: Schema.String });

/**
 * Decodes an identifier as typed: normalised, then checked against the rule of its type; a refusal
 * names `valeur` and says which rank or rule failed.
 */
export const IdentifiantStructureSchema = Schema.transform(IdentifiantBrut, Schema.typeSchema(IdentifiantBrut), {
  strict: true,
  decode: (i) => ({ type: i.type, valeur: normaliserIdentifiant(i.type, i.valeur) }),
  encode: (i) => i,
}).pipe(
  Schema.filter((i) => {
    const raison = raisonIdentifiantInvalide(i.type, i.valeur);
    return raison === undefined ? undefined : { path: ["valeur"], message: raison };
  }),
);

/** Postal address of the structure's seat (seed 001, "Adresse postale du siège"). */
export const AdresseSchema = Schema.Struct({
  ligne: texte(140),
  complement: Schema.optionalWith(texte(140), { exact: true }),
  codePostal: texte(10),
  ville: texte(80),
  /** ISO 3166-1 alpha-2 country code, upper case (`FR`). */
  pays: Schema.String.pipe(Schema.pattern(/^[A-Z]{2}$/, { message: () => "code pays ISO 3166 à 2 lettres majuscules (FR)" })),
}).pipe(
  Schema.filter((a) =>
    a.pays === "FR" && !/^\d{5}$/.test(a.codePostal) ? { path: ["codePostal"], message: "un code postal français comporte 5 chiffres" } : undefined,
  ),
);
/** Decoded value of {@link AdresseSchema}. */
export type Adresse = typeof AdresseSchema.Type;

/** Status of a structure on the portal. */
export const StatutStructureSchema = Schema.Literal("ACTIF", "INACTIF");
/** Decoded value of {@link StatutStructureSchema}. */
export type StatutStructure = typeof StatutStructureSchema.Type;

/** Catégories de prestataire (CPP R92 3°–6°, R93), the default category of new mémoires. */
export const CategoriePrestataireSchema = Schema.Literal(
  "INTERPRETE_TRADUCTEUR",
  "EXPERT",
  "ENQUETEUR_SOCIAL",
  "DELEGUE_MEDIATEUR_PROCUREUR",
  "ADMINISTRATEUR_AD_HOC",
  "LABORATOIRE",
  "GARDIEN_FOURRIERE_SCELLES",
  "COMMISSAIRE_DE_JUSTICE",
  "OPERATEUR_TELECOM",
  "AUTRE",
);
/** Decoded value of {@link CategoriePrestataireSchema}. */
export type CategoriePrestataire = typeof CategoriePrestataireSchema.Type;

/** Régime social of a natural-person prestataire: collaborateur occasionnel du service public, or indépendant. */
export const RegimeSchema = Schema.Literal("COSP", "INDEPENDANT");
/** Decoded value of {@link RegimeSchema}. */
export type Regime = typeof RegimeSchema.Type;

/**
 * Informations mémoire of the structure (seed 001 "Informations mémoire de frais de justice").
 * [decision] The droit d'option can only be held by an INTERPRETE_TRADUCTEUR, and exercising it means
 * the INDEPENDANT régime.
 */
export const InformationsMemoireSchema = Schema.Struct({
  categoriePrestataire: Schema.optionalWith(CategoriePrestataireSchema, { exact: true }),
  regime: Schema.optionalWith(RegimeSchema, { exact: true }),
  droitOption: Schema.Boolean,
}).pipe(
  Schema.filter((i) => {
    if (!i.droitOption) return undefined;
    const issues: Array<{ path: ReadonlyArray<PropertyKey>; message: string }> = [];
    if (i.categoriePrestataire !== "INTERPRETE_TRADUCTEUR")
      issues.push({ path: ["droitOption"], message: "le droit d'option n'est ouvert qu'aux interprètes-traducteurs" });
    if (i.regime !== "INDEPENDANT") issues.push({ path: ["regime"], message: "le droit d'option exercé implique le régime INDEPENDANT" });
    return issues;
  }),
);
/** Decoded value of {@link InformationsMemoireSchema}. */
export type InformationsMemoire = typeof InformationsMemoireSchema.Type;

/** A service of the structure (seed 001: "les services permettent de faciliter le routage"); its code is unique in the structure. */
export interface Service {
  readonly code: string;
  readonly libelle: string;
  readonly actif: boolean;
}

/** The structure: every prestataire, natural or legal person (seed 001 "La structure"). */
export interface Structure {
  readonly id: string;
  readonly identifiant: IdentifiantStructure;
  readonly raisonSociale: string;
  readonly adresse: Adresse;
  readonly statut: StatutStructure;
  readonly services: ReadonlyArray<Service>;
  readonly informationsMemoire: InformationsMemoire;
  /** Espaces opened on the structure by a gestionnaire (the default espaces are always open and not listed). */
  readonly espacesOuverts: ReadonlyArray<EspaceOuvrable>;
  readonly dateCreation: Date;
}

/** `true` for a natural person identified without SIRET (identifier type PARTICULIER). */
export const isPersonnePhysique = (structure: Pick<Structure, "identifiant">): boolean =>
  structure.identifiant.type === "PARTICULIER";

/** Events of the structure aggregate: the audit trail. */
export type EvenementStructure = Data.TaggedEnum<{
  /** A structure was created; its creator becomes its gestionnaire principal (folded by the rattachement module). */
  StructureCreee: {
    readonly structureId: string;
    readonly createurId: string;
    readonly identifiant: IdentifiantStructure;
    readonly raisonSociale: string;
    readonly date: Date;
  };
  IdentiteStructureModifiee: {
    readonly structureId: string;
    readonly parId: string;
    readonly raisonSociale: string;
    readonly identifiant: IdentifiantStructure;
    readonly date: Date;
  };
  AdresseStructureModifiee: { readonly structureId: string; readonly parId: string; readonly adresse: Adresse; readonly date: Date };
  InformationsMemoireModifiees: {
    readonly structureId: string;
    readonly parId: string;
    readonly informationsMemoire: InformationsMemoire;
    readonly date: Date;
  };
  ServiceAjoute: { readonly structureId: string; readonly parId: string; readonly service: Service; readonly date: Date };
  ServiceModifie: { readonly structureId: string; readonly parId: string; readonly code: string; readonly libelle: string; readonly date: Date };
  ServiceActive: { readonly structureId: string; readonly parId: string; readonly code: string; readonly date: Date };
  ServiceDesactive: { readonly structureId: string; readonly parId: string; readonly code: string; readonly date: Date };
}>;
/** Constructors and matchers of {@link EvenementStructure}. */
export const EvenementStructure = Data.taggedEnum<EvenementStructure>();
