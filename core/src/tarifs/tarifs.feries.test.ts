import { Option } from "effect";
import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { dimancheDePaques, estJourFerie, jourFerie, joursFeries } from "./tarifs.feries.js";

const d = (s: string) => Temporal.PlainDate.from(s);

describe("Easter Sunday (anonymous Gregorian algorithm)", () => {
  it.each([
    [1961, "1961-04-02"],
    [2000, "2000-04-23"],
    [2008, "2008-03-23"],
    [2011, "2011-04-24"],
    [2019, "2019-04-21"],
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2038, "2038-04-25"],
    [2285, "2285-03-22"],
  ])("Easter %i is %s", (annee, attendu) => {
    expect(dimancheDePaques(annee).toString()).toBe(attendu);
  });

  it("is always a Sunday between 22 March and 25 April", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 4099 }), (annee) => {
        const paques = dimancheDePaques(annee);
        expect(paques.dayOfWeek).toBe(7);
        expect(paques.year).toBe(annee);
        const mmdd = paques.month * 100 + paques.day;
        expect(mmdd).toBeGreaterThanOrEqual(322);
        expect(mmdd).toBeLessThanOrEqual(425);
      }),
      { numRuns: 300 },
    );
  });
});

describe("French public holidays", () => {
  it("lists the 11 holidays of 2019 with their names", () => {
    expect(joursFeries(2019).map((j) => [j.date.toString(), j.nom])).toEqual([
      ["2019-01-01", "Jour de l'an"],
      ["2019-04-22", "Lundi de Pâques"],
      ["2019-05-01", "Fête du travail"],
      ["2019-05-08", "Victoire 1945"],
      ["2019-05-30", "Ascension"],
      ["2019-06-10", "Lundi de Pentecôte"],
      ["2019-07-14", "Fête nationale"],
      ["2019-08-15", "Assomption"],
      ["2019-11-01", "Toussaint"],
      ["2019-11-11", "Armistice 1918"],
      ["2019-12-25", "Noël"],
    ]);
  });

  it("computes the movable feasts of 2024 and 2025", () => {
    const mobiles = (annee: number) =>
      joursFeries(annee)
        .filter((j) => ["LUNDI_DE_PAQUES", "ASCENSION", "LUNDI_DE_PENTECOTE"].includes(j.code))
        .map((j) => j.date.toString());
    expect(mobiles(2024)).toEqual(["2024-04-01", "2024-05-09", "2024-05-20"]);
    expect(mobiles(2025)).toEqual(["2025-04-21", "2025-05-29", "2025-06-09"]);
    expect(mobiles(2038)).toEqual(["2038-04-26", "2038-06-03", "2038-06-14"]);
  });

  it("keeps both names when two holidays coincide (Ascension on 1 May 2008)", () => {
    const premierMai = joursFeries(2008).filter((j) => j.date.equals(d("2008-05-01")));
    expect(premierMai.map((j) => j.code)).toEqual(["FETE_DU_TRAVAIL", "ASCENSION"]);
  });

  it("recognises holidays and ordinary days", () => {
    expect(estJourFerie(d("2019-04-22"))).toBe(true);
    expect(estJourFerie(d("2019-07-14"))).toBe(true);
    expect(estJourFerie(d("2020-07-14"))).toBe(true);
    expect(estJourFerie(d("2019-04-21"))).toBe(false); // Easter Sunday itself is a Sunday, not listed
    expect(estJourFerie(d("2019-03-09"))).toBe(false);
    expect(estJourFerie(d("2019-12-26"))).toBe(false); // Alsace-Moselle only, not national
    expect(Option.map(jourFerie(d("2019-06-10")), (j) => j.nom)).toEqual(Option.some("Lundi de Pentecôte"));
    expect(Option.isNone(jourFerie(d("2019-06-11")))).toBe(true);
  });

  it("places Ascension on a Thursday and the Mondays on Mondays, every year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 4099 }), (annee) => {
        const parCode = new Map(joursFeries(annee).map((j) => [j.code, j.date]));
        expect(parCode.get("ASCENSION")?.dayOfWeek).toBe(4);
        expect(parCode.get("LUNDI_DE_PAQUES")?.dayOfWeek).toBe(1);
        expect(parCode.get("LUNDI_DE_PENTECOTE")?.dayOfWeek).toBe(1);
        expect(joursFeries(annee).every((j) => j.date.year === annee && estJourFerie(j.date))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
