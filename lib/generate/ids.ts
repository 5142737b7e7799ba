/** Deterministic hashing, seeded shuffling and card ids: same text in, same cards out. */

/** FNV-1a, 32 bits. Not cryptographic: it only has to be stable and spread well. */
export function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small seeded generator, so "random" option orders are reproducible. */
export function seededRandom(seed: string): () => number {
  let state = hash32(seed);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const random = seededRandom(seed);
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

export function slugWords(text: string, maxWords: number): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]s\b/g, "")
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "")
    .slice(0, maxWords)
    .join("-");
}

/**
 * A card id from its content: a type prefix, a few words of what it asks and a short hash, e.g.
 * `cloze-2007-3k9x2a`. Unique within one output (a repeat gets `-2`, `-3`, ...).
 */
export function makeCardId(prefix: string, words: string, content: string, taken: Set<string>): string {
  const hash = hash32(content).toString(36).padStart(7, "0").slice(0, 7);
  const middle = slugWords(words, 5).slice(0, 50).replace(/-+$/, "");
  const base = [prefix, middle, hash].filter((part) => part !== "").join("-");
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
