import { AuditTime } from "@/components/audit/audit-time";
import type { TicketDetail } from "@/lib/server/get-ticket";
import { actorName } from "./actor-name";

function safeUrl(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

/** Evidence attached to the ticket, newest first: what, who, when, and a JUnit report's counts. */
export function ArtifactList({ artifacts, now }: { artifacts: TicketDetail["artifacts"]; now: number }) {
  if (artifacts.length === 0) return <p className="text-sm text-zinc-500">No evidence attached yet.</p>;
  return (
    <ul className="flex flex-col gap-2 text-sm" aria-label="Artifacts">
      {artifacts.map((artifact) => {
        const href = safeUrl(artifact.url);
        const bad = artifact.tests ? artifact.tests.failures + artifact.tests.errors : 0;
        return (
          <li key={artifact.id} className="border-b border-zinc-100 pb-2 last:border-0 last:pb-0 dark:border-zinc-800">
            <div className="flex flex-wrap items-baseline gap-x-2">
              <span className="font-medium">{artifact.kind}</span>
              {href ? (
                <a href={href} rel="noopener noreferrer nofollow" target="_blank" className="truncate text-blue-700 underline underline-offset-2 dark:text-blue-400">
                  {artifact.name ?? href}
                </a>
              ) : (
                artifact.name && <span className="truncate text-zinc-600 dark:text-zinc-400">{artifact.name}</span>
              )}
              <span className="ml-auto text-xs text-zinc-500">
                <AuditTime at={artifact.createdAt} now={now} />
              </span>
            </div>
            <p className="text-xs text-zinc-500">
              {artifact.format} · by {actorName(artifact.createdBy)}
            </p>
            {artifact.tests && (
              <p className="mt-0.5 text-xs tabular-nums">
                <span className="text-emerald-700 dark:text-emerald-400">{artifact.tests.passed} passed</span> ·{" "}
                <span className={bad > 0 ? "text-red-700 dark:text-red-400" : ""}>{bad} failed</span> · {artifact.tests.skipped} skipped · {artifact.tests.tests} total
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
