import { depuisParseError } from "@frais-justice/core";
import { Memoire } from "@frais-justice/core/memoire";
import { Either, Schema } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeurStocke } from "./decodage.js";

const Ligne = Schema.Struct({ id: Schema.NonEmptyString, rang: Schema.Int, montant: Schema.BigDecimal });

describe("decodeurStocke", () => {
  const rapide = decodeurStocke(Ligne, { onExcessProperty: "error" });
  const reference = Schema.decodeUnknownEither(Ligne, { errors: "all", onExcessProperty: "error" });
  const champs = (r: Either.Either<unknown, Parameters<typeof depuisParseError>[0]>) =>
    Either.isLeft(r) ? depuisParseError(r.left).erreurs.map((e) => e.chemin).sort() : [];

  it("decodes a valid row", () => {
    const r = rapide({ id: "a", rang: 2, montant: "12.50" });
    expect(Either.isRight(r) && r.right.rang === 2 && r.right.id === "a").toBe(true);
  });

  it("names every offending field of a corrupted row, as a decoding with every error does", () => {
    const corrompue = { id: "", rang: 1.5, montant: "douze", autre: 1 };
    expect(champs(rapide(corrompue))).toEqual(["autre", "id", "montant", "rang"]);
    expect(champs(rapide(corrompue))).toEqual(champs(reference(corrompue)));
  });

  it("gives the same answer as an all-errors decoding, for any input", () => {
    const valeur = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(null), fc.constant("1.5"));
    const entree = fc.dictionary(fc.constantFrom("id", "rang", "montant", "autre"), valeur);
    fc.assert(
      fc.property(entree, (u) => {
        const a = rapide(u);
        const b = reference(u);
        expect(Either.isRight(a)).toBe(Either.isRight(b));
        expect(champs(a)).toEqual(champs(b));
      }),
      { numRuns: 300 },
    );
  });

  it("is what the mémoire mapper uses: a mémoire with broken fields reports them all", () => {
    const casse = { id: 1, etat: "INCONNU", version: -1 };
    const r = decodeurStocke(Memoire, { onExcessProperty: "error" })(casse);
    expect(champs(r)).toEqual(champs(Schema.decodeUnknownEither(Memoire, { errors: "all", onExcessProperty: "error" })(casse)));
    expect(champs(r)).toEqual(expect.arrayContaining(["creeLe", "enTete", "etat"]));
  });
});
