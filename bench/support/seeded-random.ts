/**
 * A small deterministic generator (mulberry32), so that every run of a bench
 * builds the same data from the same seed.
 */
export function seededRandom(seed: number): {
  random: () => number;
  pick: <T>(xs: readonly T[]) => T;
} {
  let state = seed;
  const random = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  function pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(random() * xs.length)] as T;
  }
  return { random, pick };
}
