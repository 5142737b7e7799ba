import { createHash } from "node:crypto";
import { strToU8, zipSync } from "fflate";
import type { Rating } from "@/lib/srs";
import { loadSqlJs } from "../sqlite";
import { SCHEMA11_SQL } from "./schema11";

/** A card as it goes into Anki: a Basic note (front, back, extra) or a Cloze note (text, extra). */
export type AnkiExportCard = {
  /** Stable across exports (the Clio card id): the note's guid comes from it, so a re-import updates. */
  key: string;
  kind: "basic" | "cloze";
  /** basic: the question; cloze: the text with `{{c1::answer}}` already in place. Plain text. */
  front: string;
  /** basic: the answer; cloze: unused. Plain text. */
  back: string;
  /** The explanation, quote and article title, shown under the answer. Plain text. */
  extra: string;
  tags: string[];
  /** One student's scheduling of the card (their own export), absent for a teacher's deck export. */
  progress?: AnkiProgress | null;
};

export type AnkiProgress = {
  state: "new" | "learning" | "review" | "relearning";
  due: Date;
  scheduledDays: number;
  reps: number;
  lapses: number;
  stability: number;
  difficulty: number;
  reviews: {
    rating: Rating;
    reviewedAt: Date;
    scheduledDays: number;
    state: "new" | "learning" | "review" | "relearning";
  }[];
};

export const BASIC_MODEL_ID = 1_700_000_000_001;
export const CLOZE_MODEL_ID = 1_700_000_000_002;
const DECK_ID = 1_700_000_000_003;
const DAY_MS = 86_400_000;

const CSS =
  ".card { font-family: arial; font-size: 20px; text-align: center; color: black; background-color: white; }\n.extra { font-size: 16px; color: #555; text-align: left; }\n.cloze { font-weight: bold; color: blue; }";

function field(name: string, ord: number) {
  return { name, ord, sticky: false, rtl: false, font: "Arial", size: 20, media: [] };
}

function models(now: number) {
  const common = {
    mod: Math.floor(now / 1000),
    usn: -1,
    sortf: 0,
    did: DECK_ID,
    css: CSS,
    latexPre: "",
    latexPost: "",
    tags: [],
    vers: [],
  };
  return {
    [BASIC_MODEL_ID]: {
      ...common,
      id: BASIC_MODEL_ID,
      name: "Clio Basic",
      type: 0,
      flds: [field("Front", 0), field("Back", 1), field("Extra", 2)],
      tmpls: [
        {
          name: "Card 1",
          ord: 0,
          qfmt: "{{Front}}",
          afmt: '{{FrontSide}}\n\n<hr id="answer">\n\n{{Back}}{{#Extra}}<div class="extra"><br>{{Extra}}</div>{{/Extra}}',
          did: null,
          bqfmt: "",
          bafmt: "",
        },
      ],
      req: [[0, "any", [0]]],
    },
    [CLOZE_MODEL_ID]: {
      ...common,
      id: CLOZE_MODEL_ID,
      name: "Clio Cloze",
      type: 1,
      flds: [field("Text", 0), field("Back Extra", 1)],
      tmpls: [
        {
          name: "Cloze",
          ord: 0,
          qfmt: "{{cloze:Text}}",
          afmt: '{{cloze:Text}}{{#Back Extra}}<div class="extra"><br>{{Back Extra}}</div>{{/Back Extra}}',
          did: null,
          bqfmt: "",
          bafmt: "",
        },
      ],
      req: [[0, "any", [0]]],
    },
  };
}

function deck(id: number, name: string, now: number, description = "") {
  return {
    id,
    name,
    desc: description,
    mod: Math.floor(now / 1000),
    usn: -1,
    collapsed: false,
    browserCollapsed: false,
    newToday: [0, 0],
    revToday: [0, 0],
    lrnToday: [0, 0],
    timeToday: [0, 0],
    dyn: 0,
    conf: 1,
    extendNew: 10,
    extendRev: 50,
  };
}

const DECK_CONFIG = {
  1: {
    id: 1,
    name: "Default",
    mod: 0,
    usn: 0,
    maxTaken: 60,
    autoplay: true,
    timer: 0,
    replayq: true,
    dyn: false,
    new: { perDay: 20, delays: [1, 10], separate: true, ints: [1, 4, 0], initialFactor: 2500, bury: false, order: 1 },
    rev: { perDay: 200, fuzz: 0.05, ivlFct: 1, maxIvl: 36500, ease4: 1.3, bury: false, minSpace: 1 },
    lapse: { leechFails: 8, minInt: 1, delays: [10], leechAction: 1, mult: 0 },
  },
};

/** Anki fields are HTML: Clio's plain text is escaped, line breaks become <br>. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\n/g, "<br>");
}

/** Anki's sort-field checksum: the first 8 hex digits of the SHA-1 of the field's plain text. */
function fieldChecksum(text: string): number {
  return parseInt(createHash("sha1").update(text).digest("hex").slice(0, 8), 16);
}

