import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { TicketForm } from "@/components/ticket/ticket-form";
import { NotAllowed } from "@/components/ui/not-allowed";
import { can } from "@/lib/domain/permissions";
import { listBoards } from "@/lib/server/list-boards";
import { requirePageActor } from "@/lib/server/request-actor";

type Props = { params: Promise<{ board: string }> };

export const metadata: Metadata = { title: "New ticket" };

export default async function NewTicketPage({ params }: Props) {
  await connection();
  const { board: boardKey } = await params;
  const actor = await requirePageActor(`/boards/${encodeURIComponent(boardKey)}/tickets/new`);
  // Only boards the person can read are listed: another board's key is simply not found.
  const board = (await listBoards(actor).catch(() => [])).find((candidate) => candidate.key === boardKey);
  if (!board) notFound();
  if (!can(actor, "ticket.create", board.id)) return <NotAllowed what="creating tickets on this board" need="the ticket.create permission (engineer or above)" />;
  return (
    <main className="mx-auto max-w-3xl px-4 py-6">
      <p className="text-xs text-zinc-500">{board.name}</p>
      <h1 className="mt-1 mb-4 text-lg font-semibold tracking-tight">New ticket</h1>
      <TicketForm mode="create" boardKey={board.key} phases={board.phases.filter((phase) => phase.creatable).map(({ key, name }) => ({ key, name }))} canOverrideWip={can(actor, "wip.override", board.id)} />
    </main>
  );
}
