import { Data, Either } from "effect";
import { initialTransition, setup, transition } from "xstate";

/**
 * The processing status of a lot (DOMAIN.md §4) and its small XState machine:
 *
 *   IN_RECU → IN_EN_COURS_TRAITEMENT → IN_INTEGRE | IN_INTEGRE_PARTIEL | IN_REJETE | IN_INCIDENTE
 *
 * - `lot.traiter`: processing starts; also the resumption of a lot left in progress by a stopped
 *   process (IN_EN_COURS_TRAITEMENT → itself) or after an incident (IN_INCIDENTE → IN_EN_COURS_TRAITEMENT).
 * - `lot.terminer` with the counts: every item integrated and the whole file read → IN_INTEGRE; none →
 *   IN_REJETE; otherwise IN_INTEGRE_PARTIEL (guards `toutIntegre`, `rienIntegre`, named after the outcome).
 * - `lot.rejeter`: the lot itself is refused (unreadable file, wrong header, unknown émetteur).
 * - `lot.signaler-incident`: a technical failure (database, disk) stopped the processing; it can be resumed.
 *
 * IN_INTEGRE, IN_INTEGRE_PARTIEL and IN_REJETE are final. Every accepted event is one audit row
 * (`flux_lot_transition`); a refused one is a `TransitionLotRefusee`, nothing changes.
 */
export const STATUTS_LOT = ["IN_RECU", "IN_EN_COURS_TRAITEMENT", "IN_INTEGRE", "IN_INTEGRE_PARTIEL", "IN_REJETE", "IN_INCIDENTE"] as const;
export type StatutLot = (typeof STATUTS_LOT)[number];

/** Final statuses: a lot there is never processed again (a re-run returns its compte rendu). */
export const STATUTS_LOT_FINALS: ReadonlyArray<StatutLot> = ["IN_INTEGRE", "IN_INTEGRE_PARTIEL", "IN_REJETE"];

/** The events of a lot. */
export type EvenementLot =
  | { readonly type: "lot.traiter" }
  | {
      readonly type: "lot.terminer";
      readonly integres: number;
      readonly rejetes: number;
      /** False when the file was cut short (not well-formed after some mémoires): the lot is then at best partial. */
      readonly complet: boolean;
    }
  | { readonly type: "lot.rejeter"; readonly motif: string }
  | { readonly type: "lot.signaler-incident"; readonly motif: string };

/** The event is not accepted in the lot's status. */
export class TransitionLotRefusee extends Data.TaggedError("TransitionLotRefusee")<{ readonly lotId: string; readonly statut: StatutLot; readonly evenement: EvenementLot["type"] }> {
  override get message(): string {
    return `lot ${this.lotId} : ${this.evenement} impossible au statut ${this.statut}`;
  }
}

export const machineLot = setup({
  types: { events: {} as EvenementLot },
  guards: {
    toutIntegre: ({ event }) => event.type === "lot.terminer" && event.complet && event.rejetes === 0 && event.integres > 0,
    rienIntegre: ({ event }) => event.type === "lot.terminer" && event.integres === 0,
  },
}).createMachine({
  id: "lot",
  initial: "IN_RECU",
  states: {
    IN_RECU: { on: { "lot.traiter": "IN_EN_COURS_TRAITEMENT", "lot.rejeter": "IN_REJETE" } },
    IN_EN_COURS_TRAITEMENT: {
      on: {
        "lot.traiter": { target: "IN_EN_COURS_TRAITEMENT", reenter: true },
        "lot.terminer": [{ guard: "toutIntegre", target: "IN_INTEGRE" }, { guard: "rienIntegre", target: "IN_REJETE" }, { target: "IN_INTEGRE_PARTIEL" }],
        "lot.rejeter": "IN_REJETE",
        "lot.signaler-incident": "IN_INCIDENTE",
      },
    },
    IN_INCIDENTE: { on: { "lot.traiter": "IN_EN_COURS_TRAITEMENT" } },
    IN_INTEGRE: { type: "final" },
    IN_INTEGRE_PARTIEL: { type: "final" },
    IN_REJETE: { type: "final" },
  },
});

/** A status change to record. */
export interface TransitionLot {
  readonly evenement: EvenementLot["type"];
  readonly de: StatutLot;
  readonly vers: StatutLot;
  readonly motif?: string;
}

/** The status a lot is in when received. */
export const statutInitial = (): StatutLot => initialTransition(machineLot)[0].value;

/** Applies an event to a lot in `statut` (pure): the new status, or the refusal. */
export const transitionLot = (lotId: string, statut: StatutLot, evenement: EvenementLot): Either.Either<TransitionLot, TransitionLotRefusee> => {
  const snapshot = machineLot.resolveState({ value: statut, context: {} });
  if (!snapshot.can(evenement)) return Either.left(new TransitionLotRefusee({ lotId, statut, evenement: evenement.type }));
  const [suivant] = transition(machineLot, snapshot, evenement);
  const motif = evenement.type === "lot.rejeter" || evenement.type === "lot.signaler-incident" ? evenement.motif : undefined;
  return Either.right({ evenement: evenement.type, de: statut, vers: suivant.value, ...(motif === undefined ? {} : { motif }) });
};

/** French labels of the statuses (back-office, CLI summary). */
export const LIBELLES_STATUT_LOT: Readonly<Record<StatutLot, string>> = {
  IN_RECU: "Reçu",
  IN_EN_COURS_TRAITEMENT: "En cours de traitement",
  IN_INTEGRE: "Intégré",
  IN_INTEGRE_PARTIEL: "Intégré partiellement",
  IN_REJETE: "Rejeté",
  IN_INCIDENTE: "Incident",
};
