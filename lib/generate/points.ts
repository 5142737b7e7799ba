import type { Analyzed } from "./context";

/**
 * Words that mark a sentence as the paragraph's point rather than its evidence: a conclusion
 * drawn ("concluded that", "convinced"), a problem named ("The trouble was that"), a cause or
 * consequence stated ("settled", "because", "meant that"), a term defined ("known as").
 */
const POINT_CUE =
  /\b(?:conclude[ds]?|convinced?|persuaded|settled|decided|the (?:trouble|problem|point|lesson|result|reason) (?:was|is)|meant that|showed that|proved|known as|called|so that|therefore|as a result)\b/i;
// A short sentence that announces rather than states ("That memory is too simple."): the sentence
// after it gives the claim it announces.
const ANNOUNCING_WORDS = 7;
const STOP = new Set(
  "the a an and or but of in on at to for from by with as that this these those it its was were is are be been had has have not no which who what when where than then there their they them he she his her would could should will can may also more most such about over into after before only".split(
    " ",
  ),
);

/** Content-word stems of a sentence: lower-case, stopwords out, first six letters ("accepted" ~ "acceptance"). */
function stems(text: string): Set<string> {
  return new Set(
    (text.toLowerCase().match(/[a-z]+/g) ?? [])
      .filter((word) => word.length > 2 && !STOP.has(word))
      .map((w) => w.slice(0, 6)),
  );
}

/**
 * For each paragraph, the sentence that states its point: the one with a point cue, else the one
 * after a short announcing sentence, else the one whose content words the rest of the paragraph
 * repeats most densely (what the paragraph is about). Only sentences with a card to offer compete
 * (`usable`). Returns sentence indexes, in article order.
 *
 * @example paragraphPoints(analyzed, (i) => true) // [1, 5, 9, …]
 */
export function paragraphPoints(analyzed: Analyzed[], usable: (sentence: number) => boolean): number[] {
  const byParagraph = new Map<number, Analyzed[]>();
  for (const item of analyzed) {
    const list = byParagraph.get(item.sentence.paragraph) ?? [];
    list.push(item);
    byParagraph.set(item.sentence.paragraph, list);
  }
  const points: number[] = [];
  for (const items of byParagraph.values()) {
    const candidates = items.filter((item) => usable(item.sentence.index));
    if (candidates.length === 0) continue;
    const own = items.map((item) => stems(item.sentence.text));
    const value = (item: Analyzed) => {
      const at = items.indexOf(item);
      const words = own[at] ?? new Set<string>();
      const others = new Set(own.flatMap((set, k) => (k === at ? [] : [...set])));
      const density = words.size === 0 ? 0 : [...words].filter((w) => others.has(w)).length / words.size;
      const before = items[at - 1];
      const announced = before !== undefined && before.sentence.words <= ANNOUNCING_WORDS && at > 0;
      // A paragraph's first sentence, when it is not a short announcement, usually states its topic.
      const opens = at === 0 && item.sentence.words > ANNOUNCING_WORDS;
      return (POINT_CUE.test(item.sentence.text) ? 2 : 0) + (announced ? 1.5 : 0) + (opens ? 1 : 0) + density;
    };
    const best = candidates.reduce((a, b) => (value(b) > value(a) ? b : a));
    points.push(best.sentence.index);
  }
  return points.sort((a, b) => a - b);
}
