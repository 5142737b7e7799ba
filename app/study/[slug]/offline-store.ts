"use client";

// The study page's storage in the browser (IndexedDB, through `idb`): the answers not yet recorded by
// the server, so answers given offline survive a reload or a closed tab, and the version each card
// recorded here reached, so a queue kept by the service worker does not show them again. Keyed by
// the signed-in user and the deck: another account on the same browser never sends them.
import { useEffect, useRef } from "react";
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import { restoredOutbox, type OutboxReview } from "@/app/study/[slug]/outbox";
import type { RestoredStudy } from "@/app/study/[slug]/study-state";

/** Versions kept per deck: enough for any day's session; the oldest go first. */
const MAX_RECORDED = 1000;

interface StoredReview extends OutboxReview {
  /** `${userId}/${slug}` */
  deck: string;
}

interface StudyDb extends DBSchema {
  /** One row per review waiting, keyed by its reviewId: tabs on one deck never overwrite each other's. */
  outbox: { key: string; value: StoredReview; indexes: { deck: string } };
  recorded: { key: string; value: { deck: string; versions: Record<string, number> } };
}

let opened: Promise<IDBPDatabase<StudyDb>> | null = null;
function database(): Promise<IDBPDatabase<StudyDb>> {
  opened ??= openDB<StudyDb>("clio-study", 1, {
    upgrade(db) {
      db.createObjectStore("outbox", { keyPath: "reviewId" }).createIndex("deck", "deck");
      db.createObjectStore("recorded", { keyPath: "deck" });
    },
  });
  return opened;
}

const deckKey = (userId: string, slug: string) => `${userId}/${slug}`;

/**
 * What a reload finds for this deck, or nothing when the browser keeps no IndexedDB (a private
 * window may refuse it): the page then studies online as before.
 */
export async function loadStudy(userId: string, slug: string): Promise<RestoredStudy> {
  try {
    const db = await database();
    const deck = deckKey(userId, slug);
    const [items, recorded] = await Promise.all([db.getAllFromIndex("outbox", "deck", deck), db.get("recorded", deck)]);
    // In the order answered: that is the order they are recorded in.
    items.sort((a, b) => a.answeredAt - b.answeredAt);
    return {
      outbox: restoredOutbox(items.map(({ deck: _deck, ...item }) => item)),
      recordedVersions: recorded?.versions ?? {},
    };
  } catch (error) {
    console.warn(`[clio] answers are not kept across reloads here: ${(error as Error).message}`);
    return { outbox: restoredOutbox([]), recordedVersions: {} };
  }
}

/**
 * Writes what changed between two states of the page's outbox and recorded versions: new and
 * changed reviews are put, reviews that left the outbox (recorded, dropped, rebased under a new id)
 * are deleted. Only this tab's reviews are touched.
 */
export async function saveStudy(
  userId: string,
  slug: string,
  before: { items: readonly OutboxReview[]; recordedVersions: Record<string, number> },
  after: { items: readonly OutboxReview[]; recordedVersions: Record<string, number> },
): Promise<void> {
  try {
    const db = await database();
    const deck = deckKey(userId, slug);
    const tx = db.transaction(["outbox", "recorded"], "readwrite");
    const kept = new Set(after.items.map((i) => i.reviewId));
    const writes: Promise<unknown>[] = [];
    for (const item of before.items)
      if (!kept.has(item.reviewId)) writes.push(tx.objectStore("outbox").delete(item.reviewId));
    const previous = new Map(before.items.map((i) => [i.reviewId, i]));
    for (const item of after.items)
      if (previous.get(item.reviewId) !== item) writes.push(tx.objectStore("outbox").put({ ...item, deck }));
    if (before.recordedVersions !== after.recordedVersions) {
      const entries = Object.entries(after.recordedVersions);
      writes.push(tx.objectStore("recorded").put({ deck, versions: Object.fromEntries(entries.slice(-MAX_RECORDED)) }));
    }
    await Promise.all([...writes, tx.done]);
  } catch (error) {
    console.warn(`[clio] could not keep the answers in this browser: ${(error as Error).message}`);
  }
}

/** Keeps the page's outbox and recorded versions in IndexedDB as they change. */
export function usePersistedStudy(
  userId: string,
  slug: string,
  state: { outbox: { items: readonly OutboxReview[] }; recordedVersions: Record<string, number> },
): void {
  const { items } = state.outbox;
  const { recordedVersions } = state;
  const last = useRef({ items, recordedVersions });
  useEffect(() => {
    const before = last.current;
    const after = { items, recordedVersions };
    if (before.items === items && before.recordedVersions === recordedVersions) return;
    last.current = after;
    void saveStudy(userId, slug, before, after);
  }, [userId, slug, items, recordedVersions]);
}
