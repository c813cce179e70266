import { Either } from "effect";
import { describe, expect, it } from "vitest";
import { ouvrirEspace } from "../habilitation/index.js";
import { acteurUtilisateur, etatRattachementsVide, fonderStructure } from "../rattachement/index.js";
import { contexteDeterministe } from "../shared/index.js";
import { ajouterService, creerStructure } from "./structure.commands.js";

/** The contract between modules: StructureCreee founds the rattachement, ouvrirEspace works on a Structure. */
describe("structure ↔ rattachement ↔ habilitation", () => {
  const ctx = contexteDeterministe(new Date("2026-03-02T09:00:00Z"), "s");
  const creee = Either.getOrThrow(
    creerStructure(
      {
        createurId: "u-manuela",
        donnees: {
          identifiant: { type: "SIRET", valeur: "73282932000074" },
          raisonSociale: "Les Délices de Savoie",
          adresse: { ligne: "1 place de l'Hôtel de Ville", codePostal: "73000", ville: "Chambéry", pays: "FR" },
        },
      },
      ctx,
    ),
  );

  it("the creator, founded as gestionnaire principal from StructureCreee, may open an espace and manage services", () => {
    const evenement = creee.events[0];
    if (evenement?._tag !== "StructureCreee") throw new Error("StructureCreee expected");
    const rattachements = Either.getOrThrow(fonderStructure(etatRattachementsVide, evenement, ctx)).state;
    const manuela = acteurUtilisateur(rattachements, "u-manuela");
    expect(manuela.rattachements).toEqual([{ structureId: creee.state.id, role: "GESTIONNAIRE_PRINCIPAL" }]);

    const ouverte = Either.getOrThrow(ouvrirEspace(creee.state, { acteur: manuela, donnees: { espace: "MEMOIRES_DE_FRAIS_DE_JUSTICE" } }, ctx)).state;
    expect(ouverte.espacesOuverts).toEqual(["MEMOIRES_DE_FRAIS_DE_JUSTICE"]);
    expect(ouverte.raisonSociale).toBe("Les Délices de Savoie");

    const avecService = ajouterService(ouverte, { acteur: manuela, donnees: { code: "COMPTA", libelle: "Comptabilité" } }, ctx);
    expect(Either.isRight(avecService)).toBe(true);

    const pierre = acteurUtilisateur(rattachements, "u-pierre");
    expect(Either.isLeft(ajouterService(ouverte, { acteur: pierre, donnees: { code: "X", libelle: "x" } }, ctx))).toBe(true);
  });
});
