import { BigDecimal, Either } from "effect";
import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { type SaisieInvalide } from "../shared/index.js";
import { type TarifInconnu } from "./tarifs.errors.js";
import { estJourFerie } from "./tarifs.feries.js";
import {
  TARIFS_INTERPRETES,
  calculerTraductionOrale,
  decoderTraductionEcrite,
  decoderTraductionOrale,
  heuresCommencees,
  tarifTraductionEcrite,
  tarifTraductionOrale,
  versionInterpretes,
} from "./tarifs.interpretes.js";
import { calculTarifEnJson } from "./tarifs.json.js";
import { type CalculTarif, type HeureDePresence, type VersionTarifInterpretes } from "./tarifs.model.js";

const bd = (s: string) => BigDecimal.unsafeFromString(s);
const eq = (a: BigDecimal.BigDecimal, b: string) => BigDecimal.equals(a, bd(b));

const succes = (r: Either.Either<CalculTarif, SaisieInvalide | TarifInconnu>): CalculTarif => {
  if (Either.isLeft(r)) throw new Error(`expected a computation, got ${r.left._tag}: ${r.left.message}`);
  return r.right;
};
const echec = <E>(r: Either.Either<unknown, E>): E => {
  if (Either.isRight(r)) throw new Error("expected a failure");
  return r.left;
};
const heures = (c: CalculTarif): ReadonlyArray<HeureDePresence> =>
  c.detail.flatMap((l) => (l._tag === "HeureDePresence" ? [l] : []));
const codes = (h: HeureDePresence) => h.majorations.map((m) => m.code);

const champs = (r: Either.Either<unknown, SaisieInvalide | TarifInconnu>) => {
  const e = echec(r);
  expect(e._tag).toBe("SaisieInvalide");
  return e._tag === "SaisieInvalide" ? e.erreurs.map((x) => x.chemin) : [];
};

