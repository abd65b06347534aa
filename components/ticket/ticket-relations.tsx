import Link from "next/link";
import type { TicketDetail } from "@/lib/server/get-ticket";

/** Files the work touches, its parent epic and its children. */
export function TicketRelations({ ticket }: { ticket: TicketDetail }) {
  const href = (id: string) => `/boards/${encodeURIComponent(ticket.board.key)}/tickets/${encodeURIComponent(id)}`;
  return (
    <dl className="grid gap-3 text-sm">
      <div>
        <dt className="text-xs font-medium text-zinc-500">Files</dt>
        <dd>
          {ticket.files.length === 0 ? (
            <span className="text-zinc-500">None listed.</span>
          ) : (
            <ul aria-label="Files" className="mt-0.5 font-mono text-xs">
              {ticket.files.map((file) => (
                <li key={file} className="truncate" title={file}>
                  {file}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      <div>
        <dt className="text-xs font-medium text-zinc-500">Parent</dt>
        <dd>
          {ticket.parent ? (
            <Link href={href(ticket.parent.id)} className="hover:underline">
              <span className="font-mono text-xs">{ticket.parent.id}</span> {ticket.parent.title}
            </Link>
          ) : (
            <span className="text-zinc-500">None.</span>
          )}
        </dd>
      </div>
      {ticket.children.length > 0 && (
        <div>
          <dt className="text-xs font-medium text-zinc-500">Children ({ticket.children.length})</dt>
          <dd>
            <ul aria-label="Children" className="mt-0.5 flex flex-col gap-0.5">
              {ticket.children.map((child) => (
                <li key={child.id} className="flex gap-2">
                  <Link href={href(child.id)} className="shrink-0 font-mono text-xs hover:underline">
                    {child.id}
                  </Link>
                  <span className="min-w-0 truncate">{child.title}</span>
                  <span className="ml-auto shrink-0 text-xs text-zinc-500">{child.phase}</span>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      )}
    </dl>
  );
}
