import { Option } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  calculerCleRib,
  compteEnChiffres,
  erreursRib,
  isIbanValide,
  isRibValide,
  normaliserIban,
  raisonBicInvalide,
  raisonIbanInvalide,
  ribVersIban,
  valeurCaractereRib,
  type PartiesRib,
} from "./coordonnees-bancaires.controles.js";

// ---------------------------------------------------------------------------------------------
// Independent builders: ISO 13616 check digits and the RIB key computed here from their definitions.
// ---------------------------------------------------------------------------------------------

const CHIFFRES = "0123456789";
const LETTRES = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const classe = (c: string): "chiffre" | "lettre" => (CHIFFRES.includes(c) ? "chiffre" : "lettre");

/** ISO 13616 numeric form: letters become 10..35. */
const enNombre = (s: string): bigint => BigInt(Array.from(s, (c) => (classe(c) === "chiffre" ? c : String(c.charCodeAt(0) - 55))).join(""));

/** IBAN from a country and a BBAN: check digits = 98 − (BBAN + country + "00" mod 97). */
const composer = (pays: string, bban: string): string => {
  const cle = 98n - (enNombre(`${bban}${pays}00`) % 97n);
  return `${pays}${String(cle).padStart(2, "0")}${bban}`;
};

const chaine = (alphabet: string, n: number) => fc.string({ unit: fc.constantFrom(...alphabet), minLength: n, maxLength: n });

const ribArb: fc.Arbitrary<PartiesRib> = fc
  .tuple(chaine(CHIFFRES, 5), chaine(CHIFFRES, 5), chaine(CHIFFRES + LETTRES, 11))
  .map(([banque, guichet, compte]) => ({ banque, guichet, compte, cle: Option.getOrThrow(calculerCleRib(banque, guichet, compte)) }));

/** Zones of an IBAN per country: which positions hold digits only, letters only, or both. */
type Zone = "chiffre" | "lettre" | "alnum";
interface Pays {
  readonly code: string;
  readonly bban: fc.Arbitrary<string>;
  /** The zone of each BBAN position. */
  readonly zones: ReadonlyArray<Zone>;
}
const zones = (...parts: ReadonlyArray<readonly [Zone, number]>): ReadonlyArray<Zone> => parts.flatMap(([z, n]) => Array<Zone>(n).fill(z));

const PAYS: ReadonlyArray<Pays> = [
  { code: "DE", bban: chaine(CHIFFRES, 18), zones: zones(["chiffre", 18]) },
  { code: "NL", bban: fc.tuple(chaine(LETTRES, 4), chaine(CHIFFRES, 10)).map(([a, b]) => a + b), zones: zones(["lettre", 4], ["chiffre", 10]) },
  { code: "GB", bban: fc.tuple(chaine(LETTRES, 4), chaine(CHIFFRES, 14)).map(([a, b]) => a + b), zones: zones(["lettre", 4], ["chiffre", 14]) },
  {
    // Belgium: the last two digits are the first ten mod 97 (97 when 0), checked by ibantools.
    code: "BE",
    bban: chaine(CHIFFRES, 10).map((d) => {
      const r = Number(BigInt(d) % 97n);
      return `${d}${String(r === 0 ? 97 : r).padStart(2, "0")}`;
    }),
    zones: zones(["chiffre", 12]),
  },
  {
    code: "FR",
    bban: ribArb.map((r) => `${r.banque}${r.guichet}${r.compte}${r.cle}`),
    zones: zones(["chiffre", 10], ["alnum", 11], ["chiffre", 2]),
  },
];

const ibanArb = fc.constantFrom(...PAYS).chain((p) => p.bban.map((bban) => ({ pays: p, iban: composer(p.code, bban) })));

/** Zone of each position of the whole IBAN: country letters, check digits, then the BBAN. */
const zonesIban = (p: Pays): ReadonlyArray<Zone> => ["lettre", "lettre", "chiffre", "chiffre", ...p.zones];

const remplacer = (s: string, i: number, c: string): string => s.slice(0, i) + c + s.slice(i + 1);
const permuter = (s: string, i: number): string => s.slice(0, i) + (s[i + 1] ?? "") + (s[i] ?? "") + s.slice(i + 2);

