-- CreateTable
CREATE TABLE "DeckDraft" (
    "id" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "outlet" TEXT,
    "sourceUrl" TEXT,
    "articleText" TEXT NOT NULL,
    "cards" JSONB NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 0,
    "publishedDeckId" UUID,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeckDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DeckDraft_ownerId_updatedAt_idx" ON "DeckDraft"("ownerId", "updatedAt");

-- AddForeignKey
ALTER TABLE "DeckDraft" ADD CONSTRAINT "DeckDraft_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

