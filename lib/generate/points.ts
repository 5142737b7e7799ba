import type { Analyzed } from "./context";
import type { Sentence } from "./segment";

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
 * @example paragraphPoints(context.analyzed, context.sentences, () => true) // [1, 5, 9, …]
 */
export function paragraphPoints(
  analyzed: Analyzed[],
  sentences: Sentence[],
  usable: (sentence: number) => boolean,
): number[] {
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
      // Neighbours are read from every sentence (a short one may have been skipped as too short to ask).
      const short = (k: number) => {
        const other = sentences[item.sentence.index + k - at];
        return other !== undefined && other.paragraph === item.sentence.paragraph && other.words <= ANNOUNCING_WORDS;
      };
      const first = sentences[item.sentence.index - 1]?.paragraph !== item.sentence.paragraph;
      const last = sentences[item.sentence.index + 1]?.paragraph !== item.sentence.paragraph;
      // A short sentence with more after it announces ("Events in Europe settled the debate."): the
      // sentence after it states what it announces ("That memory is too simple." -> "The aid was modest…").
      const announces = short(at) && !last;
      const announced = !first && short(at - 1);
      // A paragraph's first sentence usually states its topic, unless a short judgement of it
      // follows ("…remembered as the money that rebuilt Europe. That memory is too simple.").
      const opens = first && !short(at) && !short(at + 1);
      return (
        (POINT_CUE.test(item.sentence.text) ? 2 : 0) +
        (announced ? 1.5 : 0) +
        (opens ? 1 : 0) -
        (announces ? 2 : 0) +
        density
      );
    };
    const best = candidates.reduce((a, b) => (value(b) > value(a) ? b : a));
    points.push(best.sentence.index);
  }
  return points.sort((a, b) => a - b);
}
