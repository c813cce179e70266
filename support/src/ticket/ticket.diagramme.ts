import { machineTicket } from "./ticket.machine.js";
import { ETATS_TICKET, LIBELLES_ETAT_TICKET, type EtatTicket } from "./ticket.model.js";

/**
 * Reading the machine definition (not a hand-kept copy of it) to document it: its transitions with
 * their guards, a Mermaid state diagram and a Markdown table. `docs/support-etats.md` is generated
 * from these (`support/tools/diagramme.ts`) and a test fails when it drifts.
 */

/** One transition of the machine as read from its definition. */
export interface TransitionTicket {
  readonly source: EtatTicket;
  readonly evenement: string;
  /** Equal to `source` for a transition that stays in the state (comment, note, attachment, reminder). */
  readonly cible: EtatTicket;
  /** Guard names in order, `!nom` when the rule must not hold. */
  readonly gardes: ReadonlyArray<string>;
}

// XState keeps the operands of `and([...])` / `not(...)` on the guard function (`guards`).
const nomsDeGarde = (garde: unknown, negation = false): ReadonlyArray<string> => {
  if (garde === undefined || garde === null) return [];
  if (typeof garde === "string") return [negation ? `!${garde}` : garde];
  if (typeof garde === "function" && "guards" in garde && Array.isArray(garde.guards)) {
    const operandes: ReadonlyArray<unknown> = garde.guards;
    const estNot = garde.name === "not";
    return operandes.flatMap((g) => nomsDeGarde(g, estNot ? !negation : negation));
  }
  return ["(garde anonyme)"];
};

const estEtat = (s: string): s is EtatTicket => (ETATS_TICKET as ReadonlyArray<string>).includes(s);

/** Every transition of the machine, in the order of the states then of the events of each state. */
export const transitionsDuTicket = (): ReadonlyArray<TransitionTicket> =>
  ETATS_TICKET.flatMap((source) =>
    Object.entries(machineTicket.root.states[source]?.on ?? {}).flatMap(([evenement, definitions]) =>
      definitions.map((d) => {
        const cible = d.target?.[0]?.key ?? source;
        return { source, evenement, cible: estEtat(cible) ? cible : source, gardes: nomsDeGarde(d.guard) };
      }),
    ),
  );

const GARDES_ACTEUR: Readonly<Record<string, string>> = {
  "!acteurNonDemandeur": "demandeur",
  "!acteurHorsFile": "agent de la file",
  "!acteurNonAffecte": "agent affecté",
  "!acteurNiDemandeurNiAgentDeLaFile": "demandeur ou agent de la file",
  "!acteurNonSysteme": "système",
};

/** Who may send the event of a transition, read from its actor guards. */
const qui = (t: TransitionTicket): string => {
  const acteurs = t.gardes.flatMap((g) => (GARDES_ACTEUR[g] === undefined ? [] : [GARDES_ACTEUR[g]]));
  return acteurs.includes("agent affecté") ? "agent affecté" : acteurs.join(", ");
};

/**
 * The Mermaid `stateDiagram-v2` of the machine: one arrow per state change, labelled with the event,
 * who sends it and its other rules. Transitions that stay in their state are in the table only.
 */
export const diagrammeMermaidTicket = (): string => {
  const lignes = ["stateDiagram-v2", `  [*] --> ${String(machineTicket.root.initial.target[0]?.key ?? "BROUILLON")}`];
  for (const t of transitionsDuTicket().filter((x) => x.cible !== x.source || x.evenement === "ticket.transferer")) {
    const regles = t.gardes.filter((g) => GARDES_ACTEUR[g] === undefined);
    lignes.push(`  ${t.source} --> ${t.cible}: ${t.evenement} (${qui(t)})${regles.length === 0 ? "" : ` [${regles.join(", ")}]`}`);
  }
  for (const e of ETATS_TICKET.filter((x) => machineTicket.root.states[x]?.type === "final")) lignes.push(`  ${e} --> [*]`);
  return lignes.join("\n");
};

/** The Markdown table of every transition: state, event, target, who, rules in order. */
export const tableauTransitionsTicket = (): string =>
  [
    "| État | Événement | Vers | Qui | Gardes (dans l'ordre) |",
    "|---|---|---|---|---|",
    ...transitionsDuTicket().map(
      (t) => `| ${t.source} (${LIBELLES_ETAT_TICKET[t.source]}) | \`${t.evenement}\` | ${t.cible} | ${qui(t)} | ${t.gardes.map((g) => `\`${g}\``).join(", ")} |`,
    ),
  ].join("\n");

/** The whole generated page `docs/support-etats.md`. */
export const pageEtatsTicket = (): string =>
  [
    "<!-- Généré par support/tools/diagramme.ts depuis la machine (support/src/ticket/ticket.machine.ts) : ne pas modifier à la main. -->",
    "# Cycle de vie d'un ticket de support",
    "",
    "Diagramme et table générés depuis la définition XState de la machine. `!garde` : la règle ne doit pas",
    "être vérifiée. Le diagramme montre les changements d'état (et le transfert) ; la table liste aussi les",
    "événements qui restent dans l'état (commentaire, note interne, pièce jointe, relance). Règles et",
    "décisions : [support.md](support.md).",
    "",
    "```mermaid",
    diagrammeMermaidTicket(),
    "```",
    "",
    "## Transitions",
    "",
    tableauTransitionsTicket(),
    "",
    "Un événement absent d'un état est refusé : `ticketClos` dans CLOTURE (lecture seule),",
    "`solutionEnAttenteDeReponse` pour `ticket.cloturer` dans RESOLU, `etatIncompatible` sinon.",
    "",
  ].join("\n");
