import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assign, setup, transition } from "xstate";
import { transitionPure } from "./machine.js";

type Evenement = { readonly type: "AJOUTER"; readonly n: number } | { readonly type: "FERMER" } | { readonly type: "ROUVRIR" };

const effets: Array<string> = [];

/** A flat machine with a required input, a guard, an assignment and an action with a side effect. */
const machine = setup({
  types: { context: {} as { readonly total: number; readonly fermetures: number }, events: {} as Evenement, input: {} as { readonly depart: number } },
  guards: { assezHaut: ({ context }) => context.total >= 3 },
  actions: {
    ajouter: assign(({ context, event }) => ({ total: context.total + (event.type === "AJOUTER" ? event.n : 0) })),
    compterFermeture: assign(({ context }) => ({ fermetures: context.fermetures + 1 })),
    effet: () => void effets.push("exécuté"),
  },
}).createMachine({
  id: "essai",
  initial: "OUVERT",
  context: ({ input }) => ({ total: input.depart, fermetures: 0 }),
  states: {
    OUVERT: {
      on: {
        AJOUTER: { actions: ["ajouter", "effet"] },
        FERMER: { target: "FERME", guard: "assezHaut", actions: ["compterFermeture", "effet"] },
      },
    },
    FERME: { entry: "effet", on: { ROUVRIR: "OUVERT" } },
  },
});

const evenement = fc.oneof(
  fc.record({ type: fc.constant("AJOUTER" as const), n: fc.integer({ min: -2, max: 5 }) }),
  fc.constant({ type: "FERMER" as const }),
  fc.constant({ type: "ROUVRIR" as const }),
);

describe("transitionPure", () => {
  const suivant = transitionPure(machine);
  const restaurer = (etat: "OUVERT" | "FERME", total: number) => machine.resolveState({ value: etat, context: { total, fermetures: 0 } });

  it("gives the snapshot XState's transition() gives, for any sequence of events, and runs no action", () => {
    fc.assert(
      fc.property(fc.constantFrom("OUVERT" as const, "FERME" as const), fc.integer({ min: 0, max: 5 }), fc.array(evenement, { maxLength: 12 }), (etat, total, evenements) => {
        effets.length = 0;
        let nous = restaurer(etat, total);
        let xstate = restaurer(etat, total);
        for (const e of evenements) {
          nous = suivant(nous, e);
          [xstate] = transition(machine, xstate, e);
          expect(nous.value).toBe(xstate.value);
          expect(nous.context).toEqual(xstate.context);
          expect(nous.status).toBe("active");
        }
        expect(effets).toEqual([]);
      }),
    );
  });

  it("applies guards and assignments", () => {
    const refuse = suivant(restaurer("OUVERT", 1), { type: "FERMER" });
    expect(refuse.value).toBe("OUVERT");
    expect(refuse.context).toEqual({ total: 1, fermetures: 0 });
    const ferme = suivant(suivant(restaurer("OUVERT", 1), { type: "AJOUTER", n: 2 }), { type: "FERMER" });
    expect(ferme.value).toBe("FERME");
    expect(ferme.context).toEqual({ total: 3, fermetures: 1 });
  });

  it("leaves the snapshot it is given unchanged", () => {
    const avant = restaurer("OUVERT", 2);
    const apres = suivant(avant, { type: "AJOUTER", n: 4 });
    expect(avant.context).toEqual({ total: 2, fermetures: 0 });
    expect(apres.context.total).toBe(6);
  });
});
