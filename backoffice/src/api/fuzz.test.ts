import fc from "fast-check";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqlDe } from "../base/sql.js";
import { bancApi, COMPTES, enTeteValide, ligneValide, type BancApi } from "./test-support.js";

/**
 * Fuzzing of the JSON bodies (fast-check, bounded runs): malformed text, wrong encodings, oversized
 * and deeply nested documents, valid documents with fields of the wrong type. The API never crashes
 * (no 5xx), every refusal is a problem (`application/problem+json` with a tag), and a refused request
 * leaves the database exactly as it was.
 */

let banc: BancApi;
let bearer: { Authorization: string };
let brouillon: string;

const empreinteBase = async () => {
  const sql = sqlDe(banc.orm);
  const [r] = await sql.lignes<Record<string, unknown>>(
    `SELECT (SELECT count(*) FROM memoire) AS m, (SELECT sum(version) FROM memoire) AS v, (SELECT count(*) FROM evenement_memoire) AS e,
            (SELECT count(*) FROM ligne_prestation) AS l, (SELECT count(*) FROM piece_jointe) AS p, (SELECT count(*) FROM jeton_api) AS j,
            (SELECT count(*) FROM tableau_de_bord) AS t`,
  );
  return JSON.stringify(r);
};

beforeAll(async () => {
  banc = await bancApi({ requetesParMinute: 1_000_000, creationsJetonParQuartDHeure: 1_000_000 });
  bearer = { Authorization: `Bearer ${await banc.jeton("a")}` };
  const r = await request(banc.app).post("/api/v1/memoires").set(bearer).send({ enTete: enTeteValide(), lignes: [ligneValide()] });
  brouillon = String((r.body as { id: string }).id);
}, 60_000);
afterAll(async () => banc.detruire());

/** The writing endpoints and a valid body for each (the fuzzer perturbs it). */
const CIBLES = [
  { nom: "creer", methode: "post", chemin: () => "/api/v1/memoires", valide: () => ({ enTete: enTeteValide(), lignes: [ligneValide()] }) },
  { nom: "en-tete", methode: "put", chemin: () => `/api/v1/memoires/${brouillon}/en-tete`, valide: () => enTeteValide() },
  { nom: "ligne", methode: "post", chemin: () => `/api/v1/memoires/${brouillon}/lignes`, valide: () => ligneValide() },
  { nom: "remise", methode: "put", chemin: () => `/api/v1/memoires/${brouillon}/remise-globale`, valide: () => ({ remiseGlobaleTtc: "1.00" }) },
  { nom: "envoi", methode: "post", chemin: () => `/api/v1/memoires/${brouillon}/envoi`, valide: () => ({ attestationSurLHonneur: true }) },
  { nom: "montants", methode: "post", chemin: () => "/api/v1/montants", valide: () => ({ lignes: [ligneValide()] }) },
  { nom: "verification", methode: "post", chemin: () => "/api/v1/certificats/verification", valide: () => ({ numero: "MJ0000000001" }) },
  { nom: "jeton", methode: "post", chemin: () => "/api/v1/jetons", valide: () => ({ email: COMPTES.b.email, motDePasse: "x" }) },
] as const;

type Cible = (typeof CIBLES)[number];

const version = async () => {
  const [r] = await sqlDe(banc.orm).lignes<{ version: unknown }>("SELECT version FROM memoire WHERE id = ?", [brouillon]);
  return `"${Number(r?.version)}"`;
};

