-- A card kind: is a sentence from the article reported fact or the author's judgement (lib/cards/fact-or-opinion.ts).
-- AlterEnum
ALTER TYPE "CardType" ADD VALUE 'fact_or_opinion';
