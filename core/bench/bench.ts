/** What a bench module reports, and how the runner finds it. */

/** One measured figure, with its target when there is one. */
export interface Mesure {
  readonly mesure: string;
  readonly valeur: number;
  readonly unite: string;
  /** The target as written in the issue ("≥ 1,000,000 lignes/s"), and whether it is met. */
  readonly cible?: { readonly texte: string; readonly atteinte: boolean };
}

/** A bench module: `export default { nom, executer } satisfies ModuleBench`. */
export interface ModuleBench {
  readonly nom: string;
  readonly executer: () => ReadonlyArray<Mesure> | Promise<ReadonlyArray<Mesure>>;
}

/** Deterministic PRNG (mulberry32): the same seed gives the same data on every run. */
export const prng = (graine: number): (() => number) => {
  let a = graine >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** Runs `f` `repetitions` times and returns the best duration in milliseconds. */
export const meilleurTemps = (repetitions: number, f: () => void): number => {
  let meilleur = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repetitions; i++) {
    const debut = performance.now();
    f();
    meilleur = Math.min(meilleur, performance.now() - debut);
  }
  return meilleur;
};
