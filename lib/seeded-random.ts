/**
 * mulberry32: a tiny seeded PRNG, so the same seed always yields the same simulated history (the demo
 * data, the benchmarks). Pure; not for anything that must be unguessable.
 *
 * @example
 * const random = seededRandom(2026); random(); // always the same first number in [0, 1)
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
