import { Option } from "effect";
import { type CodeCalcul } from "./tarifs.model.js";

/** Catégories de prestataire (CPP R92 3° to 6°, R93), as the mémoire header names them. */
export type CategoriePrestataire =
  | "INTERPRETE_TRADUCTEUR"
  | "EXPERT"
  | "ENQUETEUR_SOCIAL"
  | "ENQUETEUR_PERSONNALITE"
  | "DELEGUE_MEDIATEUR_PROCUREUR"
  | "ADMINISTRATEUR_AD_HOC"
  | "LABORATOIRE"
  | "GARDIEN_FOURRIERE"
  | "GARDIEN_SCELLES"
  | "COMMISSAIRE_DE_JUSTICE"
  | "OPERATEUR_TELECOMMUNICATIONS"
  | "AUTRE";

/** Every catégorie de prestataire, in display order. */
export const CATEGORIES_PRESTATAIRE: ReadonlyArray<CategoriePrestataire> = [
  "INTERPRETE_TRADUCTEUR",
  "EXPERT",
  "ENQUETEUR_SOCIAL",
  "ENQUETEUR_PERSONNALITE",
  "DELEGUE_MEDIATEUR_PROCUREUR",
  "ADMINISTRATEUR_AD_HOC",
  "LABORATOIRE",
  "GARDIEN_FOURRIERE",
  "GARDIEN_SCELLES",
  "COMMISSAIRE_DE_JUSTICE",
  "OPERATEUR_TELECOMMUNICATIONS",
  "AUTRE",
];

/** Codes of the types de prestation of a ligne de prestation. */
export type CodeTypePrestation =
  | "TRADUCTION_ORALE"
  | "TRADUCTION_ECRITE"
  | "INTERPRETARIAT_LANGUE_DES_SIGNES"
  | "ENQUETE_SOCIALE"
  | "ENQUETE_PERSONNALITE"
  | "CERTIFICAT_MEDICAL"
  | "AUDITION_ENFANT"
  | "EXPERTISE_PSYCHIATRIQUE_PENAL_INSTRUCTION"
  | "EXPERTISE_MEDICALE"
  | "ANALYSE_LABORATOIRE"
  | "GARDIENNAGE_SCELLES"
  | "FRAIS_FOURRIERE"
  | "AUTRE";

/** A type de prestation as the portal lists it. */
export interface TypePrestation {
  readonly code: CodeTypePrestation;
  /** Label shown by the portal: "Traduction orale (R122)". */
  readonly libelle: string;
  /** The text the cost rests on. */
  readonly texteReference: string;
  /** Catégories de prestataire who bill it. */
  readonly categories: ReadonlyArray<CategoriePrestataire>;
  /**
   * Its amount is fixed by a tariff (CPP R224-1 1°): the greffe may certify it whatever its amount.
   * Marked only where the tariff is named by our sources.
   */
  readonly tarife: boolean;
  /** The computation this module offers for it, when its figures are built in. */
  readonly calcul: Option.Option<CodeCalcul>;
}

const type = (
  code: CodeTypePrestation,
  libelle: string,
  texteReference: string,
  categories: ReadonlyArray<CategoriePrestataire>,
  tarife: boolean,
  calcul: Option.Option<CodeCalcul> = Option.none(),
): TypePrestation => ({ code, libelle, texteReference, categories, tarife, calcul });

/** The catalogue of types de prestation (portal labels, reference texts, tariffed or not). */
export const TYPES_PRESTATION: ReadonlyArray<TypePrestation> = [
  type("TRADUCTION_ORALE", "Traduction orale (R122)", "CPP art. R122, A43-7", ["INTERPRETE_TRADUCTEUR"], true, Option.some("TRADUCTION_ORALE")),
  type("TRADUCTION_ECRITE", "Traduction écrite (R122)", "CPP art. R122, A43-7", ["INTERPRETE_TRADUCTEUR"], true, Option.some("TRADUCTION_ECRITE")),
  type("INTERPRETARIAT_LANGUE_DES_SIGNES", "Interprétariat en langue des signes", "CPP art. R92", ["INTERPRETE_TRADUCTEUR"], false),
  type("ENQUETE_SOCIALE", "Enquête sociale (A43-12)", "CPP art. R121-1, R121-3, A43-12", ["ENQUETEUR_SOCIAL"], true),
  type("ENQUETE_PERSONNALITE", "Enquête de personnalité (A43-4)", "CPP art. R121-1, R121-3, A43-4, A43-5", ["ENQUETEUR_PERSONNALITE"], true),
  type("CERTIFICAT_MEDICAL", "Certificat médical (R217-1)", "CPP art. R217-1", ["EXPERT"], true),
  type("AUDITION_ENFANT", "Audition d'enfant (A43-13)", "CPP art. R221-1, A43-13, A43-14", ["ENQUETEUR_SOCIAL", "AUTRE"], true),
  type("EXPERTISE_PSYCHIATRIQUE_PENAL_INSTRUCTION", "Expertise psychiatrique - pénal - instruction", "CPP art. R117", ["EXPERT"], false),
  type("EXPERTISE_MEDICALE", "Expertise médicale", "CPP art. R117", ["EXPERT"], false),
  type("ANALYSE_LABORATOIRE", "Analyse de laboratoire", "CPP art. R92", ["LABORATOIRE", "EXPERT"], false),
  type("GARDIENNAGE_SCELLES", "Gardiennage de scellés", "CPP art. R92", ["GARDIEN_SCELLES"], false),
  type("FRAIS_FOURRIERE", "Frais de fourrière", "CPP art. R92", ["GARDIEN_FOURRIERE"], false),
  type("AUTRE", "Autre", "CPP art. R92, R93", CATEGORIES_PRESTATAIRE, false),
];

/** The type de prestation with this code, if it exists. */
export const typePrestation = (code: string): Option.Option<TypePrestation> =>
  Option.fromNullable(TYPES_PRESTATION.find((t) => t.code === code));

/** Whether the type de prestation with this code is tariffed (an unknown code is not). */
export const estTarife = (code: string): boolean => Option.exists(typePrestation(code), (t) => t.tarife);
