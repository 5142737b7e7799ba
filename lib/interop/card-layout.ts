import { CARD_TYPE_LABELS, CLOZE_BLANK, type CardType } from "@/lib/cards";

/** A card as stored (the Card table's columns an export needs). */
export type StoredCardForExport = {
  externalId: string;
  type: CardType;
  prompt: string;
  answer: string;
  options: string[];
  explanation: string;
  quote: string;
  extra: unknown;
  tags: string[];
};

export type LaidOutCard = { kind: "basic" | "cloze"; front: string; back: string; extra: string; tags: string[] };

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * A Clio card as a two-sided note another app can show: basic and cloze as themselves, every other
 * kind as a question with its options lettered under it and the answer on the back. The quote and
 * the article's title go in the extra field; a tag names the card's kind. Pure.
 */
export function layOutCard(card: StoredCardForExport, articleTitle: string): LaidOutCard {
  const extraText = [
    card.explanation.trim(),
    card.quote.trim() ? `“${card.quote.trim()}”\n— ${articleTitle}` : `— ${articleTitle}`,
  ]
    .filter(Boolean)
    .join("\n\n");
  const tags = [...card.tags, `clio::${card.type}`];
  if (card.type === "cloze" && card.prompt.includes(CLOZE_BLANK)) {
    return {
      kind: "cloze",
      front: card.prompt.replace(CLOZE_BLANK, `{{c1::${card.answer}}}`),
      back: card.answer,
      extra: extraText,
      tags,
    };
  }
  if (card.type === "basic" || card.type === "cloze")
    return { kind: "basic", front: card.prompt, back: card.answer, extra: extraText, tags };
  // A timeline stores its events in the right order: listed that way, the question would answer itself.
  const options = card.type === "timeline" ? [...card.options].sort((a, b) => a.localeCompare(b)) : card.options;
  const lettered = options.map((option, i) => `${LETTERS[i] ?? "-"}. ${option}`).join("\n");
  const front = [`${CARD_TYPE_LABELS[card.type]}: ${card.prompt}`, lettered].filter(Boolean).join("\n\n");
  const correction =
    typeof (card.extra as { correction?: unknown } | null)?.correction === "string"
      ? (card.extra as { correction: string }).correction
      : "";
  const letter = card.type === "timeline" ? -1 : options.indexOf(card.answer);
  const back = [letter >= 0 ? `${LETTERS[letter]}. ${card.answer}` : card.answer, correction]
    .filter(Boolean)
    .join("\n");
  return { kind: "basic", front, back, extra: extraText, tags };
}
