import { Either } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  TYPES_IDENTIFIANT_STRUCTURE,
  isIdentifiantValide,
  isLuhnValide,
  normaliserIdentifiant,
  raisonIdentifiantInvalide,
  raisonIdentifiantParticulierInvalide,
  raisonSiretInvalide,
  validerIdentifiant,
} from "./structure.identifiant.js";

/** Appends the Luhn check digit to a string of digits. */
const avecCleLuhn = (debut: string): string => {
  for (let c = 0; c <= 9; c += 1) if (isLuhnValide(`${debut}${c}`)) return `${debut}${c}`;
  throw new Error("unreachable: one digit always completes a Luhn number");
};

const chiffresArb = (n: number) => fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: n, maxLength: n });

describe("SIRET", () => {
  it("accepts the examples of the domain and refuses the counter-example", () => {
    expect(raisonSiretInvalide("73282932000074")).toBeUndefined();
    expect(raisonSiretInvalide("35600000049837")).toBeUndefined(); // La Poste: digit sum 45
    expect(raisonSiretInvalide("35600000000048")).toBeUndefined(); // La Poste siège, passes Luhn
    expect(raisonSiretInvalide("12345678912345")).toContain("Luhn");
    expect(raisonSiretInvalide("35600000049838")).toContain("multiple de 5");
    expect(raisonSiretInvalide("7328293200007")).toContain("14 chiffres");
    expect(raisonSiretInvalide("7328293200007A")).toContain("14 chiffres");
  });

  it("normalises spaces typed by the user", () => {
    expect(validerIdentifiant("SIRET", " 732 829 320 00074 ")).toEqual(Either.right("73282932000074"));
  });

  const siretArb = chiffresArb(13)
    .filter((d) => !d.startsWith("356000000"))
    .map(avecCleLuhn);

  it("accepts every 14-digit number with a correct Luhn key (property)", () => {
    fc.assert(fc.property(siretArb, (siret) => raisonSiretInvalide(siret) === undefined), { numRuns: 300 });
  });

  it("detects every single-digit substitution (property: Luhn detects all of them)", () => {
    fc.assert(
      fc.property(siretArb, fc.nat(13), fc.integer({ min: 1, max: 9 }), (siret, position, delta) => {
        const ancien = Number(siret[position]);
        const nouveau = String((ancien + delta) % 10);
        const altere = siret.slice(0, position) + nouveau + siret.slice(position + 1);
        fc.pre(!altere.startsWith("356000000"));
        expect(raisonSiretInvalide(altere)).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });

  it("accepts La Poste establishments whose digit sum is a multiple of 5 and only those (property)", () => {
    fc.assert(
      fc.property(chiffresArb(5), (nic) => {
        const siret = `356000000${nic}`;
        const somme = Array.from(siret).reduce((a, c) => a + Number(c), 0);
        expect(raisonSiretInvalide(siret) === undefined).toBe(somme % 5 === 0 || isLuhnValide(siret));
      }),
      { numRuns: 300 },
    );
  });
});

describe("PARTICULIER identifier (seed 002)", () => {
  it("accepts the identifiers shown in the seed", () => {
    for (const id of ["1931035248", "1840433260", "1901035238"]) expect(raisonIdentifiantParticulierInvalide(id)).toBeUndefined();
  });

  it("accepts Corsica (2A/2B), overseas and born abroad", () => {
    expect(raisonIdentifiantParticulierInvalide("285052A004")).toBeUndefined();
    expect(raisonIdentifiantParticulierInvalide("192122B033")).toBeUndefined();
    expect(raisonIdentifiantParticulierInvalide("2780697120")).toBeUndefined();
    expect(raisonIdentifiantParticulierInvalide("1750899352")).toBeUndefined();
    expect(raisonIdentifiantParticulierInvalide("2011198818")).toBeUndefined();
  });

  it("normalises a lower-case Corsica code", () => {
    expect(validerIdentifiant("PARTICULIER", "285052a004")).toEqual(Either.right("285052A004"));
  });

  it.each([
    ["3931035248", "rang 1"],
    ["1A31035248", "rangs 2 et 3"],
    ["1930035248", "rangs 4 et 5"],
    ["1931335248", "rangs 4 et 5"],
    ["1932035248", "rangs 4 et 5"],
    ["1931020004", "jamais 20"],
    ["1931096004", "département"],
    ["1931035000", "commune"],
    ["1931099052", "né à l'étranger"],
    ["1931097904", "outre-mer"],
    ["1931097100", "outre-mer"],
    ["193103524", "10 caractères"],
  ])("refuses %s (%s)", (id, motif) => {
    expect(raisonIdentifiantParticulierInvalide(id)).toContain(motif);
  });

  const departementArb = fc.oneof(
    fc.integer({ min: 1, max: 95 }).filter((d) => d !== 20).map((d) => String(d).padStart(2, "0")),
    fc.constantFrom("2A", "2B"),
  );
  const lieuArb = fc.oneof(
    fc.tuple(departementArb, fc.integer({ min: 1, max: 999 })).map(([d, c]) => `${d}${String(c).padStart(3, "0")}`),
    fc.tuple(fc.integer({ min: 971, max: 978 }), fc.integer({ min: 1, max: 99 })).map(([d, c]) => `${d}${String(c).padStart(2, "0")}`),
    fc.tuple(fc.integer({ min: 100, max: 599 })).map(([p]) => `99${p}`),
  );
  const particulierArb = fc
    .tuple(fc.constantFrom("1", "2"), chiffresArb(2), fc.integer({ min: 1, max: 12 }), lieuArb)
    .map(([s, a, m, l]) => `${s}${a}${String(m).padStart(2, "0")}${l}`);

  it("accepts every well-formed identifier (property)", () => {
    fc.assert(fc.property(particulierArb, (id) => raisonIdentifiantParticulierInvalide(id) === undefined), { numRuns: 500 });
  });

  it("refuses any month outside 01–12 (property)", () => {
    fc.assert(
      fc.property(particulierArb, fc.integer({ min: 0, max: 99 }).filter((m) => m < 1 || m > 12), (id, mois) => {
        const altere = id.slice(0, 3) + String(mois).padStart(2, "0") + id.slice(5);
        expect(raisonIdentifiantParticulierInvalide(altere)).toContain("rangs 4 et 5");
      }),
      { numRuns: 200 },
    );
  });
});

describe("other identifier types", () => {
  it.each([
    ["UE_HORS_FRANCE", "DE123456789"],
    ["UE_HORS_FRANCE", "be 0123.456.789"],
    ["UE_HORS_FRANCE", "NL123456789B01"],
    ["UE_HORS_FRANCE", "ATU12345678"],
    ["UE_HORS_FRANCE", "EL123456789"],
    ["UE_HORS_FRANCE", "IE1234567WA"],
    ["RIDET", "1234567"],
    ["RIDET", "1234567.001"],
    ["TAHITI", "123456"],
    ["TAHITI", "A12345"],
    ["TAHITI", "a12345001"],
    ["HORS_UE", "EIN 12-3456789"],
    ["AUTRE", "Association sans numéro"],
  ] as const)("accepts %s %s", (type, valeur) => {
    expect(isIdentifiantValide(type, valeur)).toBe(true);
  });

  it.each([
    ["UE_HORS_FRANCE", "FR12345678901", "SIRET"],
    ["UE_HORS_FRANCE", "US123456789", "inconnu"],
    ["UE_HORS_FRANCE", "DE12345678", "format de DE"],
    ["RIDET", "123456", "RIDET"],
    ["RIDET", "12345678", "RIDET"],
    ["TAHITI", "AB1234", "TAHITI"],
    ["TAHITI", "12345", "TAHITI"],
    ["HORS_UE", "   ", "obligatoire"],
    ["AUTRE", "x".repeat(81), "80"],
  ] as const)("refuses %s %s", (type, valeur, motif) => {
    expect(raisonIdentifiantInvalide(type, normaliserIdentifiant(type, valeur))).toContain(motif);
  });

  it("keeps free identifiers as typed, only trimmed", () => {
    expect(normaliserIdentifiant("HORS_UE", "  ein 12-3456789 ")).toBe("ein 12-3456789");
  });
});

describe("normalisation", () => {
  it("is idempotent, and a validated identifier validates again as stored (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...TYPES_IDENTIFIANT_STRUCTURE), fc.string({ maxLength: 20 }), (type, saisie) => {
        const une = normaliserIdentifiant(type, saisie);
        expect(normaliserIdentifiant(type, une)).toBe(une);
        const r = validerIdentifiant(type, saisie);
        if (Either.isRight(r)) expect(raisonIdentifiantInvalide(type, r.right)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });
});
