import { depuisParseError } from "@frais-justice/core";
import {
  normaliser,
  TicketSchema,
  type EntreeJournal,
  type FileTicket,
  type PieceJointeTicket,
  type Ticket,
} from "@frais-justice/support";
import { Either } from "effect";
import { lireEntier, lireInstant } from "../base/sql.js";
import { DonneesCorrompues } from "../memoire/memoire.errors.js";
import { decodeurStocke } from "../base/decodage.js";

/** A row as read by `SELECT col AS "prop"` (values as the driver returns them). */
export type LigneBrute = Readonly<Record<string, unknown>>;

/** The rows of one ticket, keyed by property name (`ticketId` for the many-to-one). */
export interface LignesTicket {
  readonly ticket: Record<string, unknown>;
  readonly pieces: ReadonlyArray<Record<string, unknown>>;
  readonly entrees: ReadonlyArray<Record<string, unknown>>;
}

const NATIONAL = "NATIONAL";

/** The key of a queue in `ticket.file_cle`: `NATIONAL`, or the juridiction code of the service métier. */
export const cleDeFile = (file: FileTicket): string => (file._tag === "SupportNational" ? NATIONAL : file.juridiction.code);

const json = (v: unknown): string => JSON.stringify(v);

/** The folded text the requester's keyword search reads: number, titre, description, N° objet, public texts. */
export const recherchePublique = (ticket: Ticket): string =>
  [ticket.numero, ticket.titre, ticket.description, ticket.objet.numero ?? "", ...ticket.journal.flatMap((e) => (e.visibilite === "PUBLIQUE" && e.texte !== undefined ? [e.texte] : []))]
    .map(normaliser)
    .join("\n");

/** The folded text the agents' search reads: the same with internal notes. */
export const rechercheAgents = (ticket: Ticket): string =>
  [ticket.numero, ticket.titre, ticket.description, ticket.objet.numero ?? "", ...ticket.journal.flatMap((e) => (e.texte === undefined ? [] : [e.texte]))].map(normaliser).join("\n");

/** The `ticket` row of a ticket (property names of `TicketRow`). */
export const ticketVersLigne = (t: Ticket): Record<string, unknown> => ({
  id: t.id,
  numero: t.numero,
  etat: t.etat,
  version: t.version,
  structureId: t.structureId,
  serviceId: t.serviceId ?? null,
  demandeurId: t.demandeurId,
  versionReferentiel: t.versionReferentiel,
  categorieCode: t.categorie.code,
  categorieLibelle: t.categorie.libelle,
  sousCategorieCode: t.sousCategorie.code,
  sousCategorieLibelle: t.sousCategorie.libelle,
  objetType: t.objet.type,
  objetNumero: t.objet.numero ?? null,
  emetteur: json(t.emetteur),
  fileCle: cleDeFile(t.file),
  fileJuridictionLibelle: t.file._tag === "ServiceMetier" ? t.file.juridiction.libelle : null,
  fileCourAppel: t.file._tag === "ServiceMetier" ? t.file.juridiction.courAppel : null,
  titre: t.titre,
  description: t.description,
  agentId: t.agentId ?? null,
  creeLe: t.creeLe,
  soumisLe: t.soumisLe ?? null,
  ouvertLe: t.soumisLe ?? t.creeLe,
  resoluLe: t.resoluLe ?? null,
  relanceLe: t.relanceLe ?? null,
  clotureLe: t.clotureLe ?? null,
  cloture: t.cloture ?? null,
  modifieLe: t.modifieLe,
  nombreEntrees: t.journal.length,
  recherchePublique: recherchePublique(t),
  rechercheAgents: rechercheAgents(t),
});

/** The `piece_jointe_ticket` rows of the ticket's attachment list. */
export const piecesVersLignes = (t: Ticket): ReadonlyArray<Record<string, unknown>> =>
  t.piecesJointes.map((p, i) => ({
    id: `${t.id}:${i + 1}`,
    ticketId: t.id,
    rang: i + 1,
    pieceId: p.id,
    nomFichier: p.nomFichier,
    typeContenu: p.typeContenu,
    taille: p.taille,
    empreinte: p.empreinte,
  }));

