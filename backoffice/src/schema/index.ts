import { CompteurSchema, EvenementMemoireSchema, FichierSchema, LignePrestationSchema, MemoireSchema, PieceJointeSchema, TableauDeBordSchema } from "./memoire.schema.js";

export * from "./memoire.schema.js";

/** Every table of the backoffice, in dependency order. */
export const ENTITES = [
  MemoireSchema,
  LignePrestationSchema,
  PieceJointeSchema,
  EvenementMemoireSchema,
  TableauDeBordSchema,
  CompteurSchema,
  FichierSchema,
] as const;
