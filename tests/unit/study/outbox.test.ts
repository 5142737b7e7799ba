import { describe, expect, it } from "vitest";
import {
  EMPTY_OUTBOX,
  backoffMs,
  drop,
  enqueue,
  isWaiting,
  markConflict,
  markFailed,
  markSaved,
  markSending,
  nextAttemptAt,
  nextToSend,
  rebase,
  reconcile,
  restoredOutbox,
  retryNow,
  saveStatus,
  type Outbox,
} from "@/app/study/[slug]/outbox";

const NOW = Date.parse("2026-03-02T09:00:00.000Z");
const review = (n: number, cardId = `card-${n}`) => ({
  reviewId: `r-${n}`,
  cardId,
  version: 1,
  rating: "good" as const,
  answerMs: 900,
  answeredAt: NOW - 60_000 + n,
});
const two = (): Outbox => enqueue(enqueue(EMPTY_OUTBOX, review(1)), review(2));

describe("the review outbox", () => {
  it("keeps reviews in the order given, each once", () => {
    const outbox = enqueue(two(), review(1));
    expect(outbox.items.map((i) => i.reviewId)).toEqual(["r-1", "r-2"]);
    expect(outbox.items[0]).toMatchObject({ status: "pending", attempts: 0, notBefore: 0 });
    expect(isWaiting(outbox, "card-2")).toBe(true);
    expect(isWaiting(outbox, "card-3")).toBe(false);
  });

  it("sends the oldest only, one at a time", () => {
    const outbox = two();
    expect(nextToSend(outbox, NOW)?.reviewId).toBe("r-1");
    const sending = markSending(outbox, "r-1");
    expect(nextToSend(sending, NOW)).toBeNull();
    const saved = markSaved(sending, "r-1");
    expect(saved).toMatchObject({ saved: 1, lastError: null });
    expect(nextToSend(saved, NOW)?.reviewId).toBe("r-2");
    expect(nextToSend(EMPTY_OUTBOX, NOW)).toBeNull();
  });

  it("counts a review saved once, even when its answer arrives twice", () => {
    const once = markSaved(two(), "r-1");
    expect(markSaved(once, "r-1")).toBe(once);
  });

  it("tries a failed review again after a growing back-off, keeping its id, and at once when back online", () => {
    let outbox = markFailed(markSending(two(), "r-1"), "r-1", NOW, "Network error");
    expect(outbox.items[0]).toMatchObject({ reviewId: "r-1", status: "pending", attempts: 1, notBefore: NOW + 1000 });
    expect(nextToSend(outbox, NOW + 999)).toBeNull();
    expect(nextAttemptAt(outbox)).toBe(NOW + 1000);
    expect(nextToSend(outbox, NOW + 1000)?.reviewId).toBe("r-1");
    outbox = markFailed(outbox, "r-1", NOW, "Network error");
    expect(outbox.items[0]?.notBefore).toBe(NOW + 2000);
    expect(nextToSend(retryNow(outbox), NOW)?.reviewId).toBe("r-1");
    expect([1, 2, 3, 6, 10].map(backoffMs)).toEqual([1000, 2000, 4000, 30_000, 30_000]);
  });

  it("holds a conflicted review until it is rebased on the card's version under a new id", () => {
    const conflicted = markConflict(two(), "r-1");
    expect(nextToSend(conflicted, NOW)).toBeNull();
    expect(nextAttemptAt(conflicted)).toBeNull();
    const rebased = rebase(conflicted, "r-1", 4, "r-1b");
    expect(rebased.items[0]).toMatchObject({ reviewId: "r-1b", version: 4, status: "pending", rating: "good" });
    expect(nextToSend(rebased, NOW)?.reviewId).toBe("r-1b");
  });

  it("reconciles a 409 from a fresh queue: rebased when the card is still to study at another version, else dropped", () => {
    const item = two().items[0]!;
    expect(reconcile(item, { cards: [{ cardId: "card-1", version: 3 }] })).toEqual({ version: 3 });
    expect(reconcile(item, { cards: [{ cardId: "card-2", version: 3 }] })).toBeNull();
    expect(reconcile(item, { cards: [{ cardId: "card-1", version: 1 }] })).toBeNull();
  });

  it("drops a review the server refused for good, counting it and keeping the reason", () => {
    const dropped = drop(two(), "r-1", "card retired");
    expect(dropped).toMatchObject({ dropped: 1, lastError: "card retired" });
    expect(dropped.items.map((i) => i.reviewId)).toEqual(["r-2"]);
    expect(drop(dropped, "r-1", "again")).toBe(dropped);
  });

  it("says what the page shows: nothing, saving, waiting for the connection, or all saved", () => {
    expect(saveStatus(EMPTY_OUTBOX)).toEqual({ kind: "idle", text: "" });
    expect(saveStatus(two())).toEqual({ kind: "saving", text: "Saving 2 answers…" });
    expect(saveStatus(markFailed(two(), "r-1", NOW, "offline"))).toEqual({
      kind: "offline",
      text: "2 answers waiting to sync",
    });
    expect(saveStatus(markSaved(enqueue(EMPTY_OUTBOX, review(1)), "r-1"))).toEqual({
      kind: "saved",
      text: "All answers saved",
    });
  });

  it("is plain JSON: it survives being written to storage and read back", () => {
    const outbox = markFailed(two(), "r-1", NOW, "offline");
    expect(JSON.parse(JSON.stringify(outbox))).toEqual(outbox);
  });

  it("read back after a reload, sends everything again at once, in the order given", () => {
    const stored = markSending(markFailed(two(), "r-2", NOW, "offline"), "r-1");
    const restored = restoredOutbox(JSON.parse(JSON.stringify(stored.items)));
    expect(restored.items.map((i) => [i.reviewId, i.status, i.notBefore, i.answeredAt])).toEqual([
      ["r-1", "pending", 0, NOW - 59_999],
      ["r-2", "pending", 0, NOW - 59_998],
    ]);
    expect(nextToSend(restored, NOW)?.reviewId).toBe("r-1");
    expect(restored).toMatchObject({ saved: 0, dropped: 0, lastError: null });
  });
});
