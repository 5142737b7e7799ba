-- The class dashboard's accuracy (issue 15) from the card states alone: each state counts its wrong
-- answers, kept by the review transaction, undo and import (lib/study/rows.ts isWrongAnswer has the definition).
ALTER TABLE "CardState" ADD COLUMN "wrongCount" INTEGER NOT NULL DEFAULT 0;

-- Backfilled from the log with the definition the dashboard used until now: a checked answer that
-- was wrong, or a self-graded "again".
UPDATE "CardState" cs SET "wrongCount" = w.n
FROM (
  SELECT "userId", "cardId", count(*)::int AS n FROM "ReviewLog"
  WHERE NOT COALESCE("correct", "rating" <> 'again')
  GROUP BY "userId", "cardId"
) w
WHERE cs."userId" = w."userId" AND cs."cardId" = w."cardId";

-- Nothing reads the wrong answers from the log any more; the index only cost each review a write.
DROP INDEX IF EXISTS "ReviewLog_wrong_answers_idx";
