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
});
