-- The study queue (lib/study/queue-sql.ts, issue 15) reads a student's due learning cards and reviews
-- from this index alone: only unsuspended states (the queue never shows a suspended card), and the
-- columns it reads beyond the key carried in the index (INCLUDE), so no state row is visited for the
-- ≈2,000 reviews due in a 5,000-card deck. It replaces the plain (userId, deckId, state, due) index.
DROP INDEX "CardState_userId_deckId_state_due_idx";
CREATE INDEX "CardState_queue_idx" ON "CardState"("userId", "deckId", "state", "due")
  INCLUDE ("cardId", "stability", "lastReview") WHERE NOT "suspended";

-- A deck's retired cards (few), which the queue leaves out by id instead of joining every state to its card.
CREATE INDEX "Card_retired_idx" ON "Card"("deckId") WHERE "retiredAt" IS NOT NULL;

-- A deck's live cards in order, for new cards: read from the index alone.
CREATE INDEX "Card_live_position_idx" ON "Card"("deckId", "position", "id") WHERE "retiredAt" IS NULL;
