import { Data, Schema } from "effect";
import { EmailSchema } from "../utilisateur/index.js";

const texte = (max: number) =>
  Schema.Trim.pipe(
    Schema.minLength(1, { message: () => "obligatoire" }),
    Schema.maxLength(max, { message: () => `au plus ${max} caractères` }),
  );


/** The person who signs the mandat for the structure (seed 002: "Signataire — Nom, Prénom"); the link goes to their e-mail. */
export const SignataireSchema = Schema.Struct({ nom: texte(100), prenom: texte(100), email: EmailSchema });
/** Decoded value of {@link SignataireSchema}. */
export type Signataire = typeof SignataireSchema.Type;

/** Input of `souscrireMandat` (seed 002: "indiquer un Libellé ... Générer"). */
export const SouscrireMandatSchema = Schema.Struct({ libelle: texte(200), signataire: SignataireSchema });
/** Input as typed (encoded form) of {@link SouscrireMandatSchema}. */
export type SouscrireMandat = typeof SouscrireMandatSchema.Encoded;

/**
 * States of a mandat de facturation (seed 002): souscrit and waiting for the signature through the
 * e-mailed link, signé (the active mandat), révoqué (by the structure, or at migration).
 */
export type StatutMandat = "EN_ATTENTE_SIGNATURE" | "SIGNE" | "REVOQUE";

/** What the mandat knows besides its state; the dates are its history (created, signed, revoked). */
export interface ContexteMandat {
  readonly id: string;
  readonly structureId: string;
  readonly libelle: string;
  readonly signataire: Signataire;
  /** The secret of the signature link, while waiting for the signature. */
  readonly jetonSignature?: string;
  /** The link works strictly before this instant. */
  readonly signatureExpireLe?: Date;
  readonly dateCreation: Date;
  readonly dateSignature?: Date;
  readonly dateRevocation?: Date;
}

/** A mandat de facturation: its state and its context. */
export interface Mandat extends ContexteMandat {
  readonly statut: StatutMandat;
}

/** Every mandat of one structure, past and present: the aggregate holding the "one active at most" rule. */
export interface MandatsStructure {
  readonly structureId: string;
  readonly mandats: ReadonlyArray<Mandat>;
}

const Identifiant = Schema.String.pipe(Schema.minLength(1, { message: () => "obligatoire" }));

/** Input of `revoquerMandat` and `renouvelerLienSignature`: which mandat. */
export const DesignationMandatSchema = Schema.Struct({ mandatId: Identifiant });
/** Input as typed (encoded form) of {@link DesignationMandatSchema}. */
export type DesignationMandat = typeof DesignationMandatSchema.Encoded;

/** Input of `signerMandat`: the mandat and the secret of the signature link. */
export const SignerMandatSchema = Schema.Struct({ mandatId: Identifiant, jeton: Identifiant });
/** Input as typed (encoded form) of {@link SignerMandatSchema}. */
export type SignerMandat = typeof SignerMandatSchema.Encoded;

/** Rules of the mandat, as data. */
export interface ReglesMandat {
  /** Validity of the signature link, in hours. [decision] 72 h, like the activation link. */
  readonly dureeValiditeLienSignatureHeures: number;
}

/** The rules in force. */
export const REGLES_MANDAT: ReglesMandat = { dureeValiditeLienSignatureHeures: 72 };

/** Events of the mandats: the audit trail (the signature token is never in it). */
export type EvenementMandat = Data.TaggedEnum<{
  MandatSouscrit: {
    readonly structureId: string;
    readonly mandatId: string;
    readonly parId: string;
    readonly libelle: string;
    readonly signataire: Signataire;
    readonly signatureExpireLe: Date;
    readonly date: Date;
  };
  LienSignatureMandatRenouvele: {
    readonly structureId: string;
    readonly mandatId: string;
    readonly parId: string;
    readonly signatureExpireLe: Date;
    readonly date: Date;
  };
  MandatSigne: { readonly structureId: string; readonly mandatId: string; readonly date: Date };
  MandatRevoque: { readonly structureId: string; readonly mandatId: string; readonly parId: string; readonly date: Date };
}>;
/** Constructors and matchers of {@link EvenementMandat}. */
export const EvenementMandat = Data.taggedEnum<EvenementMandat>();
