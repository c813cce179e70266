import { Either } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apres, contexteA, creer, JOUR, mener, systeme, VERS } from "../test-support/fixtures.js";
import { echeancesDues, executer, PARAMETRES_ECHEANCES_PAR_DEFAUT } from "./index.js";

describe("echeancesDues: the scheduler's work list", () => {
  const resolu = mener(creer(), VERS.RESOLU);
  const le = resolu.resoluLe ?? new Date(0);

  it("nothing before 5 days, the reminder from 5 days, the closure from 10 (only the closure then)", () => {
    expect(echeancesDues([resolu], apres(5 * JOUR - 1, le))).toEqual([]);
    expect(echeancesDues([resolu], apres(5 * JOUR, le)).map((e) => e.type)).toEqual(["ticket.relancer"]);
    expect(echeancesDues([resolu], apres(10 * JOUR, le)).map((e) => [e.type, e.dueLe])).toEqual([["ticket.cloturer-automatiquement", apres(10 * JOUR, le)]]);
  });

  it("no second reminder once done, and nothing for tickets not resolved", () => {
    const relance = Either.getOrThrow(executer(resolu, { type: "ticket.relancer", acteur: systeme }, contexteA(apres(6 * JOUR, le)))).ticket;
    expect(echeancesDues([relance], apres(7 * JOUR, le))).toEqual([]);
    expect(echeancesDues([creer(), mener(creer(), VERS.EN_COURS), mener(creer(), VERS.CLOTURE)], apres(100 * JOUR, le))).toEqual([]);
  });

  it("property: every event it lists is accepted by the machine at that instant, as the system", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 * JOUR }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        (minutes, relance, ecart) => {
          const parametres = { joursAvantRelance: relance, joursAvantCloture: relance + ecart };
          const maintenant = apres(minutes, le);
          for (const due of echeancesDues([resolu], maintenant, parametres)) {
            expect(Either.isRight(executer(resolu, { type: due.type, acteur: systeme }, contexteA(maintenant, { parametres })))).toBe(true);
          }
          const dues = echeancesDues([resolu], maintenant, parametres).map((d) => d.type);
          for (const type of ["ticket.relancer", "ticket.cloturer-automatiquement"] as const) {
            const accepte = Either.isRight(executer(resolu, { type, acteur: systeme }, contexteA(maintenant, { parametres })));
            if (accepte && !dues.includes(type)) expect(type === "ticket.relancer" && dues.includes("ticket.cloturer-automatiquement")).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
    expect(PARAMETRES_ECHEANCES_PAR_DEFAUT).toEqual({ joursAvantRelance: 5, joursAvantCloture: 10 });
  });
});
