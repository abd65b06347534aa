-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "orphanedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "PlanHardStopDecision" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "gate" TEXT NOT NULL,
    "deciderId" TEXT NOT NULL,
    "deciderName" TEXT,
    "role" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanHardStopDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PlanHardStopDecision_planId_createdAt_idx" ON "PlanHardStopDecision"("planId", "createdAt");

-- AddForeignKey
ALTER TABLE "PlanHardStopDecision" ADD CONSTRAINT "PlanHardStopDecision_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