/** The `entree_journal_ticket` row of a journal row at `rang` (1-based). */
export const entreeVersLigne = (ticketId: string, e: EntreeJournal, rang: number): Record<string, unknown> => ({
  id: e.id,
  ticketId,
  rang,
  type: e.type,
  le: e.le,
  auteurType: e.auteur._tag,
  auteurId: e.auteur._tag === "Systeme" ? null : e.auteur.id,
  etatAvant: e.etatAvant ?? null,
  etatApres: e.etatApres,
  visibilite: e.visibilite,
  texte: e.texte ?? null,
  pieceJointe: e.pieceJointe === undefined ? null : json(e.pieceJointe),
  agentId: e.agentId ?? null,
  fileAvant: e.fileAvant === undefined ? null : json(e.fileAvant),
  fileApres: e.fileApres === undefined ? null : json(e.fileApres),
});

/** Every row of a ticket. */
export const versLignes = (t: Ticket): LignesTicket => ({
  ticket: ticketVersLigne(t),
  pieces: piecesVersLignes(t),
  entrees: t.journal.map((e, i) => entreeVersLigne(t.id, e, i + 1)),
});

// -------------------------------------------------------------------------------------------------
// Reading: rebuild the encoded form and decode it with the domain's Schema.

class Illisible extends Error {
  constructor(
    readonly chemin: string,
    raison: string,
  ) {
    super(raison);
  }
}

const present = (v: unknown): boolean => v !== null && v !== undefined;
const chaine = (v: unknown): string => (typeof v === "string" ? v : String(v));
const iso = (v: unknown, chemin: string): string => {
  try {
    const d = lireInstant(v);
    if (Number.isNaN(d.getTime())) throw new Error("date invalide");
    return d.toISOString();
  } catch {
    throw new Illisible(chemin, `instant illisible : ${String(v)}`);
  }
};
const lireJson = (v: unknown, chemin: string): unknown => {
  try {
    return JSON.parse(chaine(v)) as unknown;
  } catch {
    throw new Illisible(chemin, "JSON illisible");
  }
};
const optionnel = <A>(cle: string, v: unknown, f: (v: unknown) => A): Record<string, A> => (present(v) ? { [cle]: f(v) } : {});

/** The queue from its columns. */
export const fileDepuisColonnes = (cle: unknown, libelle: unknown, courAppel: unknown): unknown =>
  cle === NATIONAL
    ? { _tag: "SupportNational" }
    : { _tag: "ServiceMetier", juridiction: { code: chaine(cle), libelle: present(libelle) ? chaine(libelle) : undefined, courAppel: present(courAppel) ? chaine(courAppel) : undefined } };

/** The encoded header of a ticket (everything but the journal and the attachments) from its row. */
const enteteEncode = (r: LigneBrute) => ({
  id: chaine(r["id"]),
  numero: chaine(r["numero"]),
  etat: r["etat"],
  structureId: chaine(r["structureId"]),
  ...optionnel("serviceId", r["serviceId"], chaine),
  demandeurId: chaine(r["demandeurId"]),
  versionReferentiel: chaine(r["versionReferentiel"]),
  categorie: { code: chaine(r["categorieCode"]), libelle: chaine(r["categorieLibelle"]) },
  sousCategorie: { code: chaine(r["sousCategorieCode"]), libelle: chaine(r["sousCategorieLibelle"]) },
  objet: { type: r["objetType"], ...optionnel("numero", r["objetNumero"], chaine) },
  emetteur: lireJson(r["emetteur"], "emetteur"),
  file: fileDepuisColonnes(r["fileCle"], r["fileJuridictionLibelle"], r["fileCourAppel"]),
  titre: chaine(r["titre"]),
  description: chaine(r["description"]),
  ...optionnel("agentId", r["agentId"], chaine),
  creeLe: iso(r["creeLe"], "creeLe"),
  ...optionnel("soumisLe", r["soumisLe"], (v) => iso(v, "soumisLe")),
  ...optionnel("resoluLe", r["resoluLe"], (v) => iso(v, "resoluLe")),
  ...optionnel("relanceLe", r["relanceLe"], (v) => iso(v, "relanceLe")),
  ...optionnel("clotureLe", r["clotureLe"], (v) => iso(v, "clotureLe")),
  ...optionnel("cloture", r["cloture"], (v) => v),
  modifieLe: iso(r["modifieLe"], "modifieLe"),
  version: lireEntier(r["version"]),
});

