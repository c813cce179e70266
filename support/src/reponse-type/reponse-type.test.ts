import { Either } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { creer } from "../test-support/fixtures.js";
import { REPONSES_TYPES, remplir, repondre, valeursDuTicket, VARIABLES_REPONSE_TYPE, variablesDuGabarit } from "./index.js";

const ticket = creer();

describe("réponses types", () => {
  it("fills {{numero}}, {{demandeur}}, {{objet}} from the ticket", () => {
    const texte = Either.getOrThrow(remplir("Ticket {{numero}} de {{ demandeur }} sur {{objet}}.", valeursDuTicket(ticket)));
    expect(texte).toBe("Ticket CPROCS0048685 de Cabinet Traductions Dupont sur Mémoire de frais de justice MJ0000002117.");
  });

  it("refuses unknown variables, listing each once", () => {
    const r = remplir("{{numero}} {{montant}} {{}} {{montant}}", valeursDuTicket(ticket));
    expect(Either.isLeft(r) && r.left.variables).toEqual(["montant", ""]);
  });

  it("every shipped réponse type fills without error", () => {
    for (const reponse of REPONSES_TYPES) expect(Either.isRight(repondre(reponse, ticket))).toBe(true);
  });

  it("property: values are inserted as they are, never read again as a template", () => {
    fc.assert(
      fc.property(fc.record(Object.fromEntries(VARIABLES_REPONSE_TYPE.map((v) => [v, fc.string()])) as { [K in (typeof VARIABLES_REPONSE_TYPE)[number]]: fc.Arbitrary<string> }), (valeurs) => {
        const gabarit = VARIABLES_REPONSE_TYPE.map((v) => `{{${v}}}`).join("|");
        expect(Either.getOrThrow(remplir(gabarit, valeurs))).toBe(VARIABLES_REPONSE_TYPE.map((v) => valeurs[v]).join("|"));
      }),
      { numRuns: 200 },
    );
    expect(variablesDuGabarit("{{a}}{{b}}{{a}}")).toEqual(["a", "b"]);
  });
});
