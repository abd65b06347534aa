"use client";

import { useActionState, useState } from "react";
import { Plus, X } from "lucide-react";
import { createBoardAction } from "@/app/boards/actions";
import { cardClass, fieldClass, fieldError, formError, labelClass, primaryButton, quietButton } from "@/components/admin/form-styles";
import type { ActionResult } from "@/lib/action-result";

export type WorkflowChoice = { key: string; name: string; description: string; phases: string[] };

/** A key suggestion from the name ("Mobile app" → "mobile"): lower-case letters and digits, starting with a letter. */
function suggestKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "").replace(/^[0-9]+/, "").slice(0, 6);
}

/** "New board" for leads and admins: name, key (ticket prefix) and the workflow its columns come from. */
export function NewBoardForm({ workflows }: { workflows: WorkflowChoice[] }) {
  const [open, setOpen] = useState(false);
  const [result, action, pending] = useActionState<ActionResult<{ key: string }> | null, FormData>(createBoardAction, null);
  const [name, setName] = useState("");
  const [key, setKey] = useState("");
  const [keyEdited, setKeyEdited] = useState(false);
  const [workflowKey, setWorkflowKey] = useState(workflows[0]?.key ?? "");
  const workflow = workflows.find((candidate) => candidate.key === workflowKey);
  const general = formError(result, ["name", "key", "workflow"]);

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} aria-expanded={false} aria-controls="new-board" className={primaryButton}>
        <Plus aria-hidden className="size-4" />
        New board
      </button>
    );
  }
  return (
    <section id="new-board" aria-labelledby="new-board-title" className={`${cardClass} mt-4`}>
      <div className="flex items-center justify-between">
        <h2 id="new-board-title" className="text-sm font-semibold">
          New board
        </h2>
        <button type="button" onClick={() => setOpen(false)} className={quietButton} aria-label="Close the new board form">
          <X aria-hidden className="size-3.5" />
        </button>
      </div>
      <form action={action} className="mt-3 grid gap-3 sm:grid-cols-[2fr_1fr_2fr_auto] sm:items-start">
        <div>
          <label htmlFor="board-new-name" className={labelClass}>
            Name
          </label>
          <input
            id="board-new-name"
            name="name"
            required
            maxLength={80}
            placeholder="e.g. Mobile app"
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              if (!keyEdited) setKey(suggestKey(event.target.value));
            }}
            aria-invalid={!!fieldError(result, "name")}
            className={fieldClass}
          />
          <FieldError message={fieldError(result, "name")} />
        </div>
        <div>
          <label htmlFor="board-new-key" className={labelClass}>
            Key
          </label>
          <input
            id="board-new-key"
            name="key"
            required
            maxLength={10}
            placeholder="mob"
            value={key}
            onChange={(event) => {
              setKey(event.target.value);
              setKeyEdited(true);
            }}
            aria-invalid={!!fieldError(result, "key")}
            aria-describedby="board-new-key-hint"
            className={`${fieldClass} font-mono`}
          />
          <p id="board-new-key-hint" className="mt-1 text-xs text-zinc-500">
            Ticket ids start with it: <span className="font-mono">{key || "key"}-a3f8</span>
          </p>
          <FieldError message={fieldError(result, "key")} />
        </div>
        <div>
          <label htmlFor="board-new-workflow" className={labelClass}>
            Workflow
          </label>
          <select id="board-new-workflow" name="workflow" value={workflowKey} onChange={(event) => setWorkflowKey(event.target.value)} className={fieldClass}>
            {workflows.map((choice) => (
              <option key={choice.key} value={choice.key}>
                {choice.name}
              </option>
            ))}
          </select>
          {workflow ? <p className="mt-1 text-xs text-zinc-500">Columns: {workflow.phases.join(" → ")}</p> : null}
          <FieldError message={fieldError(result, "workflow")} />
        </div>
        <button type="submit" disabled={pending} className={`${primaryButton} sm:mt-5`}>
          Create board
        </button>
      </form>
      {general ? (
        <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-400">
          {general}
        </p>
      ) : null}
    </section>
  );
}

function FieldError({ message }: { message?: string }) {
  return message ? <p className="mt-1 text-xs text-red-700 dark:text-red-400">{message}</p> : null;
}
