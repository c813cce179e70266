import { BigDecimal } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { base64, decimalCanonique, montantCanonique, serialiserCanonique, sha256Base64, type ValeurCanonique } from "./memoire.canonique.js";

const octetsDe = (texte: string): Uint8Array => new TextEncoder().encode(texte);

describe("canonical serialisation (RFC 8785 subset)", () => {
  it("sorts keys by UTF-16 code units, writes no whitespace and keeps array order", () => {
    expect(serialiserCanonique({ b: "2", a: ["z", "y"], "€": null, A: true, "\u00e9": false })).toBe(
      '{"A":true,"a":["z","y"],"b":"2","\u00e9":false,"€":null}',
    );
  });

  it("escapes strings as JSON does and nests objects", () => {
    expect(serialiserCanonique({ t: 'guillemet " et \\ et \n', o: { z: "1", y: [] } })).toBe(
      '{"o":{"y":[],"z":"1"},"t":"guillemet \\" et \\\\ et \\n"}',
    );
  });

  const valeur: fc.Arbitrary<ValeurCanonique> = fc.letrec<{ v: ValeurCanonique }>((tie) => ({
    v: fc.oneof(
      { depthSize: "small" },
      fc.string(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie("v"), { maxLength: 4 }),
      fc.dictionary(fc.string(), tie("v"), { maxKeys: 4 }),
    ),
  })).v;

  it("does not depend on key insertion order", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), valeur, { maxKeys: 6 }), (objet) => {
        const inverse = Object.fromEntries(Object.entries(objet).reverse());
        expect(serialiserCanonique(inverse)).toBe(serialiserCanonique(objet));
      }),
      { numRuns: 200 },
    );
  });

  it("is valid JSON that parses back to the same value", () => {
    fc.assert(
      fc.property(valeur, (v) => {
        expect(serialiserCanonique(JSON.parse(serialiserCanonique(v)) as ValeurCanonique)).toBe(serialiserCanonique(v));
      }),
      { numRuns: 200 },
    );
  });
});

describe("base64 and SHA-256", () => {
  it("encodes the RFC 4648 test vectors", () => {
    expect(["", "f", "fo", "foo", "foob", "fooba", "foobar"].map((t) => base64(octetsDe(t)))).toEqual([
      "",
      "Zg==",
      "Zm8=",
      "Zm9v",
      "Zm9vYg==",
      "Zm9vYmE=",
      "Zm9vYmFy",
    ]);
  });

  it("agrees with Node's own base64 on any byte string", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (octets) => {
        expect(base64(octets)).toBe(Buffer.from(octets).toString("base64"));
      }),
      { numRuns: 300 },
    );
  });

  it("hashes the FIPS 180-2 'abc' vector into 44 base64 characters", () => {
    // SHA-256("abc") = ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad
    expect(sha256Base64("abc")).toBe("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
    expect(sha256Base64("")).toBe("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  });
});

describe("decimals in the canonical form", () => {
  const d = (texte: string): BigDecimal.BigDecimal => BigDecimal.unsafeFromString(texte);

  it("writes amounts with exactly two decimals and refuses sub-cent amounts", () => {
    expect(["605.28", "0", "12.5", "-3.1", "1e3", "0.000"].map((t) => montantCanonique(d(t)))).toEqual([
      "605.28",
      "0.00",
      "12.50",
      "-3.10",
      "1000.00",
      "0.00",
    ]);
    expect(() => montantCanonique(d("1.001"))).toThrow(/1.001/);
  });

  it("writes other decimals in their shortest exact form", () => {
    expect(["1.000", "5.50", "0.125", "150.0000", "-0.10", "1e2", "0"].map((t) => decimalCanonique(d(t)))).toEqual([
      "1",
      "5.5",
      "0.125",
      "150",
      "-0.1",
      "100",
      "0",
    ]);
  });

  it("gives equal decimals the same text, whatever their scale", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.nat({ max: 6 }), fc.nat({ max: 4 }), (valeur, echelle, extra) => {
        const x = BigDecimal.make(valeur, echelle);
        const y = BigDecimal.make(valeur * 10n ** BigInt(extra), echelle + extra);
        expect(decimalCanonique(y)).toBe(decimalCanonique(x));
        expect(BigDecimal.equals(BigDecimal.unsafeFromString(decimalCanonique(x)), x)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
