import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bornesJour, debutJourParis, jourParis } from "./jours-paris.js";

describe("Paris calendar days (date filters)", () => {
  it("a day begins at Paris midnight: 23:00 UTC the day before in winter, 22:00 in summer, and on both clock-change days", () => {
    expect(debutJourParis("2026-11-21")?.toISOString()).toBe("2026-11-20T23:00:00.000Z");
    expect(debutJourParis("2026-07-10")?.toISOString()).toBe("2026-07-09T22:00:00.000Z");
    // 29 March 2026: clocks go forward at 2:00 (the day has 23 hours); 25 October: back at 3:00 (25 hours).
    expect(debutJourParis("2026-03-29")?.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(debutJourParis("2026-03-30")?.toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(debutJourParis("2026-10-25")?.toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(debutJourParis("2026-10-26")?.toISOString()).toBe("2026-10-25T23:00:00.000Z");
  });

  it("refuses what is not a day", () => {
    for (const x of ["2026-02-30", "2026-13-01", "21/11/2026", "2026-11-2", "", "demain"]) expect(debutJourParis(x)).toBeUndefined();
    for (const x of ["2026-02-30", "pas une date", "", 42, null, undefined, {}]) expect(bornesJour(x)).toBeUndefined();
  });

  it("an instant's day is its Paris day: 20/11 23:30 UTC is 21/11 in Paris", () => {
    expect(jourParis(new Date("2026-11-20T23:30:00Z"))).toBe("2026-11-21");
    expect(jourParis(new Date("2026-11-20T22:59:59.999Z"))).toBe("2026-11-20");
  });

  it("a filter's day is included whole: « du » from its first instant, « au » up to the next day's first instant", () => {
    expect(bornesJour("2026-11-21")).toEqual({ debut: new Date("2026-11-20T23:00:00Z"), finExclue: new Date("2026-11-21T23:00:00Z") });
    expect(bornesJour("2026-03-29")).toEqual({ debut: new Date("2026-03-28T23:00:00Z"), finExclue: new Date("2026-03-29T22:00:00Z") });
    // An instant (an older URL): kept as the start; the end is the end of its Paris day.
    expect(bornesJour("2026-11-20T23:00:00.000Z")).toEqual({ debut: new Date("2026-11-20T23:00:00Z"), finExclue: new Date("2026-11-21T23:00:00Z") });
    expect(bornesJour(new Date("2026-07-10T12:00:00Z"))?.finExclue).toEqual(new Date("2026-07-10T22:00:00Z"));
  });

  it("every instant lies in its Paris day, which lasts 23, 24 or 25 hours", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2090-12-31T23:59:59Z"), noInvalidDate: true }), (t) => {
        const b = bornesJour(jourParis(t));
        if (b === undefined) return false;
        const heures = (b.finExclue.getTime() - b.debut.getTime()) / 3_600_000;
        return b.debut.getTime() <= t.getTime() && t.getTime() < b.finExclue.getTime() && [23, 24, 25].includes(heures) && jourParis(b.debut) === jourParis(t);
      }),
      { numRuns: 2000 },
    );
  });
});
