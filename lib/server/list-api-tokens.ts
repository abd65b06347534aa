import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/domain/permissions";
import { authorize } from "@/lib/server/authorize";

export type ApiTokenSummary = {
  id: string;
  name: string;
  prefix: string;
  role: string;
  boardKey: string | null;
  agentName: string | null;
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** Tokens for the admin page, newest first; never the hash. A scoped actor sees its board's only. */
export async function listApiTokens(actor: Actor | null): Promise<ApiTokenSummary[]> {
  const viewer = await authorize(actor, "token.manage");
  const rows = await db().apiToken.findMany({
    where: viewer.boardScope ? { boardId: viewer.boardScope } : {},
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      role: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      board: { select: { key: true } },
      agent: { select: { name: true } },
      createdBy: { select: { name: true } },
    },
  });
  return rows.map(({ board, agent, createdBy, ...row }) => ({ ...row, boardKey: board?.key ?? null, agentName: agent?.name ?? null, createdBy: createdBy?.name ?? null }));
}
