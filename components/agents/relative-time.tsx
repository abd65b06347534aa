import { formatDuration } from "@/lib/domain/agents/liveness";

/** "3 min ago", with the exact time on hover; relative to the time the page was read. */
export function RelativeTime({ iso, now }: { iso: string | null; now: Date }) {
  if (!iso) return <span className="text-zinc-400">never</span>;
  const ms = now.getTime() - new Date(iso).getTime();
  return (
    <time dateTime={iso} title={`${iso.slice(0, 19).replace("T", " ")} UTC`} className="tabular-nums">
      {ms < 5_000 ? "just now" : `${formatDuration(ms)} ago`}
    </time>
  );
}
