import { Either } from "effect";
import { describe, expect, it } from "vitest";
import * as Core from "./index.js";

describe("the package's root entry", () => {
  it("exposes every module as a namespace whose functions work", () => {
    const r = Core.Montants.calculerMontants({ typeTva: "SANS_TVA", lignes: [{ quantite: "2", tarifHt: "30", tauxTva: "0" }] });
    expect(Either.isRight(r) && Core.Montants.montantsEnJson(r.right).totaux.montantTtc).toBe("60.00");
    expect(Core.Structure.isLuhnValide("73282932000074")).toBe(true);
    expect(typeof Core.Autorisation.autoriser).toBe("function");
    expect(Core.Tarifs.estJourFerie).toBeTypeOf("function");
    expect(new Core.SaisieInvalide({ erreurs: [{ chemin: "a", raison: "b" }] }).message).toBe("a: b");
  });
});
