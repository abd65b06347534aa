"use client";

import { useActionState, useState } from "react";
import { Upload } from "lucide-react";
import { importDocumentAction, type ImportOutcome } from "@/app/plans/actions";
import type { ActionResult } from "@/lib/action-result";
import { ImportResult } from "./import-result";
import { cardClass, fieldClass, primaryButton } from "./ui-classes";

type Props = { boards: Array<{ key: string; name: string }>; initialKind: "plan" | "summary"; initialBoard: string };

/** Paste or upload a plan or summary; the outcome (warnings by line, or errors) shows below. */
export function ImportForm({ boards, initialKind, initialBoard }: Props) {
  const [result, action, pending] = useActionState<ActionResult<ImportOutcome> | null, FormData>(importDocumentAction, null);
  const [kind, setKind] = useState(initialKind);
  const [markdown, setMarkdown] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);

  async function readFile(file: File | undefined) {
    if (!file) return;
    setFileName(file.name);
    setMarkdown(await file.text());
  }

  return (
    <div className="grid gap-4">
      <form action={action} className={`${cardClass} grid gap-4`}>
        <fieldset className="flex flex-wrap gap-4 text-sm">
          <legend className="mb-1.5 text-xs font-medium text-zinc-600 dark:text-zinc-400">Document</legend>
          {(["plan", "summary"] as const).map((value) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => setKind(value)} />
              {value === "plan" ? "Work plan" : "Session summary or progress log"}
            </label>
          ))}
        </fieldset>
        <div className="grid gap-1.5">
          <label htmlFor="import-file" className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
            Markdown file
          </label>
          <input
            id="import-file"
            type="file"
            accept=".md,.markdown,.txt,text/markdown,text/plain"
            onChange={(event) => void readFile(event.target.files?.[0])}
            className="text-sm file:mr-3 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-2.5 file:py-1 file:text-xs file:font-medium dark:file:border-zinc-700 dark:file:bg-zinc-900 dark:file:text-zinc-200"
          />
          {fileName ? <p className="text-xs text-zinc-500">Read {fileName} ({markdown.length.toLocaleString("en")} characters) into the box below.</p> : null}
        </div>
        <div className="grid gap-1.5">
          <label htmlFor="import-markdown" className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
            …or paste the Markdown
          </label>
          <textarea
            id="import-markdown"
            name="markdown"
            required
            rows={12}
            value={markdown}
            onChange={(event) => setMarkdown(event.target.value)}
            placeholder={kind === "plan" ? "# Beads Work Plan\nGenerated: …\nSession: …" : "# Session Completion Summary\n**Date**: …"}
            className={`${fieldClass} font-mono text-xs`}
          />
        </div>
        {kind === "plan" ? (
          <div className="grid max-w-sm gap-1.5">
            <label htmlFor="import-board" className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
              Reconcile tasks with board
            </label>
            <select id="import-board" name="boardKey" defaultValue={initialBoard} className={fieldClass}>
              <option value="">Don’t create tickets</option>
              {boards.map((board) => (
                <option key={board.key} value={board.key}>
                  {board.key} · {board.name}
                </option>
              ))}
            </select>
            <p className="text-xs text-zinc-500">Tasks become tickets (matched by task id) with their dependencies and files.</p>
          </div>
        ) : null}
        <div>
          <button type="submit" disabled={pending || markdown.trim() === ""} className={primaryButton}>
            <Upload aria-hidden className="size-4" />
            {pending ? "Importing…" : "Import"}
          </button>
        </div>
      </form>
      {result ? <ImportResult result={result} /> : null}
    </div>
  );
}
