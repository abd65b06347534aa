import Link from "next/link";
import { LogOut } from "lucide-react";
import { signOutAction } from "@/app/sign-in/actions";
import { can } from "@/lib/domain/permissions";
import { countGateRequestsForMe } from "@/lib/server/list-gate-requests";
import { countPlansAtHardStopForMe } from "@/lib/server/list-plan-hard-stops";
import { requestActor } from "@/lib/server/request-actor";

const navLink = "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100";

export async function AppHeader() {
  const actor = await requestActor();
  const waiting = actor ? (await countGateRequestsForMe(actor)) + (await countPlansAtHardStopForMe(actor)) : 0;
  return (
    <header className="sticky top-0 z-20 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
      <nav aria-label="Main" className="mx-auto flex h-12 max-w-[1800px] items-center gap-6 px-4 text-sm">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span aria-hidden className="grid size-6 place-items-center rounded bg-zinc-900 text-xs text-white dark:bg-zinc-100 dark:text-zinc-900">
            G
          </span>
          Gateboard
        </Link>
        {actor ? (
          <>
            <Link href="/" className={navLink}>
              Boards
            </Link>
            <Link href="/plans" className={navLink}>
              Plans
            </Link>
            <Link href="/summaries" className={navLink}>
              Summaries
            </Link>
            <Link href="/agents" className={navLink}>
              Agents
            </Link>
            <Link href="/inbox" className={`flex items-center gap-1.5 ${navLink}`}>
              Inbox
              {waiting > 0 && (
                <span className="rounded-full bg-blue-600 px-1.5 text-[11px] font-semibold text-white tabular-nums" aria-label={`${waiting} waiting for your decision`}>
                  {waiting}
                </span>
              )}
            </Link>
            {can(actor, "audit.read") ? (
              <Link href="/audit" className={navLink}>
                Audit
              </Link>
            ) : null}
            {can(actor, "token.manage") ? (
              <Link href="/admin/tokens" className={navLink}>
                Tokens
              </Link>
            ) : null}
            {can(actor, "user.manage") ? (
              <Link href="/admin/users" className={navLink}>
                Users
              </Link>
            ) : null}
            <div className="ml-auto flex items-center gap-3">
              <span className="text-zinc-700 dark:text-zinc-300">{actor.name}</span>
              <span className="rounded border border-zinc-200 px-1.5 py-0.5 text-xs text-zinc-500 dark:border-zinc-800">{actor.role}</span>
              <form action={signOutAction}>
                <button type="submit" className={`flex items-center gap-1.5 rounded px-1.5 py-1 ${navLink}`}>
                  <LogOut aria-hidden className="size-3.5" />
                  Sign out
                </button>
              </form>
            </div>
          </>
        ) : null}
      </nav>
    </header>
  );
}
