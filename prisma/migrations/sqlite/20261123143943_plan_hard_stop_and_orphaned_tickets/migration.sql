-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "orphanedAt" DATETIME;

-- CreateTable
CREATE TABLE "PlanHardStopDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "gate" TEXT NOT NULL,
    "deciderId" TEXT NOT NULL,
    "deciderName" TEXT,
    "role" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "comment" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PlanHardStopDecision_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PlanHardStopDecision_planId_createdAt_idx" ON "PlanHardStopDecision"("planId", "createdAt");