// ---------------------------------------------------------------------------------------------

describe("clé RIB", () => {
  it("computes the key of a known RIB (with a letter in the account)", () => {
    expect(calculerCleRib("20041", "01005", "0500013M026")).toEqual(Option.some("06"));
    expect(isRibValide({ banque: "20041", guichet: "01005", compte: "0500013M026", cle: "06" })).toBe(true);
    expect(erreursRib({ banque: "20041", guichet: "01005", compte: "0500013M026", cle: "07" })).toEqual([
      { champ: "cle", raison: "la clé RIB ne correspond pas à la banque, au guichet et au compte saisis" },
    ]);
  });

  it("maps letters with the Banque de France table", () => {
    expect(Array.from("AJBKSCLTDMUENVFOWGPXHQYIRZ", (c) => Option.getOrThrow(valeurCaractereRib(c))).join("")).toBe(
      "11222333444555666777888999",
    );
    expect(valeurCaractereRib("a")).toEqual(Option.none());
    expect(compteEnChiffres("0500013M026")).toEqual(Option.some("05000134026"));
  });

  it("reports every malformed part", () => {
    expect(erreursRib({ banque: "2004", guichet: "0100A", compte: "0500013m026", cle: "6" }).map((e) => e.champ)).toEqual([
      "banque",
      "guichet",
      "compte",
      "cle",
    ]);
    expect(calculerCleRib("2004", "01005", "0500013M026")).toEqual(Option.none());
  });

  it("is the mod-97 check of the 23-digit number banque ‖ guichet ‖ compte ‖ clé (property)", () => {
    fc.assert(
      fc.property(ribArb, (r) => {
        const nombre = BigInt(`${r.banque}${r.guichet}${Option.getOrThrow(compteEnChiffres(r.compte))}${r.cle}`);
        expect(nombre % 97n).toBe(0n);
        expect(isRibValide(r)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("converts to a French IBAN that ibantools accepts (independent RIB key check) (property)", () => {
    fc.assert(
      fc.property(ribArb, (r) => {
        const iban = Option.getOrThrow(ribVersIban(r));
        expect(iban).toHaveLength(27);
        expect(raisonIbanInvalide(iban)).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  const enTexte = (r: PartiesRib) => `${r.banque}${r.guichet}${r.compte}${r.cle}`;
  const depuisTexte = (s: string): PartiesRib => ({ banque: s.slice(0, 5), guichet: s.slice(5, 10), compte: s.slice(10, 21), cle: s.slice(21) });
  /** The value the key sees at a position: the digit, or the letter's RIB digit. */
  const vue = (c: string): number => Option.getOrElse(valeurCaractereRib(c), () => -1);
  const alphabetDe = (i: number): string => (i >= 10 && i < 21 ? CHIFFRES + LETTRES : CHIFFRES);

  it("detects every substitution that changes the digit the key sees (property)", () => {
    fc.assert(
      fc.property(ribArb, fc.nat(22), fc.nat(35), (r, i, k) => {
        const texte = enTexte(r);
        const alphabet = alphabetDe(i);
        const nouveau = alphabet[k % alphabet.length] ?? "0";
        fc.pre(vue(nouveau) !== vue(texte[i] ?? ""));
        expect(isRibValide(depuisTexte(remplacer(texte, i, nouveau)))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it("detects every adjacent transposition of characters the key sees as different digits (property)", () => {
    fc.assert(
      fc.property(ribArb, fc.nat(21), (r, i) => {
        const texte = enTexte(r);
        fc.pre(vue(texte[i] ?? "") !== vue(texte[i + 1] ?? ""));
        expect(isRibValide(depuisTexte(permuter(texte, i)))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it("cannot see a letter swapped for another of the same digit (A/J/1): a limit of the key, not a bug", () => {
    const r = { banque: "20041", guichet: "01005", compte: "0500013M026", cle: "06" };
    expect(isRibValide({ ...r, compte: "0500013D026" })).toBe(true); // M and D both count as 4
    expect(isRibValide({ ...r, compte: "0500013U026" })).toBe(true); // U counts as 4 too
    expect(isRibValide({ ...r, compte: "0500013402A" })).toBe(false); // a different digit at that place
  });
});

describe("IBAN", () => {
  it("accepts known IBANs, in print or electronic form", () => {
    expect(isIbanValide("FR14 2004 1010 0505 0001 3M02 606")).toBe(true);
    expect(isIbanValide("fr1420041010050500013m02606")).toBe(true);
    expect(isIbanValide("DE89 3704 0044 0532 0130 00")).toBe(true);
    expect(isIbanValide("GB29 NWBK 6016 1331 9268 19")).toBe(true);
    expect(normaliserIban(" fr14 2004 ")).toBe("FR142004");
  });

  it.each([
    ["FR1420041010050500013M0260", "longueur"],
    ["FR1520041010050500013M02606", "modulo 97"],
    ["XX1420041010050500013M02606", "pays"],
    ["FRAB20041010050500013M02606", "2 chiffres"],
    ["FR14-2004", "chiffres et des lettres"],
    ["", "obligatoire"],
  ])("refuses %s (%s)", (iban, motif) => {
    expect(raisonIbanInvalide(iban)).toContain(motif);
  });

  it("a French IBAN with a correct mod 97 but a wrong RIB key is refused", () => {
    expect(raisonIbanInvalide(composer("FR", "20041010050500013M02607"))).toContain("clé RIB");
  });

  it("accepts every generated IBAN of DE, NL, GB, BE, FR (property)", () => {
    fc.assert(fc.property(ibanArb, ({ iban }) => raisonIbanInvalide(iban) === undefined), { numRuns: 300 });
  });

  it("detects every substitution by a different character of the same class (property: mod 97)", () => {
    fc.assert(
      fc.property(ibanArb, fc.nat(40), fc.nat(25), ({ iban }, p, k) => {
        const i = p % iban.length;
        const ancien = iban[i] ?? "";
        const alphabet = classe(ancien) === "chiffre" ? CHIFFRES : LETTRES;
        const nouveau = alphabet[k % alphabet.length] ?? "";
        fc.pre(nouveau !== ancien);
        expect(isIbanValide(remplacer(iban, i, nouveau))).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it("detects every substitution at all where the country fixes each position's class (property: format + mod 97)", () => {
    fc.assert(
      fc.property(ibanArb, fc.nat(40), fc.nat(35), ({ pays, iban }, p, k) => {
        const i = p % iban.length;
        fc.pre(zonesIban(pays)[i] !== "alnum");
        const nouveau = (CHIFFRES + LETTRES)[k] ?? "";
        fc.pre(nouveau !== iban[i]);
        expect(isIbanValide(remplacer(iban, i, nouveau))).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it("detects every transposition of two adjacent different characters (property)", () => {
    fc.assert(
      fc.property(ibanArb, fc.nat(40), ({ iban }, p) => {
        const i = p % (iban.length - 1);
        fc.pre(iban[i] !== iban[i + 1]);
        expect(isIbanValide(permuter(iban, i))).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it("mod 97 alone cannot see B1 ↔ 1B (both read 111); in a French IBAN the RIB key catches it", () => {
    expect(enNombre("B1")).toBe(enNombre("1B"));
    const rib = { banque: "20041", guichet: "01005", compte: "05000B1M026" };
    const iban = composer("FR", `${rib.banque}${rib.guichet}${rib.compte}${Option.getOrThrow(calculerCleRib(rib.banque, rib.guichet, rib.compte))}`);
    expect(isIbanValide(iban)).toBe(true);
    const permute = iban.replace("B1M", "1BM");
    expect(enNombre(permute.slice(4) + permute.slice(0, 4)) % 97n).toBe(1n); // ISO 13616 check still passes
    expect(raisonIbanInvalide(permute)).toContain("clé RIB");
  });
});

describe("BIC", () => {
  it("accepts 8 or 11 characters and refuses the rest", () => {
    expect(raisonBicInvalide("BNPAFRPP")).toBeUndefined();
    expect(raisonBicInvalide("BNPAFRPPXXX")).toBeUndefined();
    expect(raisonBicInvalide("BNPAFRP")).toContain("8 ou 11");
    expect(raisonBicInvalide("BNPAFRPPXX")).toContain("8 ou 11");
    expect(raisonBicInvalide("BNP1FRPP")).toContain("BIC invalide");
  });
});
