import { describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/domain/permissions";
import { withTestDatabase, testDatabaseKind } from "@/tests/helpers/test-database";
import { actors, createBoardWithTickets } from "@/tests/helpers/board-fixture";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/server/request-actor", () => ({ requestActor: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

withTestDatabase();

describe(`server actions on ${testDatabaseKind()}`, () => {
  it("give each call its own request id, kept with the audit events it writes", async () => {
    const { moveTicketAction } = await import("@/app/boards/[board]/actions");
    const { db } = await import("@/lib/db");
    const { ids } = await createBoardWithTickets("sact", { backlog: 2 });
    session.actor = actors.lead;
    for (const id of ids.backlog!) expect(await moveTicketAction(id, { toPhase: "analyzing", version: 1 })).toMatchObject({ ok: true });
    const events = await db().auditEvent.findMany({ where: { action: "ticket.moved", entityId: { in: ids.backlog! } }, select: { requestId: true } });
    expect(events).toHaveLength(2);
    for (const event of events) expect(event.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(events[0]!.requestId).not.toBe(events[1]!.requestId);
  });
});