/** Sends a raw body; checks no crash and, when refused, a problem and an unchanged database. */
const envoyer = async (cible: Cible, corps: string | Buffer, contentType = "application/json"): Promise<number> => {
  const avant = await empreinteBase();
  const client = request(banc.app);
  const r = await client[cible.methode](cible.chemin())
    .set(bearer)
    .set("If-Match", await version())
    .set("Content-Type", contentType)
    .send(corps);
  expect(r.status, `${cible.nom} : ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`).toBeLessThan(500);
  if (r.status >= 400) {
    expect(r.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(typeof (r.body as { tag?: unknown }).tag).toBe("string");
    expect(await empreinteBase(), `${cible.nom} refusé (${r.status}) mais la base a changé`).toBe(avant);
  }
  return r.status;
};

const cible = fc.constantFrom(...CIBLES);

/** A JSON value with the leaves of a valid document replaced by arbitrary JSON at random places. */
const perturber = (valeur: unknown): fc.Arbitrary<unknown> => {
  if (Array.isArray(valeur)) return fc.oneof(fc.tuple(...valeur.map(perturber)), fc.jsonValue());
  if (typeof valeur === "object" && valeur !== null)
    return fc.oneof(
      { weight: 4, arbitrary: fc.record(Object.fromEntries(Object.entries(valeur).map(([k, v]) => [k, perturber(v)]))) },
      { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }) },
    );
  return fc.oneof({ weight: 3, arbitrary: fc.constant(valeur) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }, { weight: 1, arbitrary: fc.constantFrom(null, 0, -1, 1e308, "", [], {}, true, "0.001", "abc") });
};

describe("fuzzing the JSON bodies", () => {
  it("malformed JSON text: a 400 problem, nothing written", async () => {
    await fc.assert(
      fc.asyncProperty(cible, fc.string({ maxLength: 200 }), async (c, texte) => {
        fc.pre(texte !== ""); // an empty body is an empty document: see the next test
        fc.pre(((): boolean => {
          try {
            JSON.parse(texte);
            return false;
          } catch {
            return true;
          }
        })());
        expect(await envoyer(c, texte)).toBe(400);
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it("an empty body is read as an empty document: 422 naming the missing fields (counterexample found by the property above)", async () => {
    const c = CIBLES[0];
    expect(await envoyer(c, "")).toBe(422);
  });

  it("valid documents with fields of the wrong type or shape: never a crash, a refusal leaves the database as it was", async () => {
    await fc.assert(
      fc.asyncProperty(cible.chain((c) => fc.tuple(fc.constant(c), perturber(c.valide()))), async ([c, corps]) => {
        await envoyer(c, JSON.stringify(corps) ?? "null");
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it("deeply nested documents: refused as a problem before any handler", async () => {
    await fc.assert(
      fc.asyncProperty(cible, fc.integer({ min: 33, max: 5000 }), fc.boolean(), async (c, profondeur, tableaux) => {
        const texte = tableaux ? `${"[".repeat(profondeur)}1${"]".repeat(profondeur)}` : `${'{"a":'.repeat(profondeur)}1${"}".repeat(profondeur)}`;
        expect(await envoyer(c, texte)).toBe(profondeur * 5 + 10 > 100 * 1024 ? 413 : 400);
      }),
      { numRuns: 30 },
    );
  }, 60_000);

  it("oversized bodies: a 413 problem", async () => {
    await fc.assert(
      fc.asyncProperty(cible, fc.integer({ min: 100 * 1024 + 1, max: 400 * 1024 }), async (c, taille) => {
        expect(await envoyer(c, JSON.stringify({ x: "é".repeat(Math.ceil(taille / 2)) }))).toBe(413);
      }),
      { numRuns: 10 },
    );
  }, 60_000);

  it("wrong encodings and media types: a problem, nothing written", async () => {
    const encodages = fc.constantFrom(
      { type: "application/json; charset=utf-16", corps: Buffer.from('{"a":1}', "utf16le") },
      { type: "application/json; charset=latin1", corps: Buffer.from('{"enTete":"é"}', "latin1") },
      { type: "application/json", corps: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]) },
      { type: "application/json", corps: Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]) },
      { type: "text/plain", corps: Buffer.from('{"attestationSurLHonneur":true}') },
      { type: "application/x-www-form-urlencoded", corps: Buffer.from("attestationSurLHonneur=true") },
    );
    await fc.assert(
      fc.asyncProperty(cible, encodages, async (c, e) => {
        expect(await envoyer(c, e.corps, e.type)).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
