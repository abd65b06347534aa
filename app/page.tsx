import type { Metadata } from "next";
import { connection } from "next/server";
import { BoardList } from "@/components/boards/board-list";
import { listBoards } from "@/lib/server/list-boards";
import { requirePageActor } from "@/lib/server/request-actor";

export const metadata: Metadata = { title: "Boards" };

export default async function HomePage() {
  await connection();
  const boards = await listBoards(await requirePageActor("/"));
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-xl font-semibold tracking-tight">Boards</h1>
      <p className="mt-1 text-sm text-zinc-500">Each board is one project&apos;s work, flowing through its workflow&apos;s phases.</p>
      <BoardList boards={boards} />
    </main>
  );
}
