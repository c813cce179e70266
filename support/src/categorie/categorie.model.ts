import { Schema } from "effect";

/**
 * What a ticket is about (seed 001, "Type d'objet"): a mémoire (its MJ number goes in "N° objet"),
 * an invoice, a structure, or nothing in particular (account, access questions).
 */
export const TypeObjet = Schema.Literal("MEMOIRE", "FACTURE", "STRUCTURE", "AUCUN");
export type TypeObjet = typeof TypeObjet.Type;
/** Every type d'objet. */
export const TYPES_OBJET: ReadonlyArray<TypeObjet> = TypeObjet.literals;

/** French label of each type d'objet, as the creation form shows it. */
export const LIBELLES_TYPE_OBJET: { readonly [T in TypeObjet]: string } = {
  MEMOIRE: "Mémoire de frais de justice",
  FACTURE: "Facture",
  STRUCTURE: "Structure",
  AUCUN: "Aucun",
};

/**
 * How a sous-catégorie is routed (DOMAIN.md §5): to the service métier of the juridiction the
 * object is addressed to ("M - …" topics), or to the national support queue.
 */
export type Routage = "SERVICE_METIER" | "SUPPORT_NATIONAL";

/** A sous-catégorie: its code, its label, the type d'objet it takes, its routing. */
export interface SousCategorie {
  readonly code: string;
  readonly libelle: string;
  readonly typeObjet: TypeObjet;
  readonly routage: Routage;
}

/** A catégorie and its sous-catégories (the second level of the tree). */
export interface Categorie {
  readonly code: string;
  readonly libelle: string;
  readonly sousCategories: ReadonlyArray<SousCategorie>;
}

/**
 * One dated version of the catégories tree (reference data: it changes without a code change).
 * `applicableLe` is the first day (ISO date) tickets are created with it.
 */
export interface ReferentielCategories {
  readonly version: string;
  readonly applicableLe: string;
  /** Where the tree comes from. */
  readonly source: string;
  readonly categories: ReadonlyArray<Categorie>;
}

/** A juridiction a ticket can be routed to: code, label and cour d'appel (as the mémoire carries it). */
export interface JuridictionFile {
  readonly code: string;
  readonly libelle: string;
  readonly courAppel: string;
}

/**
 * Where a ticket is handled (a queue): the national support, or the service métier of one
 * juridiction. Agents see a queue when `autoriser(agent, "ticket.traiter", cibleDeLaFile(file))` grants it.
 */
export type FileTicket =
  | { readonly _tag: "SupportNational" }
  | { readonly _tag: "ServiceMetier"; readonly juridiction: JuridictionFile };
