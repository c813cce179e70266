import { BigDecimal, Either } from "effect";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import * as tarifs from "./index.js";

describe("public door of the tarifs module", () => {
  it("prices the CLI examples through index.ts only", () => {
    const orale = tarifs.tarifTraductionOrale({ debut: "2019-03-09T21:30", fin: "2019-03-09T23:40" });
    expect(Either.map(orale, (c) => tarifs.calculTarifEnJson(c).montantHt)).toEqual(Either.right("139.50"));
    const ecrite = tarifs.tarifTraductionEcrite({ mots: "1000", date: "2019-03-09" });
    expect(Either.map(ecrite, (c) => tarifs.calculTarifEnJson(c).montantHt)).toEqual(Either.right("100.00"));
  });

  it("exposes the settings the mémoire module needs", () => {
    expect(tarifs.estTarife("TRADUCTION_ECRITE")).toBe(true);
    expect(BigDecimal.format(tarifs.seuilCertification(Temporal.PlainDate.from("2019-07-24")))).toBe("1500");
    expect(tarifs.estJourFerie(Temporal.PlainDate.from("2019-11-11"))).toBe(true);
  });

  it("derives the TarifInconnu message from its fields", () => {
    const e = new tarifs.TarifInconnu({
      typePrestation: "TRADUCTION_ORALE",
      date: Temporal.PlainDate.from("2021-01-01"),
      raison: "barème 2021 non encore sourcé",
    });
    expect(e.message).toBe("Tarif inconnu pour TRADUCTION_ORALE au 2021-01-01 : barème 2021 non encore sourcé");
    expect(e._tag).toBe("TarifInconnu");
  });
});
