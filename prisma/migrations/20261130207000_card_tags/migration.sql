-- Tags of imported cards (Anki note tags, CSV tags column).
ALTER TABLE "Card" ADD COLUMN "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];
