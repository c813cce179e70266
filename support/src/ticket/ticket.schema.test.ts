import { Either, Schema } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { creer, mener, VERS } from "../test-support/fixtures.js";
import { arbDepart, arbEtapesGuidees, derouler } from "../test-support/parcours.js";
import { TicketSchema } from "./index.js";

const allerRetour = (ticket: unknown) => Schema.decodeUnknownEither(TicketSchema)(JSON.parse(JSON.stringify(Schema.encodeSync(TicketSchema)(ticket as never))));

describe("TicketSchema: the stored form of a ticket", () => {
  it("encodes dates as ISO strings and decodes back to the same ticket", () => {
    const t = mener(creer(), VERS.CLOTURE);
    const encode = Schema.encodeSync(TicketSchema)(t);
    expect(encode.creeLe).toBe("2026-03-02T09:00:00.000Z");
    expect(encode.journal[0]).not.toHaveProperty("etatAvant");
    expect(Either.getOrThrow(allerRetour(t))).toEqual(t);
  });

  it("refuses a stored ticket with an unknown state or a malformed number, naming the field", () => {
    const encode = Schema.encodeSync(TicketSchema)(creer());
    const r = Schema.decodeUnknownEither(TicketSchema, { errors: "all" })({ ...encode, etat: "OUVERT", numero: "CP1" });
    expect(Either.isLeft(r) && r.left.message).toMatch(/etat/);
  });

  it("property: every ticket reached by a walk survives the JSON round trip unchanged", () => {
    fc.assert(
      fc.property(arbDepart, arbEtapesGuidees, (depart, etapes) => {
        const { fin } = derouler(depart, etapes);
        expect(Either.getOrThrow(allerRetour(fin))).toEqual(fin);
      }),
      { numRuns: 100 },
    );
  });
});
