import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { BoardNameForm } from "@/components/settings/board-name-form";
import { PhaseSettingsList } from "@/components/settings/phase-settings-list";
import { NotAllowed } from "@/components/ui/not-allowed";
import { isAppError } from "@/lib/domain/errors";
import { getBoardSettings } from "@/lib/server/get-board-settings";
import { requirePageActor } from "@/lib/server/request-actor";

type Props = { params: Promise<{ board: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Settings · ${(await params).board}` };
}

export default async function BoardSettingsPage({ params }: Props) {
  await connection();
  const { board: key } = await params;
  const actor = await requirePageActor(`/boards/${encodeURIComponent(key)}/settings`);
  const settings = await getBoardSettings(actor, key).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    if (isAppError(error) && error.code === "FORBIDDEN") return null;
    throw error;
  });
  if (!settings) return <NotAllowed what="this board's settings" need="the lead or admin role" />;
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500">
        <Link href="/" className="hover:text-zinc-900 dark:hover:text-zinc-100">
          Boards
        </Link>
        <span aria-hidden> / </span>
        <Link href={`/boards/${settings.key}`} className="hover:text-zinc-900 dark:hover:text-zinc-100">
          {settings.name}
        </Link>
      </nav>
      <h1 className="mt-1 text-xl font-semibold tracking-tight">Board settings</h1>
      <p className="mt-1 text-sm text-zinc-500">
        Key <span className="font-mono text-zinc-700 dark:text-zinc-300">{settings.key}</span> (prefixes ticket ids; fixed) · workflow{" "}
        <span className="text-zinc-700 dark:text-zinc-300">{settings.workflowName}</span> <span className="font-mono">({settings.workflowKey})</span>. Every change is
        recorded in the audit trail.
      </p>

      <section aria-labelledby="general" className="mt-6 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
        <h2 id="general" className="mb-3 text-sm font-semibold">
          General
        </h2>
        <BoardNameForm boardKey={settings.key} name={settings.name} />
      </section>

      <section aria-labelledby="columns" className="mt-6">
        <h2 id="columns" className="text-sm font-semibold">
          Columns and WIP limits
        </h2>
        <p className="mt-1 text-sm text-zinc-500">
          A hard limit refuses moves into a full column (a lead may override with a reason); a soft one lets them in and colours the column. Min colours a column
          that runs dry. A limit below the current count is allowed: the column shows as over it until cards leave.
        </p>
        <PhaseSettingsList boardKey={settings.key} phases={settings.phases} />
      </section>
    </main>
  );
}
