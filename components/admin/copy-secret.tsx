"use client";

import { useRef } from "react";
import { Copy } from "lucide-react";
import { toast } from "sonner";
import { quietButton } from "./form-styles";

/** A secret shown once, with a copy button (falls back to selecting it where the clipboard API is missing, e.g. plain HTTP). */
export function CopySecret({ label, value }: { label: string; value: string }) {
  const ref = useRef<HTMLElement>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      toast.success(`${label} copied`);
    } catch {
      const selection = window.getSelection();
      if (ref.current && selection) selection.selectAllChildren(ref.current);
      toast.info("Selected: press Ctrl+C (⌘C) to copy");
    }
  }
  return (
    <div className="flex items-center gap-2">
      <code ref={ref} aria-label={label} className="min-w-0 flex-1 truncate rounded bg-zinc-100 px-2 py-1 font-mono text-xs select-all dark:bg-zinc-800">
        {value}
      </code>
      <button type="button" onClick={copy} className={quietButton}>
        <Copy aria-hidden className="size-3.5" />
        Copy
      </button>
    </div>
  );
}
