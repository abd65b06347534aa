import type { Metadata } from "next";
import { connection } from "next/server";
import { CreateTokenForm } from "@/components/admin/create-token-form";
import { TokenTable } from "@/components/admin/token-table";
import { NotAllowed } from "@/components/ui/not-allowed";
import { canGrantRole } from "@/lib/domain/grantable-role";
import { ROLES } from "@/lib/domain/permissions";
import { allowedOrNull } from "@/lib/server/allowed-or-null";
import { listApiTokens } from "@/lib/server/list-api-tokens";
import { listBoards } from "@/lib/server/list-boards";
import { requirePageActor } from "@/lib/server/request-actor";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  await connection();
  const actor = await requirePageActor("/admin/tokens");
  const tokens = await allowedOrNull(listApiTokens(actor));
  if (!tokens) return <NotAllowed what="API tokens" need="an admin or a lead" />;
  const boards = await listBoards(actor);
  return (
    <main className="mx-auto max-w-6xl space-y-6 px-4 py-8">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">API tokens</h1>
        <p className="mt-1 text-sm text-zinc-500">
          Agents and scripts send a token as <code className="font-mono">Authorization: Bearer gbt_…</code>. Only a hash is stored; a token acts
          with its role, limited to one board when scoped.
        </p>
      </div>
      <CreateTokenForm roles={ROLES.filter((role) => canGrantRole(actor, role))} boards={boards.map(({ key, name }) => ({ key, name }))} />
      <TokenTable tokens={tokens} />
    </main>
  );
}
