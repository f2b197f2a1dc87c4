// Seeded randomness: the same seed gives the same sequence on every machine, so a demo feed, a
// price path, a chaos run's fault schedule or a fuzz case can be replayed from its seed.
// mulberry32: small, fast and well spread for simulations. Not for secrets (use node:crypto).

/** A uniform draw in [0, 1). */
export type Uniform = () => number;

export type SeededRandom = {
  /** A uniform draw in [0, 1). */
  next: Uniform;
  /** An integer in [min, maxInclusive]. */
  int: (min: number, maxInclusive: number) => number;
  /** True with probability `p`. */
  chance: (p: number) => boolean;
  /** One of `items`, uniformly; throws on an empty list. */
  pick: <T>(items: readonly T[]) => T;
};

/** The mulberry32 generator for `seed` (taken as an unsigned 32-bit integer). */
export function mulberry32(seed: number): Uniform {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seededRandom(seed: number): SeededRandom {
  const next = mulberry32(seed);
  return {
    next,
    int: (min, maxInclusive) => min + Math.floor(next() * (maxInclusive - min + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[Math.floor(next() * items.length)] as T;
    },
  };
}

/** 32-bit FNV-1a of a string: turns a name such as "seed:symbol" into a seed. */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A standard normal draw (Box–Muller) from a uniform source. */
export function gaussian(uniform: Uniform): number {
  const u = Math.max(uniform(), Number.EPSILON);
  const v = uniform();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