const entreeEncodee = (e: LigneBrute, i: number) => {
  const chemin = `journal[${i}]`;
  const auteurType = e["auteurType"];
  return {
    id: chaine(e["id"]),
    type: e["type"],
    le: iso(e["le"], `${chemin}.le`),
    auteur: auteurType === "Systeme" ? { _tag: "Systeme" } : { _tag: auteurType, id: present(e["auteurId"]) ? chaine(e["auteurId"]) : undefined },
    ...optionnel("etatAvant", e["etatAvant"], (v) => v),
    etatApres: e["etatApres"],
    visibilite: e["visibilite"],
    ...optionnel("texte", e["texte"], chaine),
    ...optionnel("pieceJointe", e["pieceJointe"], (v) => lireJson(v, `${chemin}.pieceJointe`)),
    ...optionnel("agentId", e["agentId"], chaine),
    ...optionnel("fileAvant", e["fileAvant"], (v) => lireJson(v, `${chemin}.fileAvant`)),
    ...optionnel("fileApres", e["fileApres"], (v) => lireJson(v, `${chemin}.fileApres`)),
  };
};

const pieceEncodee = (p: LigneBrute) => ({
  id: chaine(p["pieceId"]),
  nomFichier: chaine(p["nomFichier"]),
  typeContenu: p["typeContenu"],
  taille: lireEntier(p["taille"]),
  empreinte: chaine(p["empreinte"]),
});

const decoderTicket = decodeurStocke(TicketSchema);
const EnteteSchema = TicketSchema.omit("journal", "piecesJointes");
const decoderEntete = decodeurStocke(EnteteSchema);

/** A ticket's header as the lists read it (decoded by the domain's Schema, without journal or attachments). */
export type EnteteTicket = Omit<Ticket, "journal" | "piecesJointes">;

const corrompu = (id: string) => (e: Parameters<typeof depuisParseError>[0]) => new DonneesCorrompues({ table: "ticket", id, erreurs: depuisParseError(e).erreurs });

const proteger = <A>(id: string, f: () => Either.Either<A, DonneesCorrompues>): Either.Either<A, DonneesCorrompues> => {
  try {
    return f();
  } catch (e) {
    if (e instanceof Illisible) return Either.left(new DonneesCorrompues({ table: "ticket", id, erreurs: [{ chemin: e.chemin, raison: e.message }] }));
    throw e;
  }
};

/**
 * Rebuilds a ticket from its rows and decodes it with the domain's `TicketSchema`: a row breaking an
 * invariant (an unknown state, a number out of format, a bad e-mail, a journal with a gap) is
 * `DonneesCorrompues` naming every offending field, never a half-valid ticket.
 */
export const depuisLignes = (t: LigneBrute, pieces: ReadonlyArray<LigneBrute>, entrees: ReadonlyArray<LigneBrute>): Either.Either<Ticket, DonneesCorrompues> => {
  const id = chaine(t["id"]);
  return proteger(id, () => {
    const attendu = lireEntier(t["nombreEntrees"]);
    const rangs = entrees.map((e) => lireEntier(e["rang"]));
    if (rangs.length !== attendu || rangs.some((r, i) => r !== i + 1)) {
      return Either.left(
        new DonneesCorrompues({ table: "entree_journal_ticket", id, erreurs: [{ chemin: "journal", raison: `rangs ${rangs.join(",")} au lieu de 1..${attendu}` }] }),
      );
    }
    const encode = { ...enteteEncode(t), piecesJointes: pieces.map(pieceEncodee), journal: entrees.map(entreeEncodee) };
    return Either.mapLeft(decoderTicket(encode), corrompu(id));
  });
};

/** Decodes the header of a ticket row (lists, dashboard rows) with the domain's Schema. */
export const enteteDepuisLigne = (t: LigneBrute): Either.Either<EnteteTicket, DonneesCorrompues> => {
  const id = chaine(t["id"]);
  return proteger(id, () => Either.mapLeft(decoderEntete(enteteEncode(t)), corrompu(id)));
};

/** A piece of the list or of the journal, by id. */
export const trouverPiece = (t: Ticket, pieceId: string): PieceJointeTicket | undefined =>
  t.piecesJointes.find((p) => p.id === pieceId) ?? t.journal.find((e) => e.pieceJointe?.id === pieceId)?.pieceJointe;
