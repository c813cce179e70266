import { BigDecimal, Either } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arrondirMontant, formaterMontant, formaterTaux, parseDecimal } from "./index.js";
import { diviserArrondi, parseDecimalDetaille, versEchelle } from "./montants.decimal.js";

const d = BigDecimal.unsafeFromString;
const lu = (texte: string, maxDecimales: number, min?: "positif" | "positifOuNul") =>
  parseDecimal(texte, min === undefined ? { maxDecimales } : { maxDecimales, min });

describe("parseDecimal", () => {
  it("reads decimal strings exactly, at the requested scale", () => {
    const r = lu("150.00", 2, "positifOuNul");
    expect(Either.isRight(r) && BigDecimal.equals(r.right, d("150"))).toBe(true);
    expect(Either.getOrThrow(lu("150", 2)).scale).toBe(2);
    expect(Either.getOrThrow(lu("1.5", 3)).value).toBe(1500n);
    expect(Either.getOrThrow(lu("-3.25", 2)).value).toBe(-325n);
    expect(Either.getOrThrow(lu("0.0001", 4)).value).toBe(1n);
  });

  it("counts significant decimals only: trailing zeros are not extra precision", () => {
    expect(Either.getOrThrow(lu("150.000", 2)).value).toBe(15000n);
    expect(Either.getLeft(lu("150.001", 2))._tag).toBe("Some");
  });

  it("refuses each malformed writing with an explicit reason", () => {
    const raison = (texte: string, max = 2) => Either.flip(lu(texte, max)).pipe(Either.getOrElse(() => "accepté"));
    expect(raison("150,00")).toContain("séparateur décimal « , »");
    expect(raison("1e3")).toContain("notation exponentielle");
    expect(raison(" 150")).toContain("espaces");
    expect(raison("150.001")).toContain("au plus 2 décimales");
    expect(raison("1.2345", 3)).toContain("au plus 3 décimales");
    for (const texte of ["", ".5", "5.", "+5", "1 500.00", "abc", "0x10", "--1", "Infinity", "NaN", "5.5.5"]) {
      expect(raison(texte), texte).toContain("n'est pas un nombre décimal");
    }
    expect(raison("1".repeat(41))).toContain("trop long");
  });

  it("checks the sign constraint", () => {
    expect(Either.isLeft(lu("0", 3, "positif"))).toBe(true);
    expect(Either.isLeft(lu("0.000", 3, "positif"))).toBe(true);
    expect(Either.isRight(lu("0.001", 3, "positif"))).toBe(true);
    expect(Either.isRight(lu("0", 2, "positifOuNul"))).toBe(true);
    expect(Either.isRight(lu("-0", 2, "positifOuNul"))).toBe(true);
    expect(Either.getLeft(lu("-0.01", 2, "positifOuNul"))).toEqual(expect.objectContaining({ value: expect.stringContaining("positif ou nul") as unknown }));
  });
});

