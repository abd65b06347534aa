import type { Metadata } from "next";
import { connection } from "next/server";
import { BoardList } from "@/components/boards/board-list";
import { NewBoardForm } from "@/components/boards/new-board-form";
import { can } from "@/lib/domain/permissions";
import { listBoards } from "@/lib/server/list-boards";
import { requirePageActor } from "@/lib/server/request-actor";
import { workflows } from "@/lib/server/workflows";

export const metadata: Metadata = { title: "Boards" };

export default async function HomePage() {
  await connection();
  const actor = await requirePageActor("/");
  const boards = await listBoards(actor);
  // The form is only a convenience for those allowed: createBoard authorizes every call itself.
  const choices = can(actor, "board.manage")
    ? [...workflows()].map(([key, workflow]) => ({ key, name: workflow.name, description: workflow.description, phases: workflow.phases.map((phase) => phase.name) }))
    : null;
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-xl font-semibold tracking-tight">Boards</h1>
      <p className="mt-1 text-sm text-zinc-500">Each board is one project&apos;s work, flowing through its workflow&apos;s phases.</p>
      {choices ? (
        <div className="mt-4">
          <NewBoardForm workflows={choices} />
        </div>
      ) : null}
      <BoardList boards={boards} canCreate={choices !== null} />
    </main>
  );
}
