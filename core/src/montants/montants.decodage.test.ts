import { BigDecimal, Either, Schema } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MemoireMontantsEntree } from "./index.js";
import { decoderRapide } from "./montants.decodage.js";
import { arbMemoireSaisie, arbMontantSaisi, arbQuantiteSaisie, arbSaisieInvalide, arbTarifHtSaisi, arbTauxTvaSaisi, TAUX_TEXTE } from "./test-support/arbitraries.js";

const parSchema = Schema.decodeUnknownEither(MemoireMontantsEntree, { errors: "all", onExcessProperty: "error" });

// Value and scale of every BigDecimal: the fast path must give the very same decoded input.
const canonique = (x: unknown): unknown =>
  BigDecimal.isBigDecimal(x)
    ? `${x.value}e-${x.scale}`
    : Array.isArray(x)
      ? x.map(canonique)
      : typeof x === "object" && x !== null
        ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, canonique(v)]).sort(([a], [b]) => String(a).localeCompare(String(b))))
        : x;

const accepteCommeLeSchema = (saisie: unknown): void => {
  const rapide = decoderRapide(saisie);
  if (rapide === undefined) return;
  const reference = parSchema(saisie);
  expect(Either.isRight(reference)).toBe(true);
  if (Either.isRight(reference)) expect(canonique(rapide)).toStrictEqual(canonique(reference.right));
};

// A valid mémoire with 0 to 3 random mutations: a field replaced by a near miss or arbitrary JSON,
// a field removed, an unknown field added.
const arbPresqueValeur: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom("", "-0", "-1", "0", "1,5", " 1", "1e2", "5.55", "19.6", "0.001", "0.00001", "1.", ".5", "+1", null, true, Number.NaN, -0, 1e21, 0.1 + 0.2, undefined),
  arbQuantiteSaisie,
  arbTarifHtSaisi,
  arbTauxTvaSaisi,
  arbMontantSaisi(),
  fc.jsonValue(),
);
const CHAMPS = ["quantite", "tarifHt", "tauxTva", "fraisDivers", "debours", "remise", "montantHt"] as const;
const arbMutation = fc.record({
  cible: fc.nat(),
  champ: fc.constantFrom<string>(...CHAMPS, "typeTva", "remiseGlobaleTtc", "lignes", "devise"),
  sorte: fc.constantFrom("remplacer", "supprimer"),
  valeur: arbPresqueValeur,
});
const arbMemoireQuelconque: fc.Arbitrary<unknown> = fc
  .tuple(arbMemoireSaisie(1, 4), fc.array(arbMutation, { maxLength: 3 }))
  .map(([memoire, mutations]) => {
    const m: Record<string, unknown> = { ...memoire, lignes: memoire.lignes.map((l) => ({ ...l })) };
    for (const { cible, champ, sorte, valeur } of mutations) {
      const lignes = m["lignes"];
      const surLigne = (CHAMPS as ReadonlyArray<string>).includes(champ) && Array.isArray(lignes) && lignes.length > 0;
      const objet: unknown = surLigne ? (lignes as Array<unknown>)[cible % (lignes as Array<unknown>).length] : m;
      if (typeof objet !== "object" || objet === null) continue;
      const o = objet as Record<string, unknown>;
      if (sorte === "supprimer") delete o[champ];
      else o[champ] = valeur;
    }
    return m;
  });

describe("fast decoding of well-formed input", () => {
  it("decodes every valid input exactly as the schemas do", () => {
    fc.assert(
      fc.property(arbMemoireSaisie(), (saisie) => {
        expect(decoderRapide(saisie)).toBeDefined();
        accepteCommeLeSchema(saisie);
      }),
      { numRuns: 300 },
    );
  });

  it("accepts nothing the schemas refuse (generated faults)", () => {
    fc.assert(fc.property(arbSaisieInvalide, ({ saisie }) => accepteCommeLeSchema(saisie)), { numRuns: 500 });
  });

  it("accepts nothing the schemas refuse (valid mémoires with random mutations)", () => {
    fc.assert(fc.property(arbMemoireQuelconque, accepteCommeLeSchema), { numRuns: 1000 });
    // The generator must reach both outcomes, or the property above proves nothing.
    const acceptees = fc.sample(arbMemoireQuelconque, { numRuns: 2000, seed: 7 }).filter((s) => decoderRapide(s) !== undefined).length;
    expect(acceptees).toBeGreaterThan(20);
    expect(acceptees).toBeLessThan(1980);
  });

  it("gives up on odd but JSON-impossible shapes the schemas judge", () => {
    const ligne = { quantite: "1", tarifHt: "1", tauxTva: TAUX_TEXTE[0] };
    expect(decoderRapide({ typeTva: "SANS_TVA", lignes: [ligne], [Symbol("x")]: 1 })).toBeUndefined();
    expect(decoderRapide({ typeTva: "SANS_TVA", lignes: [ligne], remiseGlobaleTtc: undefined })).toBeUndefined();
    expect(decoderRapide({ typeTva: "SANS_TVA", lignes: [{ ...ligne, remise: undefined }] })).toBeUndefined();
    expect(decoderRapide([ligne])).toBeUndefined();
    expect(decoderRapide({ typeTva: "SANS_TVA", lignes: [ligne] })).toBeDefined();
  });
});
