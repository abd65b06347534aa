import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Plus } from "lucide-react";
import { connection } from "next/server";
import { BoardClient } from "@/components/board/board-client";
import { HideBlockedToggle } from "@/components/board/hide-blocked-toggle";
import { isAppError } from "@/lib/domain/errors";
import { can } from "@/lib/domain/permissions";
import { boardDataUrl } from "@/lib/board-query";
import { getBoardFirstPaint } from "@/lib/server/get-board";
import { requirePageActor } from "@/lib/server/request-actor";
import { NotAllowed } from "@/components/ui/not-allowed";

type Props = { params: Promise<{ board: string }> };

/**
 * Cards per column in the page's HTML: a tall screen's worth. A long column's
 * remaining cards come with the board the client loads at once; sending every card inside
 * the page made a 2,000-ticket board's HTML a megabyte that the browser parsed for a second.
 */
const FIRST_PAINT_CARDS_PER_COLUMN = 12;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).board };
}

export default async function BoardPage({ params }: Props) {
  await connection();
  const { board: key } = await params;
  const actor = await requirePageActor(`/boards/${encodeURIComponent(key)}`);
  const firstPaint = await getBoardFirstPaint(actor, key, FIRST_PAINT_CARDS_PER_COLUMN).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    if (isAppError(error) && error.code === "FORBIDDEN") return null;
    throw error;
  });
  if (!firstPaint) return <NotAllowed what="this board" />;
  const { board, complete } = firstPaint;
  const ticketCount = board.phases.reduce((sum, phase) => sum + phase.count, 0);
  return (
    <main className="px-4 py-4">
      {/* The rest of the board downloads while the scripts do; BoardClient's fetch picks it up.
          A <link> in the HTML, not react-dom's preload(): that one reached the browser only as
          a hint inside the RSC payload, once the scripts had run. */}
      {complete ? null : <link rel="preload" as="fetch" href={boardDataUrl(board.key)} crossOrigin="use-credentials" />}
      <div className="mb-3 flex flex-wrap items-baseline gap-x-3 gap-y-2">
        <h1 className="text-lg font-semibold tracking-tight">{board.name}</h1>
        <span className="font-mono text-xs text-zinc-500">{board.key}</span>
        <span className="text-xs text-zinc-500">
          {ticketCount} tickets · workflow {board.workflowKey}
        </span>
        <HideBlockedToggle />
        <nav aria-label="Board" className="ml-auto flex gap-3 text-sm">
          <Link href={`/boards/${board.key}/plan`} className="text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
            Plan work
          </Link>
          <Link href={`/boards/${board.key}/import`} className="text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
            Import beads
          </Link>
          <a href={`/api/v1/boards/${board.key}/export/beads`} className="text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
            Export beads
          </a>
          {can(actor, "board.manage", board.id) ? (
            <Link href={`/boards/${board.key}/settings`} className="text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
              Settings
            </Link>
          ) : null}
        </nav>
        {can(actor, "ticket.create", board.id) ? (
          <Link
            href={`/boards/${board.key}/tickets/new`}
            className="inline-flex items-center gap-1 self-center rounded-md bg-zinc-900 px-2.5 py-1 text-xs font-medium text-white hover:bg-zinc-800 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-white"
          >
            <Plus aria-hidden className="size-3.5" />
            New ticket
          </Link>
        ) : null}
      </div>
      <BoardClient key={board.key} initial={board} complete={complete} canOverrideWip={can(actor, "wip.override", board.id)} />
    </main>
  );
}
