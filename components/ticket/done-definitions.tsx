import { Check, Circle } from "lucide-react";
import type { TicketDetail } from "@/lib/server/get-ticket";

/** The current phase's done definitions and which are ticked. */
export function DoneDefinitions({ items, phase }: { items: TicketDetail["doneDefinitions"]; phase: string }) {
  if (items.length === 0) return <p className="text-sm text-zinc-500">{phase} has no done definitions.</p>;
  return (
    <ul className="flex flex-col gap-1 text-sm" aria-label={`Done definitions of ${phase}`}>
      {items.map((entry, index) => (
        <li key={index} className="flex items-start gap-2">
          {entry.done ? <Check aria-label="done" className="mt-0.5 size-4 shrink-0 text-emerald-600" /> : <Circle aria-label="not done" className="mt-0.5 size-4 shrink-0 text-zinc-400" />}
          <span className={entry.done ? "text-zinc-500 line-through" : ""}>{entry.item}</span>
        </li>
      ))}
    </ul>
  );
}
