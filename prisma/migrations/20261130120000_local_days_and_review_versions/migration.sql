-- Local days (docs/decisions/007-local-days.md): a student's day starts at a local hour, 4 am unless they choose.
-- Reviews record the version they produced, an overridden automatic rating, and a hash of the request (idempotency key).
-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "autoRating" "Rating",
ADD COLUMN     "requestHash" TEXT,
ADD COLUMN     "versionAfter" INTEGER;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "dayStartHour" INTEGER NOT NULL DEFAULT 4;

