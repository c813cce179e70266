import { Option } from "effect";
import { describe, expect, it } from "vitest";
import { CATEGORIES_PRESTATAIRE, TYPES_PRESTATION, estTarife, typePrestation } from "./tarifs.prestations.js";

describe("catalogue of types de prestation", () => {
  it("shows the portal labels", () => {
    expect(TYPES_PRESTATION.map((t) => t.libelle)).toEqual([
      "Traduction orale (R122)",
      "Traduction écrite (R122)",
      "Interprétariat en langue des signes",
      "Enquête sociale (A43-12)",
      "Enquête de personnalité (A43-4)",
      "Certificat médical (R217-1)",
      "Audition d'enfant (A43-13)",
      "Expertise psychiatrique - pénal - instruction",
      "Expertise médicale",
      "Analyse de laboratoire",
      "Gardiennage de scellés",
      "Frais de fourrière",
      "Autre",
    ]);
  });

  it("has unique codes, a reference text and known catégories for every type", () => {
    expect(new Set(TYPES_PRESTATION.map((t) => t.code)).size).toBe(TYPES_PRESTATION.length);
    for (const t of TYPES_PRESTATION) {
      expect(t.texteReference).toMatch(/^CPP art\. /);
      expect(t.categories.length).toBeGreaterThan(0);
      expect(t.categories.every((c) => CATEGORIES_PRESTATAIRE.includes(c))).toBe(true);
    }
  });

  it("marks as tariffed only the costs whose tariff our sources name", () => {
    expect(TYPES_PRESTATION.filter((t) => t.tarife).map((t) => t.code)).toEqual([
      "TRADUCTION_ORALE",
      "TRADUCTION_ECRITE",
      "ENQUETE_SOCIALE",
      "ENQUETE_PERSONNALITE",
      "CERTIFICAT_MEDICAL",
      "AUDITION_ENFANT",
    ]);
    expect(estTarife("TRADUCTION_ORALE")).toBe(true);
    expect(estTarife("ENQUETE_SOCIALE")).toBe(true);
    expect(estTarife("EXPERTISE_MEDICALE")).toBe(false);
    expect(estTarife("AUTRE")).toBe(false);
    expect(estTarife("INCONNU")).toBe(false);
  });

  it("offers a built-in computation for the translations only, and every such type is tariffed", () => {
    const avecCalcul = TYPES_PRESTATION.filter((t) => Option.isSome(t.calcul));
    expect(avecCalcul.map((t) => [t.code, Option.getOrNull(t.calcul)])).toEqual([
      ["TRADUCTION_ORALE", "TRADUCTION_ORALE"],
      ["TRADUCTION_ECRITE", "TRADUCTION_ECRITE"],
    ]);
    expect(avecCalcul.every((t) => t.tarife)).toBe(true);
  });

  it("finds a type by its code", () => {
    expect(Option.map(typePrestation("CERTIFICAT_MEDICAL"), (t) => t.texteReference)).toEqual(Option.some("CPP art. R217-1"));
    expect(Option.isNone(typePrestation("Traduction orale (R122)"))).toBe(true);
    expect(Option.isNone(typePrestation(""))).toBe(true);
  });
});
