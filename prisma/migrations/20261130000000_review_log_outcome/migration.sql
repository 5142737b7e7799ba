-- A retry of a review is answered from its ReviewLog row alone, so the row records the whole outcome.
-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "lapsesAfter" INTEGER,
ADD COLUMN     "leech" BOOLEAN NOT NULL DEFAULT false;

-- ts-fsrs counts a lapse only for "again" on a card in review (lib/srs gradeCard).
UPDATE "ReviewLog" SET "lapsesAfter" = COALESCE(("previous"->>'lapses')::int, 0) + CASE WHEN "rating" = 'again' AND "stateBefore" = 'review' THEN 1 ELSE 0 END;