describe("arrondirMontant: half away from zero, 2 decimals", () => {
  it.each([
    ["0.005", "0.01"],
    ["0.004999", "0.00"],
    ["2.675", "2.68"],
    ["2.665", "2.67"],
    ["-0.005", "-0.01"],
    ["-2.675", "-2.68"],
    ["-0.004", "0.00"],
    ["1.994999", "1.99"],
    ["158.25", "158.25"],
    ["7", "7.00"],
    ["1e3", "1000.00"],
  ])("%s → %s", (entree, attendu) => {
    const arrondi = arrondirMontant(d(entree));
    expect(formaterMontant(arrondi)).toBe(attendu);
    expect(arrondi.scale).toBe(2);
  });

  it("agrees with BigDecimal.round(…, { scale: 2, mode: 'half-from-zero' }) on any decimal", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: -3, max: 12 }), (valeur, echelle) => {
        const x = BigDecimal.make(valeur, echelle);
        expect(BigDecimal.equals(arrondirMontant(x), BigDecimal.round(x, { scale: 2, mode: "half-from-zero" }))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("diviserArrondi agrees with BigDecimal.round on integers", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.integer({ min: 1, max: 8 }), (n, k) => {
        const attendu = BigDecimal.round(BigDecimal.make(n, k), { scale: 0, mode: "half-from-zero" });
        expect(diviserArrondi(n, 10n ** BigInt(k))).toBe(versEchelle(attendu, 0));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("formaterMontant and formaterTaux", () => {
  it("writes amounts with exactly 2 decimals, no thousands separator, no -0.00", () => {
    expect(formaterMontant(d("158.25"))).toBe("158.25");
    expect(formaterMontant(d("0"))).toBe("0.00");
    expect(formaterMontant(d("1234567.8"))).toBe("1234567.80");
    expect(formaterMontant(d("-3.1"))).toBe("-3.10");
    expect(formaterMontant(d("-0.001"))).toBe("0.00");
    expect(formaterMontant(d("0.05"))).toBe("0.05");
    expect(formaterMontant(BigDecimal.make(12n, -20))).toBe(`12${"0".repeat(20)}.00`);
  });

  it("writes rates without trailing zeros and never in exponent notation", () => {
    expect(formaterTaux(d("5.50"))).toBe("5.5");
    expect(formaterTaux(d("20.00"))).toBe("20");
    expect(formaterTaux(d("0.00"))).toBe("0");
    expect(formaterTaux(d("1.05"))).toBe("1.05");
    expect(formaterTaux(d("0.9"))).toBe("0.9");
    expect(formaterTaux(BigDecimal.make(1n, -17))).toBe("100000000000000000");
    expect(formaterTaux(BigDecimal.make(1n, 17))).toBe("0.00000000000000001");
  });

  it("parse → format → parse is the identity on amounts", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (centimes) => {
        const x = BigDecimal.make(centimes, 2);
        const texte = formaterMontant(x);
        const relu = Either.getOrThrow(parseDecimal(texte, { maxDecimales: 2 }));
        expect(BigDecimal.equals(relu, x)).toBe(true);
        expect(formaterMontant(relu)).toBe(texte);
        expect(texte).toMatch(/^-?\d+\.\d{2}$/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("parseDecimal fast scan", () => {
  it("gives exactly the reference reading's answer on any text", () => {
    const textes = fc.oneof(
      fc.stringMatching(/^-?\d{0,18}(\.\d{0,20})?$/),
      fc.stringMatching(/^-?0{0,20}[1-9]?\d{0,3}\.?\d{0,3}0{0,30}$/),
      fc.stringMatching(/^[-+ .,eE0-9]{0,12}$/),
      fc.string({ maxLength: 45 }),
    );
    const contraintes = fc.record(
      { maxDecimales: fc.integer({ min: 0, max: 6 }), min: fc.constantFrom<"positif" | "positifOuNul">("positif", "positifOuNul") },
      { requiredKeys: ["maxDecimales"] },
    );
    fc.assert(
      fc.property(textes, contraintes, (texte, c) => {
        const attendu = parseDecimalDetaille(texte, c);
        const obtenu = parseDecimal(texte, c);
        if (Either.isLeft(attendu)) expect(obtenu).toStrictEqual(attendu);
        else {
          expect(Either.isRight(obtenu)).toBe(true);
          if (Either.isRight(obtenu)) expect([obtenu.right.value, obtenu.right.scale]).toStrictEqual([attendu.right.value, attendu.right.scale]);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ["999999999999.99", 2],
    ["9999999999999.99", 2],
    ["0000000000000000001.5", 3],
    [`1.${"0".repeat(38)}`, 2],
    [`1.${"0".repeat(39)}`, 2],
    ["-0.000", 3],
    ["100.0001", 4],
    ["100.00010", 3],
  ])("edge case %s at %i decimals", (texte, maxDecimales) => {
    expect(parseDecimal(texte, { maxDecimales })).toStrictEqual(parseDecimalDetaille(texte, { maxDecimales }));
  });
});
