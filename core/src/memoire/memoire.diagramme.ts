import { REGLES } from "../autorisation/index.js";
import { ACTION_DE_L_EVENEMENT, TYPES_EVENEMENT, type TypeEvenement } from "./memoire.evenements.js";
import { machineMemoire } from "./memoire.machine.js";
import { ETATS_MEMOIRE, type EtatMemoire } from "./memoire.model.js";

/**
 * Reading the machine definition (not a hand-kept copy of it) to document it: the transitions with
 * their guards and actions, a Mermaid state diagram, and a Markdown table. docs/memoire-etats.md is
 * generated from these (core/tools/diagrammes.ts) and a test fails when it drifts.
 */

/** One transition of the machine as read from its definition. */
export interface TransitionLue {
  readonly source: EtatMemoire;
  readonly evenement: TypeEvenement;
  /** Target state; equal to `source` for a transition that stays in the state (draft edit, prise en charge). */
  readonly cible: EtatMemoire;
  /** Guard names in order; `!nom` when the rule must not hold (`!delaiForclos`). */
  readonly gardes: ReadonlyArray<string>;
  /** Declared action names, in order. */
  readonly actions: ReadonlyArray<string>;
}

// XState keeps the operands of `and([...])` / `not(...)` on the guard function (`guards`); a named guard is
// `{ type }` or a string.
const nomsDeGarde = (garde: unknown, negation = false): ReadonlyArray<string> => {
  if (garde === undefined || garde === null) return [];
  if (typeof garde === "string") return [negation ? `!${garde}` : garde];
  if (typeof garde === "object" && "type" in garde && typeof garde.type === "string") return [negation ? `!${garde.type}` : garde.type];
  if (typeof garde === "function" && "guards" in garde && Array.isArray(garde.guards)) {
    const operandes: ReadonlyArray<unknown> = garde.guards;
    const estNot = garde.name === "not";
    return operandes.flatMap((g) => nomsDeGarde(g, estNot ? !negation : negation));
  }
  return ["(garde anonyme)"];
};

const nomsDActions = (actions: ReadonlyArray<unknown>): ReadonlyArray<string> =>
  actions.flatMap((a) =>
    typeof a === "string" ? [a] : typeof a === "object" && a !== null && "type" in a && typeof a.type === "string" ? [a.type] : [],
  );

const estEtat = (s: string): s is EtatMemoire => (ETATS_MEMOIRE as ReadonlyArray<string>).includes(s);
const estEvenement = (s: string): s is TypeEvenement => (TYPES_EVENEMENT as ReadonlyArray<string>).includes(s);

/** Every transition of the machine, in the order of the states then of the events of each state. */
export const transitionsDeLaMachine = (): ReadonlyArray<TransitionLue> =>
  ETATS_MEMOIRE.flatMap((source) => {
    const noeud = machineMemoire.root.states[source];
    if (noeud === undefined) return [];
    return Object.entries(noeud.on).flatMap(([evenement, definitions]) =>
      estEvenement(evenement)
        ? definitions.map((d) => {
            const cible = d.target?.[0]?.key ?? source;
            return {
              source,
              evenement,
              cible: estEtat(cible) ? cible : source,
              gardes: nomsDeGarde(d.guard),
              actions: nomsDActions(d.actions),
            };
          })
        : [],
    );
  });

/** States of type `final` in the machine. */
export const etatsFinals = (): ReadonlyArray<EtatMemoire> =>
  ETATS_MEMOIRE.filter((e) => machineMemoire.root.states[e]?.type === "final");

/** Who may send an event, as the autorisation module's rule table says. */
export const acteursDeLEvenement = (evenement: TypeEvenement): string => {
  const regle = REGLES[ACTION_DE_L_EVENEMENT[evenement]];
  switch (regle.cote) {
    case "PRESTATAIRE":
      return "niveau" in regle && regle.niveau === "ECRITURE"
        ? "prestataire (habilitation Frais de justice MODIFICATION, or gestionnaire)"
        : "prestataire";
    case "JURIDICTION":
      return `agent ${regle.roles.join(" or ")} (perimeter: juridiction or cour d'appel)`;
    case "SYSTEME":
      return "system";
  }
};

/** The Mermaid `stateDiagram-v2` of the machine: one arrow per transition, labelled `event [guards]`. */
export const diagrammeMermaid = (): string => {
  const lignes = ["stateDiagram-v2", `  [*] --> ${String(machineMemoire.root.initial.target[0]?.key ?? "BROUILLON")}`];
  for (const t of transitionsDeLaMachine()) {
    const gardes = t.gardes.filter((g) => g !== "!acteurNonAutorise");
    lignes.push(`  ${t.source} --> ${t.cible}: ${t.evenement}${gardes.length === 0 ? "" : ` [${gardes.join(", ")}]`}`);
  }
  for (const f of etatsFinals()) lignes.push(`  ${f} --> [*]`);
  return lignes.join("\n");
};

/** The Markdown table of the transitions: state, event, target, who, rules, actions. */
export const tableauTransitions = (): string => {
  const lignes = [
    "| State | Event | To | Who | Guards (in order) | Actions |",
    "|---|---|---|---|---|---|",
    ...transitionsDeLaMachine().map(
      (t) =>
        `| ${t.source} | \`${t.evenement}\` | ${t.cible} | ${acteursDeLEvenement(t.evenement)} | ${t.gardes.map((g) => `\`${g}\``).join(", ")} | ${t.actions.map((a) => `\`${a}\``).join(", ")} |`,
    ),
  ];
  return lignes.join("\n");
};

/** The whole generated page docs/memoire-etats.md. */
export const pageEtats = (): string =>
  [
    "<!-- Generated by core/tools/diagrammes.ts from the machine (core/src/memoire/memoire.machine.ts): do not edit by hand. -->",
    "# Lifecycle of a mémoire de frais de justice",
    "",
    "Diagram and table generated from the XState definition of the machine. `!guard`: the rule must not",
    "hold (e.g. `!delaiForclos`). Every transition also requires `!acteurNonAutorise` (left out of the",
    "diagram for readability). Rules, actors and decisions: [memoire.md](memoire.md).",
    "",
    "```mermaid",
    diagrammeMermaid(),
    "```",
    "",
    "## Transitions",
    "",
    tableauTransitions(),
    "",
    `Final states: ${etatsFinals().join(", ")}.`,
    "",
  ].join("\n");
