import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { BatchList } from "@/components/ready/batch-list";
import { BlockedList } from "@/components/ready/blocked-list";
import { ConflictGrid } from "@/components/ready/conflict-grid";
import { ReadyList } from "@/components/ready/ready-list";
import { NotAllowed } from "@/components/ui/not-allowed";
import { isAppError } from "@/lib/domain/errors";
import { getReadyQueue } from "@/lib/server/get-ready-queue";
import { requirePageActor } from "@/lib/server/request-actor";

type Props = { params: Promise<{ board: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Plan work · ${(await params).board}` };
}

export default async function PlanPage({ params }: Props) {
  await connection();
  const { board: key } = await params;
  const actor = await requirePageActor(`/boards/${encodeURIComponent(key)}/plan`);
  const queue = await getReadyQueue(actor, key, { explain: true }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    if (isAppError(error) && error.code === "FORBIDDEN") return null;
    throw error;
  });
  if (!queue) return <NotAllowed what="this board" />;
  const titles = Object.fromEntries(queue.items.map((item) => [item.id, item.title]));

  return (
    <main className="mx-auto max-w-[1800px] px-4 py-4">
      <div className="mb-1 flex items-baseline gap-3">
        <h1 className="text-lg font-semibold tracking-tight">Plan work</h1>
        <span className="font-mono text-xs text-zinc-500">{key}</span>
      </div>
      <p className="mb-4 text-xs text-zinc-500">
        {queue.counts.ready} ready ({queue.counts.claimable} claimable) · {queue.counts.blocked} blocked · {queue.counts.tickets} tickets. Ready means nothing open blocks it, by beads&apos; rule.
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-4">
          <ReadyList items={queue.items} />
          <BlockedList blocked={queue.blocked} explain={queue.explain ?? {}} />
        </div>
        <div className="space-y-4">
          <BatchList batches={queue.batches} titles={titles} />
          <ConflictGrid conflicts={queue.conflicts} />
        </div>
      </div>
    </main>
  );
}
