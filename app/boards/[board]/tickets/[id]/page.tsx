import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { AuditTimeline } from "@/components/audit/audit-timeline";
import { ChecklistEditor } from "@/components/checklist/checklist-editor";
import { ArtifactList } from "@/components/ticket/artifact-list";
import { DependencyPanel } from "@/components/ticket/dependency-panel";
import { GateRequestList } from "@/components/ticket/gate-request-list";
import { Panel } from "@/components/ticket/panel";
import { PhaseHistory } from "@/components/ticket/phase-history";
import { ReadinessBadge } from "@/components/ticket/readiness-badge";
import { TicketHeader } from "@/components/ticket/ticket-header";
import { TicketMarkdown } from "@/components/ticket/ticket-markdown";
import { TicketRelations } from "@/components/ticket/ticket-relations";
import { NotAllowed } from "@/components/ui/not-allowed";
import { isAppError } from "@/lib/domain/errors";
import { can } from "@/lib/domain/permissions";
import { getTicket } from "@/lib/server/get-ticket";
import { requirePageActor } from "@/lib/server/request-actor";

type Props = { params: Promise<{ board: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).id) };
}

export default async function TicketPage({ params }: Props) {
  await connection();
  const { board: boardKey, id: rawId } = await params;
  const id = decodeURIComponent(rawId);
  const path = `/boards/${encodeURIComponent(boardKey)}/tickets/${encodeURIComponent(id)}`;
  const actor = await requirePageActor(path);
  const ticket = await getTicket(actor, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    if (isAppError(error) && error.code === "FORBIDDEN") return null;
    throw error;
  });
  if (!ticket) return <NotAllowed what="this board" />;
  // A link with the wrong board in it still finds the ticket, at its real address.
  if (ticket.board.key !== boardKey) redirect(`/boards/${encodeURIComponent(ticket.board.key)}/tickets/${encodeURIComponent(ticket.id)}`);
  const now = Date.parse(ticket.asOf);
  const canEdit = can(actor, "ticket.edit", ticket.board.id);

  return (
    <main className="mx-auto grid max-w-6xl gap-4 px-4 py-6">
      <TicketHeader ticket={ticket} now={now} canEdit={canEdit} />
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="grid min-w-0 gap-4">
          <Panel title="Description">
            <TicketMarkdown markdown={ticket.description} empty="No description." />
          </Panel>
          <Panel title="Acceptance criteria">
            <TicketMarkdown markdown={ticket.acceptanceCriteria} empty="No acceptance criteria yet." />
          </Panel>
          <Panel title="Dependencies" count={ticket.dependsOn.length + ticket.dependents.length}>
            <DependencyPanel ticketId={ticket.id} boardKey={ticket.board.key} dependsOn={ticket.dependsOn} dependents={ticket.dependents} canEdit={canEdit} />
          </Panel>
          <Panel title="Phase history" count={ticket.history.length}>
            <PhaseHistory history={ticket.history} now={now} />
          </Panel>
          <Panel
            title="Audit trail"
            count={ticket.audit.items.length}
            action={
              <Link href={`/audit?entity=ticket&entityId=${encodeURIComponent(ticket.id)}`} className="text-xs text-zinc-600 underline underline-offset-2 dark:text-zinc-400">
                {ticket.audit.nextCursor ? "Older events in the audit view" : "Open in the audit view"}
              </Link>
            }
          >
            <AuditTimeline events={ticket.audit.items} now={now} />
          </Panel>
        </div>
        <aside className="grid gap-4" aria-label="Ticket facts">
          <Panel title="Readiness">
            <ReadinessBadge readiness={ticket.readiness} />
          </Panel>
          <Panel title="Details">
            <TicketRelations ticket={ticket} />
          </Panel>
          <Panel title={`Done in ${ticket.phase.name}`} count={ticket.doneDefinitions.length || undefined}>
            <ChecklistEditor
              ticketId={ticket.id}
              boardKey={ticket.board.key}
              items={ticket.doneDefinitions.map(({ item, done }) => ({ label: item, done }))}
              version={ticket.version}
              disabled={!canEdit}
            />
          </Panel>
          <Panel title="Gate requests" count={ticket.gateRequests.length}>
            <GateRequestList requests={ticket.gateRequests} />
          </Panel>
          <Panel title="Artifacts" count={ticket.artifacts.length}>
            <ArtifactList artifacts={ticket.artifacts} now={now} />
          </Panel>
        </aside>
      </div>
    </main>
  );
}
