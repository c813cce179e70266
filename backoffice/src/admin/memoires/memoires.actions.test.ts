import { describe, expect, it } from "vitest";
import { cheminEnFrancais } from "./memoires.actions.js";

describe("the fields of a refused input, as the actions' forms name them", () => {
  it("names the fields in French and counts the lines from 1", () => {
    expect(cheminEnFrancais("redressements[0].quantite")).toBe("redressement n° 1, quantité");
    expect(cheminEnFrancais("redressements[1].tarifHt")).toBe("redressement n° 2, tarif HT");
    expect(cheminEnFrancais("taxation.lignes[2].montantHtTaxe")).toBe("taxation, ligne n° 3, HT taxé");
    expect(cheminEnFrancais("taxation.motif")).toBe("taxation, motif");
    expect(cheminEnFrancais("paiement.reference")).toBe("paiement, référence");
    expect(cheminEnFrancais("")).toBe("saisie");
  });

  it("leaves a name it does not know as core wrote it", () => {
    expect(cheminEnFrancais("inconnu[3].champ")).toBe("inconnu n° 4, champ");
  });
});
