import { Schema } from "effect";
import { TypeContenu, EmpreinteSha256 } from "@frais-justice/core/memoire";
import { TAILLE_MAX_PIECE_JOINTE } from "./ticket.model.js";

const texte = (nom: string, max: number) =>
  Schema.String.pipe(
    Schema.maxLength(max, { message: () => `${nom} : ${max} caractères au plus` }),
  );
const texteNonVide = (nom: string, max: number) =>
  Schema.Trim.pipe(
    Schema.minLength(1, { message: () => `${nom} : obligatoire` }),
    Schema.maxLength(max, { message: () => `${nom} : ${max} caractères au plus` }),
  );

/** An e-mail address, loosely checked (one `@`, a dot in the domain). */
export const EmailContact = Schema.Trim.pipe(
  Schema.pattern(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { message: () => "adresse e-mail invalide" }),
);

/**
 * An attachment as the adapter describes it after storing the bytes: same rules as a mémoire's
 * pièce jointe (PDF/PNG/JPEG/ODT/DOCX found from the bytes, 1 byte to 4096 KB, SHA-256 digest).
 */
export const PieceJointeTicketSaisie = Schema.Struct({
  id: texteNonVide("identifiant", 100),
  nomFichier: texteNonVide("nom du fichier", 255),
  typeContenu: TypeContenu.annotations({
    message: () => ({ message: "format refusé : PDF, PNG, JPEG, ODT ou DOCX attendu", override: true }),
  }),
  taille: Schema.Int.pipe(
    Schema.filter((n) => (n > 0 && n <= TAILLE_MAX_PIECE_JOINTE) || `taille : entre 1 octet et 4096 Ko (${TAILLE_MAX_PIECE_JOINTE} octets)`),
  ),
  empreinte: EmpreinteSha256,
});

/** The émetteur block (seed 001): identifiant de l'organisation and contact e-mail are mandatory. */
export const EmetteurSaisie = Schema.Struct({
  organisation: texteNonVide("identifiant de l'organisation", 50),
  designation: Schema.optionalWith(texte("désignation", 200), { exact: true }),
  service: Schema.optionalWith(texte("service", 200), { exact: true }),
  email: EmailContact,
  telephone: Schema.optionalWith(
    Schema.Trim.pipe(Schema.pattern(/^\+?[0-9 .()-]{6,20}$/, { message: () => "numéro de téléphone invalide" })),
    { exact: true },
  ),
});

/**
 * The creation form of a ticket (seed 001 "Créer un ticket"). `brouillon: true` keeps it as a draft
 * (titre and description may then be empty; they are required to submit).
 */
export const TicketSaisie = Schema.Struct({
  structureId: texteNonVide("structure", 100),
  serviceId: Schema.optionalWith(texteNonVide("service", 100), { exact: true }),
  categorie: texteNonVide("catégorie", 100),
  sousCategorie: texteNonVide("sous-catégorie", 100),
  numeroObjet: Schema.optionalWith(texte("N° objet", 50), { exact: true }),
  emetteur: EmetteurSaisie,
  titre: Schema.optionalWith(texte("titre", 200), { exact: true }),
  description: Schema.optionalWith(texte("description", 10_000), { exact: true }),
  piecesJointes: Schema.optionalWith(Schema.Array(PieceJointeTicketSaisie), { exact: true }),
  brouillon: Schema.optionalWith(Schema.Boolean, { exact: true }),
});
export type TicketSaisie = typeof TicketSaisie.Encoded;

const textePublic = Schema.String.pipe(Schema.maxLength(10_000, { message: () => "texte : 10 000 caractères au plus" }));
const avecTexte = <T extends string>(type: T) => Schema.Struct({ type: Schema.Literal(type), texte: textePublic });
const texteFacultatif = <T extends string>(type: T) =>
  Schema.Struct({ type: Schema.Literal(type), texte: Schema.optionalWith(textePublic, { exact: true }) });
const sansTexte = <T extends string>(type: T) => Schema.Struct({ type: Schema.Literal(type) });

/**
 * The payload of a command on an existing ticket (the actor is passed beside it). Decoding checks
 * shapes and sizes; whether a text is required is a rule of the event (`texteAbsent`).
 */
export const CommandeSaisie = Schema.Union(
  Schema.Struct({
    type: Schema.Literal("ticket.modifier-brouillon"),
    titre: Schema.optionalWith(texte("titre", 200), { exact: true }),
    description: Schema.optionalWith(texte("description", 10_000), { exact: true }),
    piecesJointes: Schema.optionalWith(Schema.Array(PieceJointeTicketSaisie), { exact: true }),
  }),
  sansTexte("ticket.soumettre"),
  sansTexte("ticket.affecter"),
  avecTexte("ticket.demander-informations"),
  avecTexte("ticket.completer"),
  avecTexte("ticket.proposer-solution"),
  texteFacultatif("ticket.accepter-solution"),
  avecTexte("ticket.refuser-solution"),
  texteFacultatif("ticket.transferer"),
  texteFacultatif("ticket.cloturer"),
  avecTexte("ticket.commenter"),
  avecTexte("ticket.noter"),
  Schema.Struct({ type: Schema.Literal("ticket.joindre"), pieceJointe: PieceJointeTicketSaisie }),
  sansTexte("ticket.relancer"),
  sansTexte("ticket.cloturer-automatiquement"),
);
export type CommandeSaisie = typeof CommandeSaisie.Encoded;
