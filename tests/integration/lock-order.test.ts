import { describe, expect, it } from "vitest";
import { withTestDatabase, testDatabaseKind } from "@/tests/helpers/test-database";
import { actors, createBoardWithTickets } from "@/tests/helpers/board-fixture";

withTestDatabase();

const ROUNDS = 20;

// A gate decision records its event and then moves the ticket (column locks); a plain move
// takes its column locks first and records its event after. Were the audit chain's lock
// taken when an event is recorded, the two would wait on each other in opposite orders and
// PostgreSQL would abort one as a deadlock (a 500 for whoever lost). Audit events are
// appended last, so every transaction takes its locks in one order.
describe(`lock order on ${testDatabaseKind()}`, () => {
  it("a gate approval and a move between the same two columns, at once, both succeed", async () => {
    const { moveTicket } = await import("@/lib/server/move-ticket");
    const { decideGate } = await import("@/lib/server/decide-gate");
    const { verifyAuditChain } = await import("@/lib/server/verify-audit-chain");
    const failures: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const { ids } = await createBoardWithTickets(`lo${round}`, { review: 1, deploying: 1 });
      const waiting = ids.review![0]!;
      const returning = ids.deploying![0]!;
      const gate = await moveTicket(actors.engineer, waiting, { toPhase: "deploying", version: 1 });
      if (gate.outcome !== "gate_pending") throw new Error(`expected ${waiting} to wait for approval`);
      const outcomes = await Promise.allSettled([
        decideGate(actors.lead, gate.gateRequestId, { decision: "approve" }),
        moveTicket(actors.agent, returning, { toPhase: "review", version: 1 }),
      ]);
      for (const outcome of outcomes) if (outcome.status === "rejected") failures.push(`round ${round}: ${String(outcome.reason)}`);
    }
    expect(failures).toEqual([]);
    expect(await verifyAuditChain()).toMatchObject({ ok: true, firstBadSeq: null });
  });
});
