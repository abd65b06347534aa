"use client";

import { useState } from "react";
import { Upload } from "lucide-react";
import type { ImportBeadsResult } from "@/lib/server/import-beads";
import { ImportResult } from "./import-result";

/** The API's body limit; a bigger file is refused before it is sent, with what to do instead. */
const MAX_BYTES = 1024 * 1024;

type State = { kind: "idle" } | { kind: "busy"; name: string } | { kind: "done"; name: string; result: ImportBeadsResult } | { kind: "error"; message: string };

/** Reads a .jsonl file in the browser and posts it to the board's beads import endpoint. */
export function ImportForm({ boardKey }: { boardKey: string }) {
  const [state, setState] = useState<State>({ kind: "idle" });

  async function upload(file: File) {
    if (file.size > MAX_BYTES) {
      setState({ kind: "error", message: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; uploads are limited to 1 MB. Import it with \`gateboard import beads ${file.name}\`, or split it by lines.` });
      return;
    }
    setState({ kind: "busy", name: file.name });
    try {
      const response = await fetch(`/api/v1/boards/${encodeURIComponent(boardKey)}/import/beads`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonl: await file.text() }),
      });
      const body = (await response.json()) as ImportBeadsResult | { error: { message: string } };
      if ("error" in body) setState({ kind: "error", message: body.error.message });
      else setState({ kind: "done", name: file.name, result: body });
    } catch {
      setState({ kind: "error", message: "The server could not be reached. Check your connection and try again." });
    }
  }

  return (
    <div className="space-y-4">
      <label className="flex cursor-pointer flex-col items-center gap-2 rounded-lg border border-dashed border-zinc-300 bg-white px-4 py-8 text-sm hover:border-zinc-400 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:border-zinc-500">
        <Upload aria-hidden className="size-5 text-zinc-400" />
        <span className="font-medium">{state.kind === "busy" ? `Importing ${state.name}…` : "Choose a beads .jsonl file"}</span>
        <span className="text-xs text-zinc-500">`bd export` output or .beads/issues.jsonl, up to 1 MB. Importing the same file again changes nothing.</span>
        <input
          type="file"
          accept=".jsonl,.ndjson,application/x-ndjson,application/json"
          className="sr-only"
          disabled={state.kind === "busy"}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (file) void upload(file);
          }}
        />
      </label>
      {state.kind === "error" ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
          Nothing was imported. {state.message}
        </div>
      ) : null}
      {state.kind === "done" ? <ImportResult name={state.name} result={state.result} boardKey={boardKey} /> : null}
    </div>
  );
}
