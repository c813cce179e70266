import { Schema } from "effect";
import { TypeObjet } from "../categorie/index.js";
import { EtatTicket, TYPES_EVENEMENT, type Ticket } from "./ticket.model.js";
import { EmetteurSaisie, PieceJointeTicketSaisie } from "./ticket.saisie.js";

const exacte = <S extends Schema.Schema.Any>(s: S) => Schema.optionalWith(s, { exact: true });

/** Schema of a queue (encoded as plain JSON). */
export const FileTicketSchema = Schema.Union(
  Schema.Struct({ _tag: Schema.Literal("SupportNational") }),
  Schema.Struct({
    _tag: Schema.Literal("ServiceMetier"),
    juridiction: Schema.Struct({ code: Schema.String, libelle: Schema.String, courAppel: Schema.String }),
  }),
);

/** Schema of the author of a journal row. */
export const AuteurJournalSchema = Schema.Union(
  Schema.Struct({ _tag: Schema.Literal("Demandeur"), id: Schema.String }),
  Schema.Struct({ _tag: Schema.Literal("Agent"), id: Schema.String }),
  Schema.Struct({ _tag: Schema.Literal("Systeme") }),
);

/** Schema of a journal row; dates encoded as ISO strings. */
export const EntreeJournalSchema = Schema.Struct({
  id: Schema.String,
  type: Schema.Literal(...TYPES_EVENEMENT),
  le: Schema.Date,
  auteur: AuteurJournalSchema,
  etatAvant: exacte(EtatTicket),
  etatApres: EtatTicket,
  visibilite: Schema.Literal("PUBLIQUE", "INTERNE"),
  texte: exacte(Schema.String),
  pieceJointe: exacte(PieceJointeTicketSaisie),
  agentId: exacte(Schema.String),
  fileAvant: exacte(FileTicketSchema),
  fileApres: exacte(FileTicketSchema),
});

const libelle = Schema.Struct({ code: Schema.String, libelle: Schema.String });

/**
 * Schema of a stored ticket: what the persistence adapter encodes to JSON/columns and decodes (and so
 * validates) on the way back in. Its type is exactly {@link Ticket} (checked at compile time).
 */
export const TicketSchema = Schema.Struct({
  id: Schema.String,
  numero: Schema.String.pipe(Schema.pattern(/^CPROCS\d{7}$/)),
  etat: EtatTicket,
  structureId: Schema.String,
  serviceId: exacte(Schema.String),
  demandeurId: Schema.String,
  versionReferentiel: Schema.String,
  categorie: libelle,
  sousCategorie: libelle,
  objet: Schema.Struct({ type: TypeObjet, numero: exacte(Schema.String) }),
  emetteur: EmetteurSaisie,
  file: FileTicketSchema,
  titre: Schema.String,
  description: Schema.String,
  piecesJointes: Schema.Array(PieceJointeTicketSaisie),
  agentId: exacte(Schema.String),
  creeLe: Schema.Date,
  soumisLe: exacte(Schema.Date),
  resoluLe: exacte(Schema.Date),
  relanceLe: exacte(Schema.Date),
  clotureLe: exacte(Schema.Date),
  cloture: exacte(Schema.Literal("SOLUTION_ACCEPTEE", "DEMANDEUR", "AGENT", "AUTOMATIQUE")),
  modifieLe: Schema.Date,
  version: Schema.Int,
  journal: Schema.Array(EntreeJournalSchema),
});

/** The stored (encoded) form of a ticket: plain JSON. */
export type TicketEncode = typeof TicketSchema.Encoded;

// Compile-time check that the schema and the interface describe the same thing.
type Egal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _memeType: Egal<typeof TicketSchema.Type, Ticket> = true;
void _memeType;
