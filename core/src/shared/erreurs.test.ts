import { Either, Schema } from "effect";
import { describe, expect, it } from "vitest";
import { depuisParseError, formaterChemin, prefixer } from "./erreurs.js";

describe("field paths", () => {
  it("renders numeric segments as indexes", () => {
    expect(formaterChemin(["lignes", 2, "tauxTva"])).toBe("lignes[2].tauxTva");
    expect(formaterChemin([])).toBe("");
    expect(prefixer("lignes[2]", "tauxTva")).toBe("lignes[2].tauxTva");
    expect(prefixer("lignes", "[0].quantite")).toBe("lignes[0].quantite");
  });

  it("turns a schema error into field errors naming every offending field", () => {
    const S = Schema.Struct({ lignes: Schema.Array(Schema.Struct({ tauxTva: Schema.String })) });
    const r = Schema.decodeUnknownEither(S, { errors: "all" })({ lignes: [{ tauxTva: "5.5" }, { tauxTva: 7 }] });
    expect(Either.isLeft(r)).toBe(true);
    if (Either.isLeft(r)) {
      const erreur = depuisParseError(r.left);
      expect(erreur._tag).toBe("SaisieInvalide");
      expect(erreur.erreurs.map((e) => e.chemin)).toEqual(["lignes[1].tauxTva"]);
      expect(erreur.message).toContain("lignes[1].tauxTva");
    }
  });

  it("an optional field given a bad value is refused for its own reason, not also for not being undefined", () => {
    const Quantite = Schema.String.pipe(Schema.pattern(/^\d+(\.\d+)?$/, { message: () => "pas un nombre décimal" }));
    const S = Schema.Struct({ quantite: Schema.optional(Quantite), autre: Schema.UndefinedOr(Schema.Number) });
    const r = Schema.decodeUnknownEither(S, { errors: "all" })({ quantite: "abc", autre: "x" });
    expect(Either.isLeft(r)).toBe(true);
    if (Either.isLeft(r)) {
      const erreurs = depuisParseError(r.left).erreurs;
      expect(erreurs.filter((e) => e.chemin === "quantite").map((e) => e.raison)).toEqual(["pas un nombre décimal"]);
      expect(erreurs.filter((e) => e.chemin === "autre")).toHaveLength(1);
      expect(erreurs.some((e) => e.raison.startsWith("Expected undefined"))).toBe(false);
    }
  });

  it("keeps « expected undefined » when it is the only reason (a field that must be absent)", () => {
    const r = Schema.decodeUnknownEither(Schema.Struct({ rien: Schema.Undefined }))({ rien: 1 });
    if (Either.isLeft(r)) expect(depuisParseError(r.left).erreurs.map((e) => e.chemin)).toEqual(["rien"]);
    else expect.unreachable();
  });
});
