import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/domain/permissions";
import { createBoardWithTickets } from "@/tests/helpers/board-fixture";
import { testDatabaseKind, withTestDatabase } from "@/tests/helpers/test-database";
import { apiToken, describeTally, tally } from "@/tests/reliability/helpers/api";

// R4 gates cannot be skipped: crafted bodies to the move route, PATCH /tickets/{id}
// (which has no phase field and must not grow one), and the board's move server action,
// as the most powerful roles. Tickets sit in front of each gated transition of the default
// workflow (building → testing: tests; review → deploying: approval; deploying → done:
// hard stop) with no evidence; none may end up past its gate.

// Server actions read the session from next/headers; here the acting person is set per call.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/server/request-actor", () => ({ requestActor: async () => session.actor, actorFromHeaders: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

withTestDatabase();
const kind = testDatabaseKind();
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

type Gated = { id: string; from: string; to: string };
let gated: Gated[] = [];
let inTesting = "";
let tokens: Record<string, string> = {};

beforeAll(async () => {
  const { ids } = await createBoardWithTickets("rgate", { building: 3, testing: 1, review: 3, deploying: 3 });
  gated = [
    ...ids.building!.map((id) => ({ id, from: "building", to: "testing" })),
    ...ids.review!.map((id) => ({ id, from: "review", to: "deploying" })),
    ...ids.deploying!.map((id) => ({ id, from: "deploying", to: "done" })),
  ];
  inTesting = ids.testing![0]!;
  tokens = { admin: await apiToken("admin"), lead: await apiToken("lead"), agent: await apiToken("agent") };
});

afterAll(() => vi.restoreAllMocks());

describe(`R4 gates cannot be skipped on ${kind}`, () => {
  it("no crafted move body, PATCH or server action call moves a ticket past an unmet gate", async () => {
    const { db } = await import("@/lib/db");
    const { POST: move } = await import("@/app/api/v1/tickets/[id]/move/route");
    const { PATCH: patch } = await import("@/app/api/v1/tickets/[id]/route");
    const { moveTicketAction } = await import("@/app/boards/[board]/actions");
    const versionOf = async (id: string) => (await db().ticket.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

    const outcomes: string[] = [];
    let attempts = 0;
    const request = (id: string, method: string, path: string, token: string, body: unknown) =>
      new Request(`http://gateboard.test/api/v1/tickets/${id}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });

    for (const ticket of gated) {
      const beyond = ticket.to === "testing" ? ["testing", "review", "deploying", "done"] : ticket.to === "deploying" ? ["deploying", "done"] : ["done"];
      const version = await versionOf(ticket.id);
      const bodies: unknown[] = [
        { toPhase: ticket.to, version },
        { toPhase: ticket.to, version, overrideWip: true, reason: "urgent" },
        { toPhase: ` ${ticket.to} `, version },
        { toPhase: ticket.to.toUpperCase(), version },
        { toPhase: ticket.to, version, gateSatisfied: true },
        { toPhase: ticket.to, version, gates: [] },
        { toPhase: ticket.to, version, status: "closed" },
        { toPhase: ticket.to, version: version + 1 },
        { toPhase: ticket.to, version: 0 },
        { toPhase: ticket.to, version: String(version) },
        { toPhase: ticket.to, version, afterId: inTesting },
        { toPhase: [ticket.to], version },
        { toPhase: { $ne: null }, version },
        `{"toPhase":"backlog","toPhase":"${ticket.to}","version":${version}}`,
        ...beyond.slice(1).map((toPhase) => ({ toPhase, version })),
        { toPhase: "done", version, overrideWip: true, reason: "ship it" },
      ];
      // The lead's power in between is exercised through the server action below.
      for (const role of ["admin", "agent"]) {
        for (const body of bodies) {
          const response = await move(request(ticket.id, "POST", "/move", tokens[role]!, body), ctx(ticket.id));
          attempts += 1;
          const json = (await response.json()) as { error?: { code: string } };
          outcomes.push(response.status === 200 ? "moved" : (json.error?.code ?? String(response.status)));
        }
      }
      // PATCH has no phase; extra keys are refused, and a status change is not a move.
      for (const body of [{ version, phase: "done" }, { version, phaseId: "x" }, { version, toPhase: "done" }, { version, phase: { key: "done" } }, { version, status: "closed", reason: "done, really" }]) {
        const response = await patch(request(ticket.id, "PATCH", "", tokens.admin!, body), ctx(ticket.id));
        attempts += 1;
        const json = (await response.json()) as { error?: { code: string } };
        outcomes.push(response.status === 200 ? "patched (fields only)" : (json.error?.code ?? String(response.status)));
      }
      // The server action, as an admin and a lead, with the same crafted inputs.
      for (const actor of [
        { kind: "user", id: "admin-r4", role: "admin", name: "Ada Admin" },
        { kind: "user", id: "lead-r4", role: "lead", name: "Lena Lead" },
      ] satisfies Actor[]) {
        session.actor = actor;
        const current = await versionOf(ticket.id);
        for (const input of [
          { toPhase: ticket.to, version: current },
          { toPhase: ticket.to, version: current, overrideWip: true, reason: "override" },
          { toPhase: ticket.to, version: current, gateSatisfied: true },
          { toPhase: "done", version: current },
          null,
          "done",
        ]) {
          const result = await moveTicketAction(ticket.id, input);
          attempts += 1;
          outcomes.push(result.ok ? (result.data.outcome === "moved" ? "moved" : "GATE_PENDING") : result.error.code);
        }
      }
      session.actor = null;

      const row = await db().ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { phase: { select: { key: true } } } });
      expect(row.phase.key, `${ticket.id} must still be in ${ticket.from}`).toBe(ticket.from);
    }
    expect(outcomes).not.toContain("moved");
    const moved = await db().auditEvent.count({ where: { action: "ticket.moved", entityId: { in: gated.map((t) => t.id) } } });
    const transitions = await db().phaseTransition.count({ where: { ticketId: { in: gated.map((t) => t.id) } } });
    expect(moved).toBe(0);
    expect(transitions).toBe(0);
    console.log(`R4 (${kind}): ${attempts} crafted attempts on ${gated.length} gated tickets (route as admin and agent, PATCH, server action as admin and lead): ${describeTally(tally(outcomes))}; 0 moved past a gate, 0 ticket.moved events`);
  });
});
