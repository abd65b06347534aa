import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ImportForm } from "@/components/beads/import-form";
import { NotAllowed } from "@/components/ui/not-allowed";
import { db } from "@/lib/db";
import { can } from "@/lib/domain/permissions";
import { requirePageActor } from "@/lib/server/request-actor";

type Props = { params: Promise<{ board: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Import beads · ${(await params).board}` };
}

export default async function ImportPage({ params }: Props) {
  await connection();
  const { board: key } = await params;
  const actor = await requirePageActor(`/boards/${encodeURIComponent(key)}/import`);
  const board = await db().board.findUnique({ where: { key }, select: { id: true, name: true } });
  if (!board) notFound();
  // The import use case authorises again; this only spares a viewer a form that would refuse.
  if (!can(actor, "ticket.create", board.id)) return <NotAllowed what="the import page" need="permission to create tickets" />;

  return (
    <main className="mx-auto max-w-3xl px-4 py-4">
      <div className="mb-1 flex items-baseline gap-3">
        <h1 className="text-lg font-semibold tracking-tight">Import from beads</h1>
        <span className="font-mono text-xs text-zinc-500">{key}</span>
      </div>
      <p className="mb-4 text-xs text-zinc-500">
        Into {board.name}. New issues land at the bottom of their column (open → Backlog, in progress → Building, closed → Done); changed ones are updated; tombstones are skipped.
      </p>
      <ImportForm boardKey={key} />
    </main>
  );
}
