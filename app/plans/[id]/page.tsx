import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Download } from "lucide-react";
import { ConflictMatrixGrid } from "@/components/plans/conflict-matrix-grid";
import { HardStopCard } from "@/components/plans/hard-stop-card";
import { LineIssues } from "@/components/plans/line-issues";
import { PhaseTrack } from "@/components/plans/phase-track";
import { DiscoveredIssues, FinalVerification } from "@/components/plans/plan-outcome";
import { PlanSection } from "@/components/plans/plan-section";
import { PlanTasksTable } from "@/components/plans/plan-tasks-table";
import { ReviewTable } from "@/components/plans/review-table";
import { StatusPill } from "@/components/plans/status-pill";
import { quietButton } from "@/components/plans/ui-classes";
import { WorkerValidationTable } from "@/components/plans/worker-validation-table";
import { NotAllowed } from "@/components/ui/not-allowed";
import { isAppError } from "@/lib/domain/errors";
import { can } from "@/lib/domain/permissions";
import { getPlan } from "@/lib/server/get-plan";
import { requirePageActor } from "@/lib/server/request-actor";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Plan" };

const PLAN_STATUS = { done: "done", awaiting_approval: "pending", active: "in_progress" } as const;

export default async function PlanPage({ params }: Props) {
  await connection();
  const { id } = await params;
  const actor = await requirePageActor(`/plans/${encodeURIComponent(id)}`);
  const view = await getPlan(actor, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    if (isAppError(error) && error.code === "FORBIDDEN") return null;
    throw error;
  });
  if (!view) return <NotAllowed what="plans" />;
  const { plan } = view;
  const taskIds = (plan.tasks ?? []).map((task) => task.id);
  const status = view.status as keyof typeof PLAN_STATUS;

  return (
    <main className="mx-auto grid max-w-6xl gap-4 px-4 py-6">
      <header className="flex flex-wrap items-start gap-3">
        <div className="min-w-0 flex-1">
          <p className="text-xs text-zinc-500">
            <Link href="/plans" className="hover:underline">
              Plans
            </Link>{" "}
            / session <span className="font-mono">{view.sessionId}</span>
          </p>
          <h1 className="mt-1 text-lg font-semibold tracking-tight">{view.title}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-zinc-500">
            <StatusPill status={PLAN_STATUS[status] ?? "unknown"} label={view.status.replace("_", " ")} />
            {plan.generatedAt ? <span>generated {plan.generatedAt}</span> : null}
            {view.currentPhase ? <span>· current phase: {plan.currentPhase?.number ?? ""} {view.currentPhase}</span> : null}
            {view.board ? (
              <span>
                · board{" "}
                <Link href={`/boards/${encodeURIComponent(view.board.key)}`} className="font-mono underline underline-offset-4">
                  {view.board.key}
                </Link>
              </span>
            ) : (
              <span>· not linked to a board</span>
            )}
          </p>
        </div>
        <a href={`/api/v1/plans/${encodeURIComponent(view.id)}/export`} className={quietButton}>
          <Download aria-hidden className="size-3.5" /> Export Markdown
        </a>
      </header>

      {plan.phases ? (
        <PlanSection id="phases" title="Phase checklist">
          <PhaseTrack phases={plan.phases} />
        </PlanSection>
      ) : null}
      {plan.hardStop && view.hardStopGate ? <HardStopCard planId={view.id} hardStop={plan.hardStop} gate={view.hardStopGate} mayDecide={actor.kind === "user" && can(actor, "gate.decide")} /> : null}

      <PlanSection id="tasks" title="Tasks" aside={<span className="text-xs text-zinc-500">{taskIds.length}</span>}>
        <PlanTasksTable tasks={plan.tasks ?? []} tickets={view.tickets} boardKey={view.board?.key ?? null} />
      </PlanSection>

      {plan.conflictMatrix ? (
        <PlanSection id="conflicts" title="Conflict matrix">
          <ConflictMatrixGrid matrix={plan.conflictMatrix} taskIds={taskIds} />
        </PlanSection>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-2">
        <PlanSection id="validation" title="Worker validation">
          <WorkerValidationTable rows={plan.workerValidation ?? []} />
        </PlanSection>
        <PlanSection id="reviews" title="Review results">
          <ReviewTable reviews={plan.reviews ?? []} notes={plan.reviewerNotes ?? []} />
        </PlanSection>
        <PlanSection id="discovered" title="Discovered issues">
          <DiscoveredIssues issues={plan.discoveredIssues} />
        </PlanSection>
        <PlanSection id="verification" title="Final verification">
          <FinalVerification verification={plan.finalVerification} />
        </PlanSection>
      </div>

      {plan.summary?.text ? (
        <PlanSection id="summary" title="Summary">
          <p className="max-w-[70ch] whitespace-pre-line text-sm leading-relaxed text-zinc-700 dark:text-zinc-300">{plan.summary.text}</p>
        </PlanSection>
      ) : null}

      {view.warnings.length > 0 ? (
        <PlanSection id="warnings" title="Import warnings" aside={<span className="text-xs text-zinc-500">kept as written</span>}>
          <div className="text-amber-900 dark:text-amber-200">
            <LineIssues issues={view.warnings} tone="warning" />
          </div>
        </PlanSection>
      ) : null}
    </main>
  );
}