/** A 10-character guid derived from the card's key, in Anki's base91 alphabet's safe subset. */
function guidOf(key: string): string {
  return createHash("sha1").update(`clio:${key}`).digest("base64").replace(/[+/=]/g, "").slice(0, 10);
}

const TYPE_AND_QUEUE = { new: [0, 0], learning: [1, 1], review: [2, 2], relearning: [3, 1] } as const;
const EASE = { again: 1, hard: 2, good: 3, easy: 4 } as const;
const REVLOG_TYPE = { new: 0, learning: 0, review: 1, relearning: 2 } as const;

/**
 * A deck as an Anki package (.apkg): one collection.anki2 at schema 11 and an empty media list.
 * Basic cards become "Clio Basic" notes (Front, Back, Extra), cloze cards "Clio Cloze" notes.
 *
 * @example await writeApkg("NATO expansion", cards, new Date()) // bytes of a zip Anki imports
 */
export async function writeApkg(
  title: string,
  cards: AnkiExportCard[],
  now: Date,
  description = "",
): Promise<Uint8Array> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  try {
    const nowMs = now.getTime();
    // Anki counts review due dates in days from the collection's creation: the start of today (UTC).
    const crt = Math.floor(nowMs / DAY_MS) * DAY_MS;
    db.run(SCHEMA11_SQL);
    db.run("insert into col values (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')", [
      crt / 1000,
      nowMs,
      nowMs,
      JSON.stringify({
        nextPos: cards.length + 1,
        activeDecks: [DECK_ID],
        curDeck: DECK_ID,
        curModel: BASIC_MODEL_ID,
        sortType: "noteFld",
        sortBackwards: false,
        addToCur: true,
        newSpread: 0,
        dueCounts: true,
        collapseTime: 1200,
        estTimes: true,
        timeLim: 0,
      }),
      JSON.stringify(models(nowMs)),
      JSON.stringify({ 1: deck(1, "Default", nowMs), [DECK_ID]: deck(DECK_ID, title, nowMs, description) }),
      JSON.stringify(DECK_CONFIG),
    ]);
    const note = db.prepare("insert into notes values (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')");
    const card = db.prepare("insert into cards values (?, ?, ?, 0, ?, -1, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?)");
    const revlog = db.prepare("insert into revlog values (?, ?, -1, ?, ?, ?, ?, 0, ?)");
    const usedRevlogIds = new Set<number>();
    cards.forEach((c, position) => {
      // Note and card ids are millisecond timestamps in Anki; consecutive ones keep them unique.
      const id = nowMs + position;
      const fields = c.kind === "cloze" ? [c.front, c.extra] : [c.front, c.back, c.extra];
      const tags = c.tags.map((t) => t.replace(/\s+/g, "_")).filter(Boolean);
      note.run([
        id,
        guidOf(c.key),
        c.kind === "cloze" ? CLOZE_MODEL_ID : BASIC_MODEL_ID,
        Math.floor(nowMs / 1000),
        tags.length ? ` ${tags.join(" ")} ` : "",
        fields.map(escapeHtml).join("\x1f"),
        c.front,
        fieldChecksum(c.front),
      ]);
      const progress = c.progress;
      const state = progress?.state ?? "new";
      const [type, queue] = TYPE_AND_QUEUE[state];
      // New cards are due by position; learning cards at a Unix time in seconds; review cards on a day number.
      const due =
        !progress || state === "new"
          ? position + 1
          : state === "review"
            ? Math.floor((progress.due.getTime() - crt) / DAY_MS)
            : Math.floor(progress.due.getTime() / 1000);
      const data =
        progress && state !== "new"
          ? JSON.stringify({ s: round(progress.stability), d: round(progress.difficulty) })
          : "";
      card.run([
        id,
        id,
        DECK_ID,
        Math.floor(nowMs / 1000),
        type,
        queue,
        due,
        progress?.scheduledDays ?? 0,
        state === "new" ? 0 : 2500,
        progress?.reps ?? 0,
        progress?.lapses ?? 0,
        data,
      ]);
      let lastInterval = 0;
      for (const review of progress?.reviews ?? []) {
        let revlogId = review.reviewedAt.getTime();
        while (usedRevlogIds.has(revlogId)) revlogId += 1;
        usedRevlogIds.add(revlogId);
        revlog.run([
          revlogId,
          id,
          EASE[review.rating],
          review.scheduledDays,
          lastInterval,
          2500,
          REVLOG_TYPE[review.state],
        ]);
        lastInterval = review.scheduledDays;
      }
    });
    note.free();
    card.free();
    revlog.free();
    const collection = db.export();
    return zipSync({ "collection.anki2": collection, media: strToU8("{}") });
  } finally {
    db.close();
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
