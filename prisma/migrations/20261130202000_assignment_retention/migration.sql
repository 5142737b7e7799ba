-- The desired retention a teacher applies to an assignment from its plan (issue 11, plan to a date).
-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "desiredRetention" DOUBLE PRECISION;
