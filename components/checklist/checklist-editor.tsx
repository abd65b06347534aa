"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { tickChecklistAction } from "@/app/boards/[board]/tickets/checklist-actions";
import type { ChecklistAdvance } from "@/lib/server/tick-checklist";

export type ChecklistItem = { label: string; done: boolean };

type Props = {
  ticketId: string;
  boardKey: string;
  /** The done definitions of the ticket's current phase, in the workflow's order. */
  items: ChecklistItem[];
  /** The ticket version these items were read at; every tick sends it. */
  version: number;
  /** Read-only for people who may not edit the ticket. */
  disabled?: boolean;
};

type Note = { tone: "info" | "warn" | "error"; text: string };

/**
 * The ticket's done definitions as checkboxes. A tick shows at once and is undone if the
 * server refuses it; ticking the last one may move the ticket on (the workflow's
 * auto-transition or a checklist gate), and the note says what happened.
 */
export function ChecklistEditor({ ticketId, boardKey, items: initialItems, version: initialVersion, disabled = false }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [items, setItems] = useState(initialItems);
  const [version, setVersion] = useState(initialVersion);
  const [note, setNote] = useState<Note | null>(null);
  // Fresh props (after a refresh or someone else's change) win over what this editor last saw.
  const [seenVersion, setSeenVersion] = useState(initialVersion);
  if (initialVersion !== seenVersion) {
    setSeenVersion(initialVersion);
    if (initialVersion > version) {
      setItems(initialItems);
      setVersion(initialVersion);
    }
  }

  const toggle = (index: number, done: boolean) => {
    const before = items;
    setItems(items.map((item, at) => (at === index ? { ...item, done } : item)));
    setNote(null);
    startTransition(async () => {
      const result = await tickChecklistAction(boardKey, ticketId, { index, done, version });
      if (!result.ok) {
        setItems(before);
        setNote({ tone: "error", text: result.error.message });
        return;
      }
      setItems(result.data.checklist.map((entry) => ({ label: entry.item, done: entry.done })));
      setVersion(result.data.ticket.version);
      setNote(result.data.advance ? describe(result.data.advance) : null);
      router.refresh();
    });
  };

  if (items.length === 0) return <p className="text-sm text-zinc-500">This phase has no done definitions.</p>;
  const doneCount = items.filter((item) => item.done).length;
  return (
    <div>
      <p className="text-xs text-zinc-500" aria-live="polite">
        {doneCount} of {items.length} done
      </p>
      <ul className="mt-2 space-y-1.5" aria-label="Done definitions">
        {items.map((item, index) => (
          <li key={`${index}-${item.label}`}>
            <label className="flex cursor-pointer items-start gap-2 text-sm has-[:disabled]:cursor-default">
              <input
                type="checkbox"
                checked={item.done}
                disabled={disabled || pending}
                onChange={(event) => toggle(index, event.target.checked)}
                className="mt-0.5 size-4 shrink-0 accent-zinc-900 dark:accent-zinc-100"
              />
              <span className={item.done ? "text-zinc-500 line-through decoration-zinc-400" : ""}>{item.label}</span>
            </label>
          </li>
        ))}
      </ul>
      {note ? (
        <p role={note.tone === "error" ? "alert" : "status"} className={`mt-2 text-sm ${NOTE_TONE[note.tone]}`}>
          {note.text}
        </p>
      ) : null}
    </div>
  );
}

const NOTE_TONE: Record<Note["tone"], string> = {
  info: "text-emerald-700 dark:text-emerald-400",
  warn: "text-amber-700 dark:text-amber-400",
  error: "text-red-700 dark:text-red-400",
};

function describe(advance: ChecklistAdvance): Note {
  switch (advance.outcome) {
    case "moved":
      return { tone: "info", text: `All done: the ticket moved on to ${advance.toName}${advance.via === "gate" ? " (its checklist gate is met)" : ""}.` };
    case "gate_pending":
      return { tone: "warn", text: `All done. The move to ${advance.toName} waits for a gate: ${advance.needs.join("; ")}.` };
    case "wip_limit_reached":
      return { tone: "warn", text: `All done, but the ticket stays here: ${advance.message}` };
  }
}
