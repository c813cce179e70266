import { and, assign, setup } from "xstate";
import type { ContexteMandat, StatutMandat } from "./mandat.model.js";

/** Events the mandat machine understands; each carries the instant of the command. */
export type EvenementMachineMandat =
  | { readonly type: "mandat.signer"; readonly jeton: string; readonly maintenant: Date }
  | { readonly type: "mandat.renouveler-lien"; readonly jeton: string; readonly expireLe: Date; readonly maintenant: Date }
  | { readonly type: "mandat.revoquer"; readonly maintenant: Date };

type Signer = Extract<EvenementMachineMandat, { type: "mandat.signer" }>;

/** Compares two secrets in time independent of where they differ. */
const memesSecrets = (a: string, b: string): boolean => {
  let difference = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) difference |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return difference === 0;
};

/**
 * The named pure guards of the signature (seed 002: "cliquer sur le lien de signature du mandat"):
 * the token is the one of the pending link, and the link has not expired.
 */
export const gardesMandat = {
  jetonSignatureConforme: (context: ContexteMandat, event: Signer): boolean =>
    context.jetonSignature !== undefined && memesSecrets(context.jetonSignature, event.jeton),
  lienSignatureNonExpire: (context: ContexteMandat, event: Signer): boolean =>
    context.signatureExpireLe !== undefined && event.maintenant.getTime() < context.signatureExpireLe.getTime(),
} as const;

/** Name of a guard of {@link gardesMandat}. */
export type GardeMandat = keyof typeof gardesMandat;

/**
 * The lifecycle of one mandat de facturation: EN_ATTENTE_SIGNATURE → SIGNE → REVOQUE, or
 * EN_ATTENTE_SIGNATURE → REVOQUE (withdrawn before signature). The link can be renewed while pending.
 */
export const mandatMachine = setup({
  types: {
    context: {} as ContexteMandat,
    events: {} as EvenementMachineMandat,
    input: {} as ContexteMandat,
  },
  guards: {
    jetonSignatureConforme: ({ context, event }) => event.type === "mandat.signer" && gardesMandat.jetonSignatureConforme(context, event),
    lienSignatureNonExpire: ({ context, event }) => event.type === "mandat.signer" && gardesMandat.lienSignatureNonExpire(context, event),
  },
  actions: {
    enregistrerSignature: assign({ dateSignature: ({ event }) => event.maintenant }),
    remplacerLien: assign(({ context, event }) =>
      event.type === "mandat.renouveler-lien" ? { ...context, jetonSignature: event.jeton, signatureExpireLe: event.expireLe } : context,
    ),
    enregistrerRevocation: assign({ dateRevocation: ({ event }) => event.maintenant }),
  },
}).createMachine({
  id: "mandat",
  context: ({ input }) => input,
  initial: "EN_ATTENTE_SIGNATURE",
  states: {
    EN_ATTENTE_SIGNATURE: {
      on: {
        "mandat.signer": {
          guard: and(["jetonSignatureConforme", "lienSignatureNonExpire"]),
          target: "SIGNE",
          actions: "enregistrerSignature",
        },
        "mandat.renouveler-lien": { actions: "remplacerLien" },
        "mandat.revoquer": { target: "REVOQUE", actions: "enregistrerRevocation" },
      },
    },
    SIGNE: {
      on: { "mandat.revoquer": { target: "REVOQUE", actions: "enregistrerRevocation" } },
    },
    REVOQUE: { type: "final" },
  },
});

/** The states of the machine, which are exactly the {@link StatutMandat} values. */
export const ETATS_MANDAT: ReadonlyArray<StatutMandat> = ["EN_ATTENTE_SIGNATURE", "SIGNE", "REVOQUE"];

/** One transition of the mandat machine, read from the machine itself (for the docs and their drift test). */
export interface TransitionMandat {
  readonly depuis: StatutMandat;
  readonly evenement: EvenementMachineMandat["type"];
  /** The target state; the same state for a transition that only runs actions. */
  readonly vers: StatutMandat;
  /** Names of the guards that must all hold. */
  readonly gardes: ReadonlyArray<string>;
}

const nomsDesGardes = (garde: unknown): ReadonlyArray<string> => {
  if (garde === undefined) return [];
  if (typeof garde === "string") return [garde];
  if (typeof garde === "object" && garde !== null && "type" in garde && typeof garde.type === "string") return [garde.type];
  if (typeof garde === "function" && "guards" in garde && Array.isArray(garde.guards)) return garde.guards.flatMap(nomsDesGardes);
  return ["(garde anonyme)"];
};

/** Every transition of {@link mandatMachine}, in declaration order. */
export const transitionsMandat = (): ReadonlyArray<TransitionMandat> =>
  Object.values(mandatMachine.states).flatMap((noeud) =>
    [...noeud.transitions.entries()].flatMap(([evenement, definitions]) =>
      definitions.map((d) => ({
        depuis: noeud.key as StatutMandat,
        evenement: evenement as EvenementMachineMandat["type"],
        vers: (d.target?.[0]?.key ?? noeud.key) as StatutMandat,
        gardes: nomsDesGardes(d.guard),
      })),
    ),
  );

/** The transitions as a Markdown table, as `docs/organisation.md` shows it. */
export const tableauTransitionsMandat = (): string =>
  [
    "| From | Event | To | Guards |",
    "| --- | --- | --- | --- |",
    ...transitionsMandat().map(
      (t) => `| \`${t.depuis}\` | \`${t.evenement}\` | \`${t.vers}\` | ${t.gardes.length === 0 ? "—" : t.gardes.map((g) => `\`${g}\``).join(" ∧ ")} |`,
    ),
  ].join("\n");
