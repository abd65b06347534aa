import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { BoardColumns } from "@/components/board/board-columns";
import { isAppError } from "@/lib/domain/errors";
import { getBoard } from "@/lib/server/get-board";
import { requestActor } from "@/lib/server/request-actor";

type Props = { params: Promise<{ board: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).board };
}

export default async function BoardPage({ params }: Props) {
  await connection();
  const { board: key } = await params;
  const board = await getBoard(await requestActor(), key).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <main className="px-4 py-4">
      <div className="mb-3 flex items-baseline gap-3">
        <h1 className="text-lg font-semibold tracking-tight">{board.name}</h1>
        <span className="font-mono text-xs text-zinc-500">{board.key}</span>
        <span className="text-xs text-zinc-500">
          {board.tickets.length} tickets · workflow {board.workflowKey}
        </span>
      </div>
      <BoardColumns board={board} now={Date.parse(board.asOf)} />
    </main>
  );
}
