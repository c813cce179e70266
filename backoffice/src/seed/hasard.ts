/** A seeded pseudo-random generator (mulberry32): the same seed gives the same dataset, everywhere. */
export interface Hasard {
  /** A float in [0, 1). */
  readonly suivant: () => number;
  /** An integer in [min, max]. */
  readonly entier: (min: number, max: number) => number;
  /** One element of a non-empty list. */
  readonly choisir: <T>(xs: ReadonlyArray<T>) => T;
  /** True with probability p. */
  readonly chance: (p: number) => boolean;
}

export const hasard = (graine: number): Hasard => {
  let a = graine >>> 0;
  const suivant = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const entier = (min: number, max: number): number => min + Math.floor(suivant() * (max - min + 1));
  return {
    suivant,
    entier,
    choisir: <T>(xs: ReadonlyArray<T>): T => {
      const x = xs[entier(0, xs.length - 1)];
      if (x === undefined) throw new RangeError("choisir : liste vide");
      return x;
    },
    chance: (p) => suivant() < p,
  };
};

/** A deterministic UUID-shaped id from the generator (version-4 layout). */
export const uuid = (h: Hasard): string => {
  const hex = (n: number) => Array.from({ length: n }, () => h.entier(0, 15).toString(16)).join("");
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${h.choisir(["8", "9", "a", "b"])}${hex(3)}-${hex(12)}`;
};
