import { SummaryMarkdown } from "@/components/plans/summary-markdown";

/**
 * A ticket's Markdown (description, acceptance criteria) through the sanitized renderer the
 * plans use: raw HTML is never executed and only http(s), mailto and in-page links survive.
 */
export function TicketMarkdown({ markdown, empty }: { markdown: string; empty: string }) {
  if (!markdown.trim()) return <p className="text-sm text-zinc-500 italic">{empty}</p>;
  return (
    <div className="text-sm [&>*:first-child]:mt-0 [&_h1]:text-lg [&_h2]:mt-5 [&_h2]:text-base">
      <SummaryMarkdown markdown={markdown} />
    </div>
  );
}
