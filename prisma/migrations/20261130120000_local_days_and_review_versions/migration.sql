-- Local days (docs/decisions/007-local-days.md): a student's day starts at a local hour, 4 am unless they choose.
-- Reviews record the version they produced, an overridden automatic rating, and a hash of the request (idempotency key).
-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "autoRating" "Rating",
ADD COLUMN     "requestHash" TEXT,
ADD COLUMN     "versionAfter" INTEGER;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "dayStartHour" INTEGER NOT NULL DEFAULT 4;

-- CreateTable
CREATE TABLE "UndoneReview" (
    "userId" UUID NOT NULL,
    "clientReviewId" UUID NOT NULL,
    "cardId" UUID NOT NULL,
    "undoneAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UndoneReview_pkey" PRIMARY KEY ("userId","clientReviewId")
);

-- AddForeignKey
ALTER TABLE "UndoneReview" ADD CONSTRAINT "UndoneReview_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

