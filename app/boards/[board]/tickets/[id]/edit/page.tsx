import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { TicketForm } from "@/components/ticket/ticket-form";
import { editableTicketOf } from "@/components/ticket/ticket-form-values";
import { NotAllowed } from "@/components/ui/not-allowed";
import { isAppError } from "@/lib/domain/errors";
import { can } from "@/lib/domain/permissions";
import { getTicket } from "@/lib/server/get-ticket";
import { requirePageActor } from "@/lib/server/request-actor";

type Props = { params: Promise<{ board: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Edit ${decodeURIComponent((await params).id)}` };
}

export default async function EditTicketPage({ params }: Props) {
  await connection();
  const { board: boardKey, id: rawId } = await params;
  const id = decodeURIComponent(rawId);
  const actor = await requirePageActor(`/boards/${encodeURIComponent(boardKey)}/tickets/${encodeURIComponent(id)}/edit`);
  const ticket = await getTicket(actor, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    if (isAppError(error) && error.code === "FORBIDDEN") return null;
    throw error;
  });
  if (!ticket || !can(actor, "ticket.edit", ticket.board.id)) return <NotAllowed what="editing tickets on this board" need="the ticket.edit permission (engineer or above)" />;
  if (ticket.board.key !== boardKey) redirect(`/boards/${encodeURIComponent(ticket.board.key)}/tickets/${encodeURIComponent(ticket.id)}/edit`);
  return (
    <main className="mx-auto max-w-3xl px-4 py-6">
      <p className="text-xs text-zinc-500">
        {ticket.board.name} / <span className="font-mono">{ticket.id}</span>
      </p>
      <h1 className="mt-1 mb-4 text-lg font-semibold tracking-tight">Edit {ticket.id}</h1>
      <TicketForm
        mode="edit"
        boardKey={ticket.board.key}
        ticketId={ticket.id}
        ticket={editableTicketOf(ticket)}
      />
    </main>
  );
}
