import type { Metadata } from "next";
import { connection } from "next/server";
import { ImportForm } from "@/components/plans/import-form";
import { NotAllowed } from "@/components/ui/not-allowed";
import { can } from "@/lib/domain/permissions";
import { listBoards } from "@/lib/server/list-boards";
import { requirePageActor } from "@/lib/server/request-actor";

export const metadata: Metadata = { title: "Import a plan or summary" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ImportPage({ searchParams }: Props) {
  await connection();
  const params = await searchParams;
  const actor = await requirePageActor("/plans/import");
  if (!can(actor, "plan.import")) return <NotAllowed what="the import page" need="the plan.import permission (engineer, reviewer, lead or admin)" />;
  const boards = await listBoards(actor);
  const kind = params.kind === "summary" ? "summary" : "plan";
  const board = typeof params.board === "string" ? params.board : "";
  return (
    <main className="mx-auto max-w-4xl px-4 py-6">
      <h1 className="text-lg font-semibold tracking-tight">Import a plan or summary</h1>
      <p className="mb-4 mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Upload or paste what the orchestrator wrote. Importing the same session again updates it. Agents can post the same JSON to <code className="font-mono text-xs">POST /api/v1/plans</code> and{" "}
        <code className="font-mono text-xs">/api/v1/summaries</code>.
      </p>
      <ImportForm boards={boards.map((b) => ({ key: b.key, name: b.name }))} initialKind={kind} initialBoard={board} />
    </main>
  );
}
