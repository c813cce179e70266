import { Either } from "effect";
import fc from "fast-check";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { detecterTypeContenu, StockagePieces } from "./stockage.js";

const racine = mkdtempSync(join(tmpdir(), "fj-pieces-"));
afterAll(() => rmSync(racine, { recursive: true, force: true }));

const octets = (...xs: ReadonlyArray<number | string>): Uint8Array =>
  new Uint8Array(Buffer.concat(xs.map((x) => (typeof x === "string" ? Buffer.from(x, "latin1") : Buffer.from([x])))));

const zipEntree = (nom: string, contenu: string) => octets(0x50, 0x4b, 0x03, 0x04, "\0".repeat(22), nom.length, 0, 0, 0, nom, contenu);

const PDF = octets("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF\n");
const PNG = octets(0x89, "PNG", 0x0d, 0x0a, 0x1a, 0x0a, "\0\0\0\rIHDR");
const JPEG = octets(0xff, 0xd8, 0xff, 0xe0, "\0\x10JFIF\0");
const ODT = zipEntree("mimetype", "application/vnd.oasis.opendocument.text");
const DOCX = new Uint8Array(Buffer.concat([zipEntree("[Content_Types].xml", "<Types/>"), octets("PK\x01\x02 word/document.xml")]));

describe("content type from the bytes", () => {
  it("recognises PDF, PNG, JPEG, ODT and DOCX by their magic numbers", () => {
    expect(detecterTypeContenu(PDF)).toBe("application/pdf");
    expect(detecterTypeContenu(PNG)).toBe("image/png");
    expect(detecterTypeContenu(JPEG)).toBe("image/jpeg");
    expect(detecterTypeContenu(ODT)).toBe("application/vnd.oasis.opendocument.text");
    expect(detecterTypeContenu(DOCX)).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  });
  it("refuses anything else, whatever its name would say", () => {
    expect(detecterTypeContenu(octets("<html>%PDF-"))).toBeUndefined();
    expect(detecterTypeContenu(octets("MZ\x90\0"))).toBeUndefined(); // an executable
    expect(detecterTypeContenu(zipEntree("mimetype", "application/epub+zip"))).toBeUndefined();
    expect(detecterTypeContenu(octets(0x50, 0x4b, 0x03, 0x04, "random zip"))).toBeUndefined();
  });
});

describe("content-addressed store", () => {
  const stockage = new StockagePieces(racine);

  it("stores under the SHA-256 in fan-out directories, once, and reads the same bytes", async () => {
    const a = Either.getOrThrow(await stockage.deposer(PDF));
    expect(a.empreinte).toMatch(/^[0-9a-f]{64}$/);
    expect(a).toMatchObject({ taille: PDF.byteLength, typeContenu: "application/pdf" });
    const b = Either.getOrThrow(await stockage.deposer(PDF));
    expect(b.empreinte).toBe(a.empreinte);
    const fichiers = readdirSync(join(racine, a.empreinte.slice(0, 2), a.empreinte.slice(2, 4)));
    expect(fichiers).toEqual([a.empreinte]);
    expect(Buffer.from(Either.getOrThrow(await stockage.lire(a.empreinte)))).toEqual(Buffer.from(PDF));
  });

  it("refuses empty, oversized (> 4096 KB) and unrecognised files", async () => {
    const vide = await stockage.deposer(new Uint8Array(0));
    expect(Either.isLeft(vide) && vide.left.raison).toBe("VIDE");
    const gros = new Uint8Array(4096 * 1024 + 1);
    gros.set(PDF);
    const trop = await stockage.deposer(gros);
    expect(Either.isLeft(trop) && trop.left.raison).toBe("TROP_GRANDE");
    const limite = new Uint8Array(4096 * 1024);
    limite.set(PDF);
    expect(Either.isRight(await stockage.deposer(limite))).toBe(true);
    const inconnu = await stockage.deposer(octets("#!/bin/sh\nrm -rf /\n"));
    expect(Either.isLeft(inconnu) && inconnu.left.raison).toBe("TYPE_NON_RECONNU");
  });

  it("detects a stored file altered on disk", async () => {
    const a = Either.getOrThrow(await stockage.deposer(PNG));
    writeFileSync(join(racine, a.empreinte.slice(0, 2), a.empreinte.slice(2, 4), a.empreinte), octets(0x89, "PNG altered"));
    const lu = await stockage.lire(a.empreinte);
    expect(Either.isLeft(lu) && lu.left._tag).toBe("FichierAltere");
  });

  it("makes path traversal impossible: only a 64-hex digest names a file", async () => {
    const secret = join(racine, "..", `fj-secret-${process.pid}`);
    writeFileSync(secret, PDF);
    try {
      for (const tentative of ["../../etc/passwd", `../${relative(join(racine, ".."), secret)}`, "/etc/passwd", "..%2f..%2fetc%2fpasswd", "a".repeat(63) + "/", "A".repeat(64), "", "ab/cd/../../..", "\0".repeat(64)]) {
        const lu = await stockage.lire(tentative);
        expect(Either.isLeft(lu) && lu.left._tag, tentative).toBe("EmpreinteInvalide");
      }
      await fc.assert(
        fc.asyncProperty(fc.string({ maxLength: 80 }), async (s) => {
          const lu = await stockage.lire(s);
          return /^[0-9a-f]{64}$/.test(s) ? Either.isLeft(lu) && lu.left._tag === "FichierIntrouvable" : Either.isLeft(lu) && lu.left._tag === "EmpreinteInvalide";
        }),
        { numRuns: 300 },
      );
    } finally {
      rmSync(secret, { force: true });
    }
  });
});
