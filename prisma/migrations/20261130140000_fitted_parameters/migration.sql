-- Fitted FSRS-6 parameter sets, each student's pick, and the fit jobs the in-process worker runs (docs/decisions/009-fitted-parameters.md).
-- CreateEnum
CREATE TYPE "ParameterScope" AS ENUM ('student', 'class', 'default');

-- CreateEnum
CREATE TYPE "FitJobStatus" AS ENUM ('queued', 'running', 'done', 'failed');

-- CreateTable
CREATE TABLE "ParameterSet" (
    "id" UUID NOT NULL,
    "scope" "ParameterScope" NOT NULL,
    "userId" UUID,
    "classId" UUID,
    "parameters" DOUBLE PRECISION[],
    "trainingSize" INTEGER NOT NULL,
    "logLossBefore" DOUBLE PRECISION,
    "logLossAfter" DOUBLE PRECISION,
    "rmseBefore" DOUBLE PRECISION,
    "rmseAfter" DOUBLE PRECISION,
    "version" INTEGER NOT NULL,
    "fittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ParameterSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ParameterPick" (
    "userId" UUID NOT NULL,
    "parameterSetId" UUID,
    "scope" "ParameterScope" NOT NULL,
    "evaluations" JSONB NOT NULL DEFAULT '{}',
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ParameterPick_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "FitJob" (
    "id" UUID NOT NULL,
    "scope" "ParameterScope" NOT NULL,
    "userId" UUID,
    "classId" UUID,
    "reason" TEXT NOT NULL,
    "status" "FitJobStatus" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leaseUntil" TIMESTAMP(3),
    "outcome" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "FitJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ParameterSet_classId_fittedAt_idx" ON "ParameterSet"("classId", "fittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ParameterSet_userId_version_key" ON "ParameterSet"("userId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "ParameterSet_classId_version_key" ON "ParameterSet"("classId", "version");

-- CreateIndex
CREATE INDEX "ParameterPick_parameterSetId_idx" ON "ParameterPick"("parameterSetId");

-- CreateIndex
CREATE INDEX "FitJob_status_createdAt_idx" ON "FitJob"("status", "createdAt");

-- CreateIndex
CREATE INDEX "FitJob_userId_status_idx" ON "FitJob"("userId", "status");

-- CreateIndex
CREATE INDEX "FitJob_classId_status_idx" ON "FitJob"("classId", "status");

-- AddForeignKey
ALTER TABLE "ParameterSet" ADD CONSTRAINT "ParameterSet_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParameterSet" ADD CONSTRAINT "ParameterSet_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParameterPick" ADD CONSTRAINT "ParameterPick_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParameterPick" ADD CONSTRAINT "ParameterPick_parameterSetId_fkey" FOREIGN KEY ("parameterSetId") REFERENCES "ParameterSet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FitJob" ADD CONSTRAINT "FitJob_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FitJob" ADD CONSTRAINT "FitJob_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class"("id") ON DELETE CASCADE ON UPDATE CASCADE;

