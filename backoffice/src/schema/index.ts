import { ENTITES_BACKOFFICE } from "../admin/acces/acces.schema.js";
import { ENTITES_API } from "./api.schema.js";
import { ENTITES_ORGANISATION } from "./organisation.schema.js";
import { ENTITES_SUPPORT } from "./support.schema.js";
import { ENTITES_FLUX } from "./flux.schema.js";
import {
  CompteurSchema,
  EvenementMemoireSchema,
  FichierSchema,
  LignePrestationSchema,
  MemoireSchema,
  NotificationMemoireSchema,
  PieceJointeSchema,
  TableauDeBordNationalSchema,
  TableauDeBordSchema,
} from "./memoire.schema.js";

export * from "./memoire.schema.js";
export * from "./organisation.schema.js";
export * from "./api.schema.js";

/** Every table of the backoffice, in dependency order. */
export const ENTITES = [
  MemoireSchema,
  LignePrestationSchema,
  PieceJointeSchema,
  EvenementMemoireSchema,
  NotificationMemoireSchema,
  TableauDeBordSchema,
  TableauDeBordNationalSchema,
  CompteurSchema,
  FichierSchema,
  ...ENTITES_ORGANISATION,
  ...ENTITES_BACKOFFICE,
  ...ENTITES_SUPPORT,
  ...ENTITES_FLUX,
  ...ENTITES_API,
] as const;
