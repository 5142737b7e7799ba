-- The class dashboard's accuracy (issue 15): a deck's wrong answers per student and card, read from this
-- index alone. Partial: only the wrong answers (about a fifth of the log) are in it.
CREATE INDEX "ReviewLog_wrong_answers_idx" ON "ReviewLog"("deckId", "userId", "cardId") WHERE NOT COALESCE("correct", "rating" <> 'again');
