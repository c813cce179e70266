import { Either } from "effect";
import { describe, expect, it } from "vitest";
import { autoriser, type CibleStructure, type EspaceOuvrable } from "../autorisation/index.js";
import {
  accepterRattachement,
  acteurUtilisateur,
  demanderRattachement,
  detacher,
  etatRattachementsVide,
  fonderStructure,
  type EtatRattachements,
} from "../rattachement/index.js";
import { contexteDeterministe } from "../shared/index.js";
import { demanderAbonnement, etatHabilitationsVide, habilitationsDe, surUtilisateurDetache, validerAbonnement, type EtatHabilitations } from "./index.js";

const ouvert: ReadonlyArray<EspaceOuvrable> = ["MEMOIRES_DE_FRAIS_DE_JUSTICE"];
const cible: CibleStructure = { _tag: "Structure", structureId: "S1", espacesOuverts: ouvert };

const ok = <A, E>(r: Either.Either<A, E>): A => {
  if (Either.isLeft(r)) throw new Error(String(r.left));
  return r.right;
};

describe("rattachement + habilitation + autoriser", () => {
  it("a simple user gets write access by subscription, and loses it when detached", () => {
    const ctx = contexteDeterministe(new Date("2026-06-01T08:00:00Z"), "x");
    let r: EtatRattachements = ok(fonderStructure(etatRattachementsVide, { structureId: "S1", createurId: "manuela" }, ctx)).state;
    r = ok(demanderRattachement(r, { utilisateurId: "paul", structureId: "S1" }, ctx)).state;
    r = ok(accepterRattachement(r, { par: "manuela", demandeId: r.demandes[0]?.id ?? "", role: "UTILISATEUR" }, ctx)).state;
    const paul = (h: EtatHabilitations) => acteurUtilisateur(r, "paul", habilitationsDe(h, "paul"));

    let h = etatHabilitationsVide;
    expect(Either.isLeft(autoriser(paul(h), "memoire.modifier", cible))).toBe(true);
    h = ok(demanderAbonnement(h, { acteur: paul(h), espacesOuverts: ouvert, donnees: { structureId: "S1", espace: "MEMOIRES_DE_FRAIS_DE_JUSTICE", mode: "MODIFICATION" } }, ctx)).state;
    h = ok(validerAbonnement(h, { acteur: acteurUtilisateur(r, "manuela"), espacesOuverts: ouvert, donnees: { demandeId: h.abonnements[0]?.id ?? "" } }, ctx)).state;
    expect(Either.map(autoriser(paul(h), "memoire.modifier", cible), (a) => a.motif)).toEqual(Either.right("HABILITATION_MODIFICATION"));

    const depart = ok(detacher(r, { par: "manuela", structureId: "S1", utilisateurId: "paul" }, ctx));
    r = depart.state;
    for (const e of depart.events) if (e._tag === "UtilisateurDetache") h = surUtilisateurDetache(h, e, ctx).state;
    expect(habilitationsDe(h, "paul")).toEqual([]);
    const refus = autoriser(paul(h), "memoire.consulter", cible);
    expect(Either.isLeft(refus) && refus.left.raison).toBe("NON_RATTACHE");
  });
});
