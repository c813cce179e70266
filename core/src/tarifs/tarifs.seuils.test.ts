import { BigDecimal, Option } from "effect";
import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { type SeuilsCertification } from "./tarifs.model.js";
import { SEUILS_CERTIFICATION, seuilCertification, versionSeuilCertification } from "./tarifs.seuils.js";

const d = (s: string) => Temporal.PlainDate.from(s);
const bd = (s: string) => BigDecimal.unsafeFromString(s);

describe("certification threshold (CPP R224-1 3°, A43-16)", () => {
  it("is 1 500 € in force, whatever the date, with its source", () => {
    for (const jour of ["2010-01-01", "2019-07-24", "2025-06-30", "2030-01-01"]) {
      expect(BigDecimal.equals(seuilCertification(d(jour)), bd("1500"))).toBe(true);
    }
    const v = versionSeuilCertification(d("2019-07-24"));
    expect(v.source).toContain("A43-16");
    expect(Option.isNone(v.applicableDepuis)).toBe(true);
  });

  it("does not apply the 460 € proposal of the 2025 Sénat report", () => {
    expect(SEUILS_CERTIFICATION.versions).toEqual([]);
    expect(BigDecimal.equals(seuilCertification(d("2026-01-01")), bd("460"))).toBe(false);
  });

  const avecReforme: SeuilsCertification = {
    origine: SEUILS_CERTIFICATION.origine,
    versions: [
      { applicableDepuis: d("2027-01-01"), montant: bd("460"), source: "arrêté d'essai" },
      { applicableDepuis: d("2026-01-01"), montant: bd("1000"), source: "arrêté d'essai antérieur" },
    ],
  };

  it("switches on the first day of a dated version, versions in any order", () => {
    expect(BigDecimal.format(seuilCertification(d("2025-12-31"), avecReforme))).toBe("1500");
    expect(BigDecimal.format(seuilCertification(d("2026-01-01"), avecReforme))).toBe("1000");
    expect(BigDecimal.format(seuilCertification(d("2026-12-31"), avecReforme))).toBe("1000");
    expect(BigDecimal.format(seuilCertification(d("2027-01-01"), avecReforme))).toBe("460");
    expect(Option.map(versionSeuilCertification(d("2027-02-01"), avecReforme).applicableDepuis, String)).toEqual(
      Option.some("2027-01-01"),
    );
  });

  it("gives the latest version started on or before the date", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 * 366 }), (n) => {
        const jour = d("2000-01-01").add({ days: n });
        const attendu =
          Temporal.PlainDate.compare(jour, d("2027-01-01")) >= 0 ? "460" : Temporal.PlainDate.compare(jour, d("2026-01-01")) >= 0 ? "1000" : "1500";
        expect(BigDecimal.format(seuilCertification(jour, avecReforme))).toBe(attendu);
      }),
      { numRuns: 200 },
    );
  });
});
