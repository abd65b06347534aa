import Link from "next/link";
import type { PlanTask } from "@/lib/domain/plans/types";
import type { PlanTicketState } from "@/lib/server/get-plan";
import { StatusPill } from "./status-pill";
import { tableClass, tdClass, thClass } from "./ui-classes";

type Props = { tasks: PlanTask[]; tickets: Record<string, PlanTicketState>; boardKey: string | null };

/** The plan's tasks; each id links to its ticket and shows where that ticket is now. */
export function PlanTasksTable({ tasks, tickets, boardKey }: Props) {
  if (tasks.length === 0) return <p className="text-sm text-zinc-500">The plan lists no tasks.</p>;
  return (
    <div className="overflow-x-auto">
      <table className={tableClass}>
        <thead>
          <tr>
            <th className={thClass}>Task</th>
            <th className={thClass}>Title</th>
            <th className={thClass}>Epic</th>
            <th className={thClass}>Plan status</th>
            <th className={thClass}>Board phase</th>
            <th className={thClass}>Worker</th>
            <th className={thClass}>Files</th>
            <th className={`${thClass} text-right`}>Respawns</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => {
            const ticket = tickets[task.id];
            return (
              <tr key={task.id}>
                <td className={`${tdClass} whitespace-nowrap font-mono text-xs`}>
                  {ticket ? (
                    <Link href={`/boards/${encodeURIComponent(ticket.boardKey)}?ticket=${encodeURIComponent(ticket.id)}`} className="underline decoration-zinc-300 underline-offset-4 hover:decoration-zinc-900 dark:decoration-zinc-600 dark:hover:decoration-zinc-100">
                      {task.id}
                    </Link>
                  ) : (
                    task.id
                  )}
                </td>
                <td className={tdClass}>{task.title}</td>
                <td className={`${tdClass} whitespace-nowrap font-mono text-xs text-zinc-500`}>{task.epic ?? "—"}</td>
                <td className={tdClass}>
                  <StatusPill status={task.status} />
                </td>
                <td className={`${tdClass} whitespace-nowrap text-xs`}>
                  {ticket ? (
                    <span>
                      {ticket.phaseName}
                      {ticket.status !== "open" ? <span className="text-zinc-500"> · {ticket.status.replace("_", " ")}</span> : null}
                    </span>
                  ) : (
                    <span className="text-zinc-500" title={boardKey ? `No ticket ${task.id} on ${boardKey}` : "Import with a board to link tasks to tickets"}>
                      not on a board
                    </span>
                  )}
                </td>
                <td className={`${tdClass} whitespace-nowrap text-xs`}>{task.worker ?? "—"}</td>
                <td className={`${tdClass} font-mono text-[11px] text-zinc-600 dark:text-zinc-400`}>
                  {task.files.length === 0 ? "—" : task.files.map((file) => <div key={file}>{file}</div>)}
                </td>
                <td className={`${tdClass} text-right tabular-nums`}>{task.respawns ?? "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
