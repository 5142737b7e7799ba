import { CLOZE_BLANK } from "@/lib/cards";

/** `{{c1::answer}}` or `{{c1::answer::hint}}`, as Anki writes them (answers hold no `}}`). */
const CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;

export type ClozeCard = { number: number; prompt: string; answer: string };
export type ClozeSplit = { cards: ClozeCard[]; source: string; skipped: { number: number; reason: string }[] };

/**
 * One card per cloze number, as Anki makes them: that number's deletion becomes the blank (with its
 * hint in brackets), every other deletion shows its answer. Clio cards have one blank, so a number
 * used twice in a note is skipped with a reason rather than guessed at.
 *
 * @example splitCloze("{{c1::Kyiv::city}} is the capital of {{c2::Ukraine}}").cards[0].prompt // "____ [city] is the capital of Ukraine"
 */
export function splitCloze(text: string): ClozeSplit {
  const numbers = [...new Set([...text.matchAll(CLOZE)].map((m) => Number(m[1])))].sort((a, b) => a - b);
  const source = text.replace(CLOZE, (_all, _n, answer: string) => answer);
  const cards: ClozeCard[] = [];
  const skipped: ClozeSplit["skipped"] = [];
  for (const number of numbers) {
    const answers: string[] = [];
    // A Clio cloze prompt has exactly one run of underscores, its blank: the note's own become look-alikes.
    const prompt = text
      .replace(/_{2,}/g, (run) => "‗".repeat(run.length))
      .replace(CLOZE, (_all, n: string, answer: string, hint: string | undefined) => {
        if (Number(n) !== number) return answer;
        answers.push(answer.trim());
        return hint?.trim() ? `${CLOZE_BLANK} [${hint.trim()}]` : CLOZE_BLANK;
      });
    if (answers.length > 1)
      skipped.push({ number, reason: "a cloze number used more than once in a note (Clio cards have one blank)" });
    else if (!answers[0]) skipped.push({ number, reason: "an empty cloze deletion" });
    else cards.push({ number, prompt, answer: answers[0] });
  }
  return { cards, source, skipped };
}

export function hasCloze(text: string): boolean {
  return /\{\{c\d+::/.test(text);
}
