import { Option } from "effect";
import { describe, expect, it } from "vitest";
import { ETATS_MEMOIRE } from "./memoire.model.js";
import { LIBELLES_STATUT_VISIBLE, STATUTS_VISIBLES, statutVisible } from "./memoire.statut-visible.js";

describe("statutVisible", () => {
  it("maps every internal state onto the seven statuses of the tableau de bord", () => {
    const table = Object.fromEntries(ETATS_MEMOIRE.map((etat) => [etat, Option.getOrNull(statutVisible(etat))]));
    expect(table).toEqual({
      BROUILLON: "BROUILLON",
      SUPPRIME: null,
      ENVOYE: "ENVOYE",
      MIS_A_DISPOSITION: "MIS_A_DISPOSITION",
      A_TAXER: "MIS_A_DISPOSITION",
      CERTIFIE: "MIS_A_DISPOSITION",
      TAXE: "MIS_A_DISPOSITION",
      VALIDE: "MIS_A_DISPOSITION",
      MIS_EN_PAIEMENT: "MIS_EN_PAIEMENT",
      REFUSE: "REFUSE",
      ABANDONNE: "ABANDONNE",
      DUPLIQUE_POST_REFUS: "DUPLIQUE_POST_REFUS",
    });
  });

  it("reaches each of the seven statuses and labels them as the portal does", () => {
    const atteints = new Set(ETATS_MEMOIRE.flatMap((etat) => Option.toArray(statutVisible(etat))));
    expect([...atteints].sort()).toEqual([...STATUTS_VISIBLES].sort());
    expect(STATUTS_VISIBLES.map((s) => LIBELLES_STATUT_VISIBLE[s])).toEqual([
      "Brouillon",
      "Envoyé",
      "Mis à disposition",
      "Refusé",
      "Dupliqué post refus",
      "Abandonné",
      "Mis en paiement",
    ]);
  });
});
