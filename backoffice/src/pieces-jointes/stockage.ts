import { TAILLE_MAX_PIECE_JOINTE_OCTETS, type TypeContenu } from "@frais-justice/core/memoire";
import { Data, Either } from "effect";
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { RACINE_BACKOFFICE } from "../base/configuration.js";
import type { Sql } from "../base/sql.js";

/**
 * Content-addressed store of attachments: the bytes live on disk under their SHA-256 (hex), in two
 * levels of fan-out directories (`ab/cd/abcd…`), the metadata in the `fichier` table. The path is
 * derived from the digest only — never from a user-supplied name — so no input can reach outside the
 * root. Identical files are stored once. Writes go to a temporary file then `rename` (atomic).
 */

/** An attachment refused before storage: empty, over 4096 KB, or not a PDF/PNG/JPEG/ODT/DOCX by its bytes. */
export class PieceRefusee extends Data.TaggedError("PieceRefusee")<{
  readonly raison: "VIDE" | "TROP_GRANDE" | "TYPE_NON_RECONNU";
  readonly taille: number;
}> {
  override get message(): string {
    switch (this.raison) {
      case "VIDE":
        return "fichier vide";
      case "TROP_GRANDE":
        return `fichier de ${this.taille} octets : 4096 Ko (${TAILLE_MAX_PIECE_JOINTE_OCTETS} octets) au plus`;
      case "TYPE_NON_RECONNU":
        return "type de fichier non accepté (PDF, PNG, JPEG, ODT ou DOCX, reconnus à leur contenu)";
    }
  }
}

/** A digest that is not 64 lowercase hexadecimal characters (it can name no stored file). */
export class EmpreinteInvalide extends Data.TaggedError("EmpreinteInvalide")<{ readonly empreinte: string }> {
  override get message(): string {
    return `empreinte invalide (64 caractères hexadécimaux attendus) : ${JSON.stringify(this.empreinte.slice(0, 80))}`;
  }
}

/** No file has this digest. */
export class FichierIntrouvable extends Data.TaggedError("FichierIntrouvable")<{ readonly empreinte: string }> {
  override get message(): string {
    return `aucun fichier ${this.empreinte}`;
  }
}

/** The stored bytes no longer hash to their name (disk corruption, tampering). */
export class FichierAltere extends Data.TaggedError("FichierAltere")<{ readonly empreinte: string }> {
  override get message(): string {
    return `le fichier ${this.empreinte} ne correspond plus à son empreinte`;
  }
}

/** What the store returns: what the mémoire's `PieceJointe` records. */
export interface FichierStocke {
  readonly empreinte: string;
  readonly taille: number;
  readonly typeContenu: TypeContenu;
}

const commencePar = (octets: Uint8Array, signature: ReadonlyArray<number>, decalage = 0): boolean =>
  octets.length >= decalage + signature.length && signature.every((b, i) => octets[decalage + i] === b);

const contient = (octets: Uint8Array, texte: string): boolean => Buffer.from(octets.buffer, octets.byteOffset, octets.byteLength).includes(texte, 0, "latin1");

const ODT = "application/vnd.oasis.opendocument.text";

/**
 * The content type from the bytes' magic numbers: `%PDF-`, the PNG signature, `FF D8 FF` (JPEG), and
 * for a ZIP (`PK\x03\x04`): an ODT starts with an uncompressed `mimetype` entry naming its type; a DOCX
 * lists `[Content_Types].xml` and `word/document.xml`. `undefined` for anything else.
 */
export const detecterTypeContenu = (octets: Uint8Array): TypeContenu | undefined => {
  if (commencePar(octets, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf";
  if (commencePar(octets, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (commencePar(octets, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (commencePar(octets, [0x50, 0x4b, 0x03, 0x04])) {
    const debut = Buffer.from(octets.buffer, octets.byteOffset, Math.min(octets.byteLength, 30 + 8 + ODT.length)).toString("latin1");
    if (debut.slice(30, 38) === "mimetype" && debut.slice(38) === ODT) return ODT;
    if (contient(octets, "[Content_Types].xml") && contient(octets, "word/document.xml")) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  }
  return undefined;
};

const EMPREINTE = /^[0-9a-f]{64}$/;

/** The attachment store's folder when none is given: `FJ_PIECES_DIR`, or `backoffice/data/pieces`. */
export const dossierPiecesParDefaut = (): string => process.env["FJ_PIECES_DIR"] ?? resolve(RACINE_BACKOFFICE, "data", "pieces");

/** The store rooted at a directory (e.g. `backoffice/data/pieces`). */
export class StockagePieces {
  constructor(readonly racine: string) {}

  /** Path of a digest: `racine/ab/cd/abcd…`. Only a validated digest reaches this function. */
  private chemin(empreinte: string): string {
    return join(this.racine, empreinte.slice(0, 2), empreinte.slice(2, 4), empreinte);
  }

  /** Checks and stores bytes; records the metadata through `sql` when given (idempotent). */
  async deposer(octets: Uint8Array, sql?: Sql, maintenant: Date = new Date()): Promise<Either.Either<FichierStocke, PieceRefusee>> {
    if (octets.byteLength === 0) return Either.left(new PieceRefusee({ raison: "VIDE", taille: 0 }));
    if (octets.byteLength > TAILLE_MAX_PIECE_JOINTE_OCTETS) return Either.left(new PieceRefusee({ raison: "TROP_GRANDE", taille: octets.byteLength }));
    const typeContenu = detecterTypeContenu(octets);
    if (typeContenu === undefined) return Either.left(new PieceRefusee({ raison: "TYPE_NON_RECONNU", taille: octets.byteLength }));
    const empreinte = createHash("sha256").update(octets).digest("hex");
    const chemin = this.chemin(empreinte);
    const existe = await stat(chemin).then(
      (s) => s.size === octets.byteLength,
      () => false,
    );
    if (!existe) {
      await mkdir(join(this.racine, empreinte.slice(0, 2), empreinte.slice(2, 4)), { recursive: true });
      const temporaire = `${chemin}.${randomBytes(6).toString("hex")}.tmp`;
      await writeFile(temporaire, octets, { flag: "wx" });
      try {
        await rename(temporaire, chemin);
      } catch (e) {
        await unlink(temporaire).catch(() => undefined);
        throw e;
      }
    }
    if (sql !== undefined) {
      await sql.lignes("INSERT INTO fichier (empreinte, taille, type_contenu, cree_le) VALUES (?, ?, ?, ?) ON CONFLICT (empreinte) DO NOTHING", [
        empreinte,
        octets.byteLength,
        typeContenu,
        maintenant,
      ]);
    }
    return Either.right({ empreinte, taille: octets.byteLength, typeContenu });
  }

  /** Reads the bytes of a digest, checking they still hash to it. */
  async lire(empreinte: string): Promise<Either.Either<Uint8Array, EmpreinteInvalide | FichierIntrouvable | FichierAltere>> {
    if (!EMPREINTE.test(empreinte)) return Either.left(new EmpreinteInvalide({ empreinte }));
    const octets = await readFile(this.chemin(empreinte)).catch(() => undefined);
    if (octets === undefined) return Either.left(new FichierIntrouvable({ empreinte }));
    if (createHash("sha256").update(octets).digest("hex") !== empreinte) return Either.left(new FichierAltere({ empreinte }));
    return Either.right(new Uint8Array(octets));
  }
}
