import { createActor, type AnyStateMachine, type EventFromLogic, type SnapshotFrom } from "xstate";

/**
 * The pure transition function of a flat machine, with one inert actor scope built once and shared by
 * every call: the next snapshot, nothing executed.
 *
 * XState's `transition(machine, snapshot, event)` builds a new inert actor for every call, and with it
 * the machine's initial snapshot (about a tenth of a millisecond of every command of a mémoire). The
 * scope built here is the same kind of scope: an actor never started, whose actions are collected by
 * nobody — assignments are applied by the transition itself, other actions are not run (as with
 * `transition`). Only for machines that spawn no child actor, which a shared system would keep.
 *
 * @example
 * const suivant = transitionPure(machineMemoire);
 * suivant(machineMemoire.resolveState({ value: "DEPOSE", context }), evenement).value
 */
export const transitionPure = <M extends AnyStateMachine>(machine: M): ((snapshot: SnapshotFrom<M>, evenement: EventFromLogic<M>) => SnapshotFrom<M>) => {
  // Without input, as XState builds its own inert actors: the actor's initial snapshot is never used
  // (a context built from a required input only leaves that unused snapshot in error).
  const self = createActor(machine, { input: undefined as never });
  const portee: Parameters<M["transition"]>[2] = {
    self,
    id: "",
    sessionId: "",
    system: self.system,
    logger: () => undefined,
    defer: () => undefined,
    emit: () => undefined,
    stopChild: () => undefined,
    actionExecutor: () => undefined,
  };
  return (snapshot, evenement) => machine.transition(snapshot, evenement, portee) as SnapshotFrom<M>;
};
