/**
 * What a pure command needs from the outside world, passed in rather than read:
 * the current instant and a source of fresh identifiers. Core never calls `Date.now()`
 * or a random generator itself, so every command is reproducible in tests.
 */
export interface Contexte {
  /** The instant the command is executed (the caller's clock). */
  readonly maintenant: Date;
  /** Returns a fresh, unique identifier on each call (UUID in adapters, a counter in tests). */
  readonly genererId: () => string;
}

/** A deterministic context for tests and examples: a fixed instant and a counter-based id generator. */
export const contexteDeterministe = (maintenant: Date, prefixe = "id"): Contexte => {
  let compteur = 0;
  return {
    maintenant,
    genererId: () => {
      compteur += 1;
      return `${prefixe}-${String(compteur).padStart(6, "0")}`;
    },
  };
};