describe("oral translation: the worked example (Saturday 2019-03-09, 21:30 → 23:40)", () => {
  const calcul = succes(tarifTraductionOrale({ debut: "2019-03-09T21:30", fin: "2019-03-09T23:40" }));

  it("bills 3 started hours at 30 €: 49.50 + 45.00 + 45.00 = 139.50", () => {
    const h = heures(calcul);
    expect(h.map((x) => [x.debut, x.fin, codes(x)])).toEqual([
      ["2019-03-09T21:30", "2019-03-09T22:30", ["PREMIERE_HEURE", "SAMEDI_DIMANCHE_FERIE"]],
      ["2019-03-09T22:30", "2019-03-09T23:30", ["NUIT", "SAMEDI_DIMANCHE_FERIE"]],
      ["2019-03-09T23:30", "2019-03-10T00:30", ["NUIT", "SAMEDI_DIMANCHE_FERIE"]],
    ]);
    expect(h.map((x) => BigDecimal.format(x.montant))).toEqual(["49.5", "45", "45"]);
    expect(eq(calcul.montantHt, "139.50")).toBe(true);
    expect(calcul.version.applicableDepuis.toString()).toBe("2009-03-01");
  });

  it("renders plain JSON with two-decimal amounts and every majoration", () => {
    const json = calculTarifEnJson(calcul);
    expect(json.montantHt).toBe("139.50");
    expect(json.version.applicableDepuis).toBe("2009-03-01");
    expect(json.version.source).toContain("A43-7");
    expect(json.detail[0]).toEqual({
      rang: 1,
      debut: "2019-03-09T21:30",
      fin: "2019-03-09T22:30",
      base: "30.00",
      majorations: [
        { code: "PREMIERE_HEURE", taux: "40", libelle: "Première heure de traduction", montant: "12.00" },
        { code: "SAMEDI_DIMANCHE_FERIE", taux: "25", libelle: "Heure commencée un samedi", montant: "7.50" },
      ],
      montant: "49.50",
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe("oral translation: examples", () => {
  it("a weekday daytime hour and a half: first hour 42.00 + plain hour 30.00", () => {
    const c = succes(tarifTraductionOrale({ debut: "2019-03-12T14:00", fin: "2019-03-12T15:30" }));
    expect(heures(c).map(codes)).toEqual([["PREMIERE_HEURE"], []]);
    expect(eq(c.montantHt, "72")).toBe(true);
  });

  it("an exact hour is one slot; one more minute is a second slot", () => {
    expect(heures(succes(tarifTraductionOrale({ debut: "2019-03-12T14:00", fin: "2019-03-12T15:00" })))).toHaveLength(1);
    expect(heures(succes(tarifTraductionOrale({ debut: "2019-03-12T14:00", fin: "2019-03-12T15:01" })))).toHaveLength(2);
    expect(heures(succes(tarifTraductionOrale({ debut: "2019-03-12T14:00:00", fin: "2019-03-12T15:00:01" })))).toHaveLength(2);
  });

  it("night: a slot starting at 06:59 is a night hour, at 07:00 it is not; 22:00 is", () => {
    const c = succes(tarifTraductionOrale({ debut: "2019-03-12T05:59", fin: "2019-03-12T08:00" }));
    expect(heures(c).map((h) => [h.debut, codes(h)])).toEqual([
      ["2019-03-12T05:59", ["PREMIERE_HEURE", "NUIT"]],
      ["2019-03-12T06:59", ["NUIT"]],
      ["2019-03-12T07:59", []],
    ]);
    const soir = succes(tarifTraductionOrale({ debut: "2019-03-12T21:00", fin: "2019-03-12T22:10" }));
    expect(heures(soir).map(codes)).toEqual([["PREMIERE_HEURE"], ["NUIT"]]);
  });

  it("DST night 2019-03-31 01:30 → 04:00 local is 1.5 real hours: 2 slots, the second starting at 03:30", () => {
    const c = succes(tarifTraductionOrale({ debut: "2019-03-31T01:30", fin: "2019-03-31T04:00" }));
    const h = heures(c);
    expect(h.map((x) => [x.debut, x.fin, codes(x)])).toEqual([
      ["2019-03-31T01:30", "2019-03-31T03:30", ["PREMIERE_HEURE", "NUIT", "SAMEDI_DIMANCHE_FERIE"]],
      ["2019-03-31T03:30", "2019-03-31T04:30", ["NUIT", "SAMEDI_DIMANCHE_FERIE"]],
    ]);
    // 30 × 1.90 + 30 × 1.50
    expect(eq(c.montantHt, "102")).toBe(true);
  });

  it("autumn DST night 2019-10-27 01:30 → 03:00 local is 2.5 real hours: 3 slots", () => {
    const c = succes(tarifTraductionOrale({ debut: "2019-10-27T01:30", fin: "2019-10-27T03:00" }));
    expect(heures(c).map((x) => x.debut)).toEqual(["2019-10-27T01:30", "2019-10-27T02:30", "2019-10-27T02:30"]);
  });

  it("an end in the repeated autumn hour that would not follow the start is its second occurrence", () => {
    const duree = (debut: string, fin: string) => {
      const p = Either.getOrThrow(decoderTraductionOrale({ debut, fin }));
      return Number((p.fin.epochNanoseconds - p.debut.epochNanoseconds) / 60_000_000_000n);
    };
    // 02:00 summer time → 02:00 winter time: the hour the clock went back
    expect(duree("2019-10-27T02:00", "2019-10-27T02:00")).toBe(60);
    expect(heures(succes(tarifTraductionOrale({ debut: "2019-10-27T02:00", fin: "2019-10-27T02:00" })))).toHaveLength(1);
    expect(duree("2019-10-27T02:30", "2019-10-27T02:10")).toBe(40);
    // both readings follow the start: the first one (the shortest presence)
    expect(duree("2019-10-27T02:10", "2019-10-27T02:40")).toBe(30);
    expect(duree("2019-10-27T01:30", "2019-10-27T02:30")).toBe(60);
    // no reading of the end follows the start: still refused
    expect(champs(tarifTraductionOrale({ debut: "2019-10-27T03:00", fin: "2019-10-27T02:30" }))).toEqual(["fin"]);
  });

  it("Easter Monday (2019-04-22) and 14 July on a weekday (Tuesday 2020-07-14) are holiday hours", () => {
    const paques = succes(tarifTraductionOrale({ debut: "2019-04-22T10:00", fin: "2019-04-22T11:30" }));
    expect(heures(paques).map(codes)).toEqual([["PREMIERE_HEURE", "SAMEDI_DIMANCHE_FERIE"], ["SAMEDI_DIMANCHE_FERIE"]]);
    expect(heures(paques)[0]?.majorations[1]?.libelle).toBe("Heure commencée un jour férié (Lundi de Pâques)");
    expect(eq(paques.montantHt, "87")).toBe(true); // 30 × 1.65 + 30 × 1.25
    const quatorze = succes(tarifTraductionOrale({ debut: "2020-07-14T09:00", fin: "2020-07-14T10:00" }));
    expect(Temporal.PlainDate.from("2020-07-14").dayOfWeek).toBe(2);
    expect(heures(quatorze).map(codes)).toEqual([["PREMIERE_HEURE", "SAMEDI_DIMANCHE_FERIE"]]);
    expect(eq(quatorze.montantHt, "49.50")).toBe(true);
  });

  it("a slot crossing midnight into a Sunday takes the majoration of its start only", () => {
    const c = succes(tarifTraductionOrale({ debut: "2019-03-08T23:30", fin: "2019-03-09T00:40" }));
    expect(heures(c).map((h) => [h.debut, codes(h)])).toEqual([
      ["2019-03-08T23:30", ["PREMIERE_HEURE", "NUIT"]],
      ["2019-03-09T00:30", ["NUIT", "SAMEDI_DIMANCHE_FERIE"]],
    ]);
  });

  it("the 2008 version bills 25 € the hour", () => {
    const c = succes(tarifTraductionOrale({ debut: "2008-12-01T10:00", fin: "2008-12-01T11:00" }));
    expect(eq(c.montantHt, "35")).toBe(true); // 25 × 1.40
  });

  it("rounds each slot half away from zero to the cent, with versions passed as data", () => {
    const versions: ReadonlyArray<VersionTarifInterpretes> = [
      {
        _tag: "BaremeInterpretes",
        applicableDepuis: Temporal.PlainDate.from("2000-01-01"),
        source: "barème d'essai",
        tarifPage: bd("25"),
        tarifHeure: bd("30.01"),
        majorations: { premiereHeure: bd("40"), nuit: bd("25"), samediDimancheFerie: bd("25") },
      },
    ];
    const c = succes(tarifTraductionOrale({ debut: "2019-03-12T14:00", fin: "2019-03-12T15:30" }, versions));
    // 30.01 × 1.40 = 42.014 → 42.01; 30.01 → 30.01
    expect(heures(c).map((h) => BigDecimal.format(h.montant))).toEqual(["42.01", "30.01"]);
    const w = succes(tarifTraductionOrale({ debut: "2019-03-09T14:00", fin: "2019-03-09T15:00" }, versions));
    // 30.01 × 1.65 = 49.5165 → 49.52
    expect(eq(w.montantHt, "49.52")).toBe(true);
  });
});

describe("version selection by the date of the prestation", () => {
  const orale = (jour: string) => tarifTraductionOrale({ debut: `${jour}T10:00`, fin: `${jour}T11:00` });
  const ecrite = (jour: string) => tarifTraductionEcrite({ mots: "250", date: jour });

  it.each([
    ["2008-09-11", "25", "25"],
    ["2009-02-28", "25", "25"],
    ["2009-03-01", "25", "30"],
    ["2020-12-31", "25", "30"],
  ])("on %s: %s €/page, %s €/hour", (jour, page, heure) => {
    expect(eq(succes(ecrite(jour)).montantHt, page)).toBe(true);
    expect(eq(heures(succes(orale(jour)))[0]?.base ?? bd("0"), heure)).toBe(true);
  });

  it("before 2008-09-11: TarifInconnu naming the type, the date and the reason", () => {
    const e = echec(orale("2008-09-10"));
    expect(e._tag).toBe("TarifInconnu");
    if (e._tag === "TarifInconnu") {
      expect(e.typePrestation).toBe("TRADUCTION_ORALE");
      expect(e.date.toString()).toBe("2008-09-10");
      expect(e.raison).toBe("aucun barème connu avant le 2008-09-11");
    }
    expect(echec(ecrite("2008-09-10"))._tag).toBe("TarifInconnu");
  });

  it("from 2021-01-01: TarifInconnu, the 2021 table is not yet sourced", () => {
    for (const r of [orale("2021-01-01"), ecrite("2021-01-01"), orale("2025-06-01")]) {
      const e = echec(r);
      expect(e._tag).toBe("TarifInconnu");
      if (e._tag === "TarifInconnu") {
        expect(e.raison).toContain("barème 2021 non encore sourcé");
        expect(e.message).toContain("barème 2021 non encore sourcé");
      }
    }
    const e = echec(ecrite("2021-01-01"));
    expect(e._tag === "TarifInconnu" && e.typePrestation).toBe("TRADUCTION_ECRITE");
  });

  it("an oral translation is priced by its start date (31 Dec 2020 → 1 Jan 2021 uses the 2009 version)", () => {
    const c = succes(tarifTraductionOrale({ debut: "2020-12-31T23:30", fin: "2021-01-01T00:30" }));
    expect(c.version.applicableDepuis.toString()).toBe("2009-03-01");
  });

  it("accepts versions in any order and refuses when none is given", () => {
    const inverse = [...TARIFS_INTERPRETES].reverse();
    expect(Either.map(versionInterpretes("TRADUCTION_ECRITE", Temporal.PlainDate.from("2010-01-01"), inverse), (v) => v.source)).toEqual(
      Either.right(TARIFS_INTERPRETES[1]?.source),
    );
    const e = echec(versionInterpretes("TRADUCTION_ECRITE", Temporal.PlainDate.from("2010-01-01"), []));
    expect(e.raison).toBe("aucune version du barème fournie");
  });
});

describe("written translation", () => {
  it.each([
    ["1", 1, "25"],
    ["250", 1, "25"],
    ["251", 2, "50"],
    ["1000", 4, "100"],
    ["1001", 5, "125"],
  ])("%s words → %i pages → %s €", (mots, pages, montant) => {
    const c = succes(tarifTraductionEcrite({ mots, date: "2019-03-09" }));
    expect(c.detail).toEqual([{ _tag: "PagesTraduites", mots: Number(mots), pages, tarifPage: bd("25"), montant: c.montantHt }]);
    expect(eq(c.montantHt, montant)).toBe(true);
  });

  it("renders the written breakdown as JSON", () => {
    const json = calculTarifEnJson(succes(tarifTraductionEcrite({ mots: 1000, date: "2019-03-09" })));
    expect(json).toMatchObject({ typePrestation: "TRADUCTION_ECRITE", montantHt: "100.00", detail: [{ mots: 1000, pages: 4, tarifPage: "25.00", montant: "100.00" }] });
  });

  it("pages = ceil(words / 250) and amount = pages × 25 €, for any word count", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (mots) => {
        const c = succes(tarifTraductionEcrite({ mots, date: "2019-03-09" }));
        const ligne = c.detail[0];
        const pages = Math.ceil(mots / 250);
        expect(ligne?._tag === "PagesTraduites" && ligne.pages).toBe(pages);
        expect(BigDecimal.equals(c.montantHt, BigDecimal.multiply(bd("25"), BigDecimal.fromBigInt(BigInt(pages))))).toBe(true);
        expect(pages * 250 >= mots && (pages - 1) * 250 < mots).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("bad input → SaisieInvalide naming the field", () => {

  it("missing or malformed times", () => {
    expect(champs(tarifTraductionOrale({}))).toEqual(["debut", "fin"]);
    expect(champs(tarifTraductionOrale({ debut: "09/03/2019 21:30", fin: "2019-03-09T23:40" }))).toEqual(["debut"]);
    expect(champs(tarifTraductionOrale({ debut: "2019-03-09T21:30", fin: "2019-03-09T23:40+01:00" }))).toEqual(["fin"]);
    expect(champs(tarifTraductionOrale({ debut: "2019-02-30T21:30", fin: "2019-03-09T25:40" }))).toEqual(["debut", "fin"]);
    expect(champs(tarifTraductionOrale({ debut: "2019-03-09T21:30:5", fin: "2019-03-09T23:40" }))).toEqual(["debut"]);
  });

  it("a time in the spring DST gap never existed in Paris", () => {
    const e = echec(decoderTraductionOrale({ debut: "2019-03-31T02:30", fin: "2019-03-31T04:00" }));
    expect(e.erreurs).toEqual([{ chemin: "debut", raison: expect.stringContaining("heure inexistante") as unknown }]);
  });

  it("fin must come after debut", () => {
    expect(champs(tarifTraductionOrale({ debut: "2019-03-09T21:30", fin: "2019-03-09T21:30" }))).toEqual(["fin"]);
    expect(champs(tarifTraductionOrale({ debut: "2019-03-09T21:30", fin: "2019-03-09T20:30" }))).toEqual(["fin"]);
  });

  it("a presence over 24 hours is refused; exactly 24 hours is accepted", () => {
    expect(champs(tarifTraductionOrale({ debut: "2019-03-12T08:00", fin: "2019-03-13T08:01" }))).toEqual(["fin"]);
    expect(heures(succes(tarifTraductionOrale({ debut: "2019-03-12T08:00", fin: "2019-03-13T08:00" })))).toHaveLength(24);
  });

  it("words must be a whole number > 0 and the date a real date", () => {
    expect(champs(tarifTraductionEcrite({}))).toEqual(["mots", "date"]);
    expect(champs(tarifTraductionEcrite({ mots: "0", date: "2019-03-09" }))).toEqual(["mots"]);
    expect(champs(tarifTraductionEcrite({ mots: "-3", date: "2019-03-09" }))).toEqual(["mots"]);
    expect(champs(tarifTraductionEcrite({ mots: "12.5", date: "2019-03-09" }))).toEqual(["mots"]);
    expect(champs(tarifTraductionEcrite({ mots: 2.5, date: "2019-03-09" }))).toEqual(["mots"]);
    expect(champs(tarifTraductionEcrite({ mots: "1e3", date: "2019-03-09" }))).toEqual(["mots"]);
    expect(champs(tarifTraductionEcrite({ mots: "99999999999999999999", date: "2019-03-09" }))).toEqual(["mots"]);
    expect(champs(tarifTraductionEcrite({ mots: "1000", date: "2019-02-29" }))).toEqual(["date"]);
    expect(champs(tarifTraductionEcrite({ mots: "1000", date: "09/03/2019" }))).toEqual(["date"]);
    expect(Either.isRight(decoderTraductionEcrite({ mots: " 1000 ", date: "2019-03-09" }))).toBe(true);
  });
});

// ------------------------------------------------------------------------------------------------
// Properties
// ------------------------------------------------------------------------------------------------

const PREMIER_JOUR = Temporal.PlainDate.from("2009-03-01");
const NB_JOURS = PREMIER_JOUR.until(Temporal.PlainDate.from("2020-12-30")).days;

/** A valid local start time in Paris within the 2009 version (times in the DST gap are shifted). */
const debutArb = fc
  .record({ jour: fc.integer({ min: 0, max: NB_JOURS }), minute: fc.integer({ min: 0, max: 1439 }) })
  .map(({ jour, minute }) =>
    PREMIER_JOUR.add({ days: jour })
      .toPlainDateTime({ hour: Math.floor(minute / 60), minute: minute % 60 })
      .toZonedDateTime("Europe/Paris"),
  );
const local = (z: Temporal.ZonedDateTime) => z.toPlainDateTime().toString({ smallestUnit: "minute" });
/** A wall-clock time that occurs twice in Paris (the repeated autumn hour): it carries no offset. */
const ambigue = (z: Temporal.ZonedDateTime) => {
  const heure = z.toPlainDateTime();
  const premiere = heure.toZonedDateTime("Europe/Paris", { disambiguation: "earlier" });
  return !premiere.equals(heure.toZonedDateTime("Europe/Paris", { disambiguation: "later" }));
};
/**
 * A presence: start, then an end `minutes` of real time later (1 min to 24 h). Ends in the repeated
 * autumn hour are left to the DST properties below: their wall-clock text does not say which of the
 * two hours they are, so the real duration is not what the text says.
 */
const presenceArb = fc
  .record({ debut: debutArb, minutes: fc.integer({ min: 1, max: 24 * 60 }) })
  .filter(({ debut, minutes }) => !ambigue(debut.add({ minutes })));
const saisie = (debut: Temporal.ZonedDateTime, minutes: number) => ({ debut: local(debut), fin: local(debut.add({ minutes })) });

describe("oral translation properties", () => {
  it("number of slots = ceil(real duration / 1 h); total = Σ slots; each slot = round(base × (1 + Σ taux))", () => {
    fc.assert(
      fc.property(presenceArb, ({ debut, minutes }) => {
        const brut = saisie(debut, minutes);
        const presence = Either.getOrThrow(decoderTraductionOrale(brut));
        const dureeMinutes = Number((presence.fin.epochNanoseconds - presence.debut.epochNanoseconds) / 60_000_000_000n);
        const c = succes(tarifTraductionOrale(brut));
        const h = heures(c);
        expect(h).toHaveLength(Math.ceil(dureeMinutes / 60));
        expect(heuresCommencees(presence)).toBe(h.length);
        expect(BigDecimal.equals(c.montantHt, BigDecimal.sumAll(h.map((x) => x.montant)))).toBe(true);
        for (const x of h) {
          const taux = BigDecimal.sumAll([bd("100"), ...x.majorations.map((m) => m.taux)]);
          const attendu = BigDecimal.round(BigDecimal.unsafeDivide(BigDecimal.multiply(x.base, taux), bd("100")), {
            scale: 2,
            mode: "half-from-zero",
          });
          expect(BigDecimal.equals(x.montant, attendu)).toBe(true);
          expect(codes(x).includes("PREMIERE_HEURE")).toBe(x.rang === 1);
          const heureLocale = Number(x.debut.slice(11, 13));
          expect(codes(x).includes("NUIT")).toBe(heureLocale >= 22 || heureLocale < 7);
          const jour = Temporal.PlainDate.from(x.debut.slice(0, 10));
          expect(codes(x).includes("SAMEDI_DIMANCHE_FERIE")).toBe(jour.dayOfWeek >= 6 || estJourFerie(jour));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("a longer presence never costs less (monotonic in duration)", () => {
    fc.assert(
      fc.property(debutArb, fc.integer({ min: 1, max: 24 * 60 }), fc.integer({ min: 1, max: 24 * 60 }), (debut, a, b) => {
        const [court, long] = a <= b ? [a, b] : [b, a];
        fc.pre(!ambigue(debut.add({ minutes: court })) && !ambigue(debut.add({ minutes: long })));
        const prixCourt = succes(tarifTraductionOrale(saisie(debut, court))).montantHt;
        const prixLong = succes(tarifTraductionOrale(saisie(debut, long))).montantHt;
        expect(BigDecimal.lessThanOrEqualTo(prixCourt, prixLong)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("computing from the decoded presence gives the same result as from raw strings", () => {
    fc.assert(
      fc.property(presenceArb, ({ debut, minutes }) => {
        const brut = saisie(debut, minutes);
        const direct = succes(tarifTraductionOrale(brut));
        const viaDecodage = succes(calculerTraductionOrale(Either.getOrThrow(decoderTraductionOrale(brut))));
        expect(calculTarifEnJson(viaDecodage)).toEqual(calculTarifEnJson(direct));
      }),
      { numRuns: 100 },
    );
  });
});

describe("oral translation across the DST changes", () => {
  /** The last Sunday of March (spring forward) or October (fall back) of a year. */
  const dernierDimanche = (annee: number, mois: 3 | 10) => {
    const fin = Temporal.PlainDate.from({ year: annee, month: mois, day: 31 });
    return fin.subtract({ days: fin.dayOfWeek % 7 });
  };
  const nuitArb = fc
    .record({
      annee: fc.integer({ min: 2009, max: 2020 }),
      mois: fc.constantFrom(3 as const, 10 as const),
      minuteDebut: fc.integer({ min: 0, max: 4 * 60 }),
      minutes: fc.integer({ min: 1, max: 6 * 60 }),
    })
    .map(({ annee, mois, minuteDebut, minutes }) => ({
      debut: dernierDimanche(annee, mois)
        .subtract({ days: 1 })
        .toPlainDateTime({ hour: 22 })
        .add({ minutes: minuteDebut })
        .toZonedDateTime("Europe/Paris"),
      minutes,
    }));

  it("counts real elapsed hours, not wall-clock differences", () => {
    fc.assert(
      fc.property(nuitArb, ({ debut, minutes }) => {
        const fin = debut.add({ minutes });
        const brut = { debut: local(debut), fin: local(fin) };
        const presence = Either.getOrThrow(decoderTraductionOrale(brut));
        // the start (never in the second occurrence here) is read as it was; the end is the
        // earliest instant with its wall-clock time after the start: the real end itself when its
        // text is unambiguous, never later than it otherwise
        expect(presence.debut.equals(debut)).toBe(true);
        expect(local(presence.fin)).toBe(brut.fin);
        expect(presence.fin.epochNanoseconds > presence.debut.epochNanoseconds).toBe(true);
        if (ambigue(fin)) {
          expect(presence.fin.epochNanoseconds <= fin.epochNanoseconds).toBe(true);
          const autre = presence.fin.toPlainDateTime().toZonedDateTime("Europe/Paris", { disambiguation: "earlier" });
          if (!autre.equals(presence.fin)) expect(autre.epochNanoseconds <= debut.epochNanoseconds).toBe(true);
        } else {
          expect(presence.fin.equals(fin)).toBe(true);
        }
        const reel = Number((presence.fin.epochNanoseconds - presence.debut.epochNanoseconds) / 60_000_000_000n);
        const h = heures(succes(tarifTraductionOrale(brut)));
        expect(h).toHaveLength(Math.ceil(reel / 60));
        // every slot after the first starts exactly one real hour after the previous one
        h.forEach((x, k) => {
          expect(x.debut).toBe(local(presence.debut.add({ hours: k })));
        });
      }),
      { numRuns: 200 },
    );
  });

  it("the DST days of 2019 are Sundays (so every slot on them is a weekend hour)", () => {
    expect(dernierDimanche(2019, 3).toString()).toBe("2019-03-31");
    expect(dernierDimanche(2019, 10).toString()).toBe("2019-10-27");
  });
});

describe("TarifInconnu exactly outside [2008-09-11, 2020-12-31]", () => {
  it("holds for any date from 2000 to 2030", () => {
    const debut = Temporal.PlainDate.from("2000-01-01");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 31 * 366 }), fc.integer({ min: 1, max: 5000 }), (n, mots) => {
        const jour = debut.add({ days: n });
        const connu =
          Temporal.PlainDate.compare(jour, Temporal.PlainDate.from("2008-09-11")) >= 0 &&
          Temporal.PlainDate.compare(jour, Temporal.PlainDate.from("2021-01-01")) < 0;
        const r = tarifTraductionEcrite({ mots, date: jour.toString() });
        expect(Either.isRight(r)).toBe(connu);
        if (Either.isLeft(r)) expect(r.left._tag).toBe("TarifInconnu");
      }),
      { numRuns: 300 },
    );
  });
});
