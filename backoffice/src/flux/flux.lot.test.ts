import { Either } from "effect";
import { describe, expect, it } from "vitest";
import { STATUTS_LOT, STATUTS_LOT_FINALS, statutInitial, transitionLot, type EvenementLot, type StatutLot } from "./flux.lot.js";

const EVENEMENTS: ReadonlyArray<EvenementLot> = [
  { type: "lot.traiter" },
  { type: "lot.terminer", integres: 3, rejetes: 0, complet: true },
  { type: "lot.terminer", integres: 3, rejetes: 0, complet: false },
  { type: "lot.terminer", integres: 2, rejetes: 1, complet: true },
  { type: "lot.terminer", integres: 0, rejetes: 3, complet: true },
  { type: "lot.rejeter", motif: "en-tête illisible" },
  { type: "lot.signaler-incident", motif: "base indisponible" },
];

const vers = (statut: StatutLot, e: EvenementLot): string => Either.match(transitionLot("L", statut, e), { onLeft: (x) => x._tag, onRight: (t) => t.vers });

describe("statuts d'un lot", () => {
  it("starts in IN_RECU", () => {
    expect(statutInitial()).toBe("IN_RECU");
  });

  it("follows the table of DOMAIN.md §4, every other move refused with a tagged error", () => {
    const table = Object.fromEntries(STATUTS_LOT.map((s) => [s, EVENEMENTS.map((e) => vers(s, e))]));
    const R = "TransitionLotRefusee";
    expect(table).toEqual({
      IN_RECU: ["IN_EN_COURS_TRAITEMENT", R, R, R, R, "IN_REJETE", R],
      IN_EN_COURS_TRAITEMENT: ["IN_EN_COURS_TRAITEMENT", "IN_INTEGRE", "IN_INTEGRE_PARTIEL", "IN_INTEGRE_PARTIEL", "IN_REJETE", "IN_REJETE", "IN_INCIDENTE"],
      IN_INCIDENTE: ["IN_EN_COURS_TRAITEMENT", R, R, R, R, R, R],
      IN_INTEGRE: [R, R, R, R, R, R, R],
      IN_INTEGRE_PARTIEL: [R, R, R, R, R, R, R],
      IN_REJETE: [R, R, R, R, R, R, R],
    });
    expect(STATUTS_LOT_FINALS).toEqual(["IN_INTEGRE", "IN_INTEGRE_PARTIEL", "IN_REJETE"]);
  });

  it("records the motif of a rejection or an incident in the transition", () => {
    expect(Either.getOrThrow(transitionLot("L", "IN_EN_COURS_TRAITEMENT", { type: "lot.signaler-incident", motif: "disque plein" }))).toEqual({
      evenement: "lot.signaler-incident",
      de: "IN_EN_COURS_TRAITEMENT",
      vers: "IN_INCIDENTE",
      motif: "disque plein",
    });
  });
});
