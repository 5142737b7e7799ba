-- The study queue in SQL (issue 15): one deck's learning cards, due reviews and next due date, each one range of this index.
-- CreateIndex
CREATE INDEX "CardState_userId_deckId_state_due_idx" ON "CardState"("userId", "deckId", "state", "due");

