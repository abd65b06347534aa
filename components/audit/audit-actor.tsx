import Link from "next/link";
import { Bot, Cog, User } from "lucide-react";
import type { AuditRow } from "@/lib/domain/audit/audit-row";

const ICONS = { user: User, agent: Bot, system: Cog } as const;

/** Who acted, in which role; links to the audit view filtered to that actor. */
export function AuditActor({ actor, href }: { actor: AuditRow["actor"]; href?: string }) {
  const Icon = ICONS[actor.kind] ?? User;
  const name = actor.name ?? `${actor.kind} ${actor.id.slice(0, 8)}`;
  return (
    <span className="flex min-w-0 items-center gap-1.5">
      <Icon aria-label={actor.kind} className="size-3.5 shrink-0 text-zinc-500" />
      {href ? (
        <Link href={href} className="truncate hover:underline" title={`Only events by ${name}`}>
          {name}
        </Link>
      ) : (
        <span className="truncate">{name}</span>
      )}
      <span className="rounded bg-zinc-100 px-1 text-[11px] text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">{actor.role}</span>
    </span>
  );
}
