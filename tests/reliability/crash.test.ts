import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBoardWithTickets } from "@/tests/helpers/board-fixture";
import { testDatabaseKind, type TestDatabase } from "@/tests/helpers/test-database";
import { apiToken, call, describeTally, reliabilityDatabase, tally } from "@/tests/reliability/helpers/api";
import { freePort, seededRandom, startServer, type Server } from "@/tests/reliability/helpers/server";

// R1 crash safety: 2,000 moves from 16 concurrent clients against a production server
// process that is SIGKILLed (its whole process group) five times at seeded random moments
// and restarted. A transaction is all or nothing: afterwards every ticket's version is
// 1 (its starting version) + its move/reorder events, each cross-column event has its
// phase transition row, column counters match, every acknowledged move is in the trail,
// and the hash chain verifies. Only moves run here, so nothing else bumps a version.

const kind = testDatabaseKind();
const SEED = Number(process.env.RELIABILITY_SEED ?? 20261123);
const ATTEMPTS = 2_000;
const CLIENTS = 16;
const KILLS = 5;
const TICKETS = 40;

let database: TestDatabase;
let server: Server;
let port = 0;

beforeAll(async () => {
  database = await reliabilityDatabase();
  port = await freePort(3500, 3509);
  server = await startServer({ port, databaseUrl: database.url });
});

afterAll(async () => {
  await server?.stop();
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
  await database?.drop();
});

describe(`R1 crash safety on ${kind}`, () => {
  it(`keeps every move whole across ${KILLS} SIGKILLs during ${ATTEMPTS} concurrent moves`, { timeout: 600_000 }, async () => {
    const { db } = await import("@/lib/db");
    const { verifyAuditChain } = await import("@/lib/server/verify-audit-chain");
    const random = seededRandom(SEED);
    const { ids } = await createBoardWithTickets("rone", { backlog: TICKETS });
    const ticketIds = ids.backlog!;
    const token = await apiToken("agent");

    // Kill points spread over the run: one in each fifth, at a seeded position inside it.
    const killAt = Array.from({ length: KILLS }, (_, i) => Math.floor(((i + 0.1 + random() * 0.8) * ATTEMPTS) / KILLS));
    let up: Promise<void> = Promise.resolve();
    let restarts = 0;
    const downtimes: number[] = [];
    const crash = () => {
      up = (async () => {
        const killed = Date.now();
        await server.kill();
        server = await startServer({ port, databaseUrl: database.url });
        downtimes.push(Math.round((Date.now() - killed) / 100) / 10);
        restarts += 1;
      })();
    };
    const started = Date.now();

    // What each client believes about a ticket, from the answers it got; re-read from the
    // database only when an answer did not say (a conflict without a version, a cut-off request).
    const known = new Map<string, { version: number; phase: string }>(ticketIds.map((id) => [id, { version: 1, phase: "backlog" }]));
    const reread = async (id: string) => {
      const row = await db().ticket.findUniqueOrThrow({ where: { id }, select: { version: true, phase: { select: { key: true } } } });
      known.set(id, { version: row.version, phase: row.phase.key });
    };
    let next = 0;
    const outcomes: string[] = [];
    const acknowledged: Array<{ id: string; version: number }> = [];
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < ATTEMPTS) {
          const attempt = next++;
          if (killAt.includes(attempt)) crash();
          const id = ticketIds[Math.floor(random() * ticketIds.length)]!;
          const choice = random();
          await up;
          const seen = known.get(id)!;
          const toPhase = choice < 0.5 ? seen.phase : seen.phase === "backlog" ? "analyzing" : "backlog";
          try {
            const result = await call(server.url, token, "POST", `/api/v1/tickets/${id}/move`, { toPhase, version: seen.version });
            if (result.status === 200) {
              const ticket = result.body.ticket as { version: number; phase: string };
              acknowledged.push({ id, version: ticket.version });
              if (ticket.version > known.get(id)!.version) known.set(id, { version: ticket.version, phase: ticket.phase });
            } else if (result.body.error?.code === "VERSION_CONFLICT") {
              await reread(id);
            }
            outcomes.push(result.status === 200 ? "accepted" : (result.body.error?.code ?? `HTTP ${result.status}`));
          } catch {
            // The server died with this request in flight: it may or may not have committed.
            outcomes.push("cut off by the kill");
            await up;
            await reread(id);
          }
        }
      }),
    );
    await up;
    expect(restarts).toBe(KILLS);
    const counts = tally(outcomes);
    // Refusals other than these would be a bug (a 500 after restart, say).
    expect(Object.keys(counts).filter((code) => !["accepted", "VERSION_CONFLICT", "WIP_LIMIT_REACHED", "cut off by the kill"].includes(code))).toEqual([]);

    const tickets = await db().ticket.findMany({ where: { id: { in: ticketIds } }, select: { id: true, version: true, rank: true, phaseId: true, phase: { select: { key: true } } } });
    const events = await db().auditEvent.findMany({
      where: { action: { in: ["ticket.moved", "ticket.reordered"] }, entityId: { in: ticketIds } },
      orderBy: { seq: "asc" },
      select: { entityId: true, action: true, after: true },
    });
    const transitions = await db().phaseTransition.groupBy({ by: ["ticketId"], where: { ticketId: { in: ticketIds } }, _count: { _all: true } });
    const transitionCount = new Map(transitions.map((row) => [row.ticketId, row._count._all]));
    let mismatches = 0;
    for (const ticket of tickets) {
      const own = events.filter((event) => event.entityId === ticket.id);
      const moved = own.filter((event) => event.action === "ticket.moved").length;
      const last = own.at(-1)?.after as { phase: string; rank: string; version: number } | undefined;
      const ok =
        ticket.version === 1 + own.length &&
        (transitionCount.get(ticket.id) ?? 0) === moved &&
        (last === undefined || (last.phase === ticket.phase.key && last.rank === ticket.rank && last.version === ticket.version));
      if (!ok) {
        mismatches += 1;
        console.error(`R1 mismatch ${ticket.id}: version ${ticket.version}, ${own.length} events (${moved} moves), ${transitionCount.get(ticket.id) ?? 0} transitions, last event`, last, "row", ticket);
      }
    }
    expect(mismatches).toBe(0);

    const phases = await db().phase.findMany({ where: { board: { key: "rone" } }, select: { id: true, ticketCount: true, _count: { select: { tickets: true } } } });
    for (const phase of phases) expect(phase.ticketCount).toBe(phase._count.tickets);

    const eventVersions = new Set(events.map((event) => `${event.entityId}@${(event.after as { version: number }).version}`));
    const lostAcks = acknowledged.filter((ack) => !eventVersions.has(`${ack.id}@${ack.version}`));
    expect(lostAcks).toEqual([]);

    const chain = await verifyAuditChain();
    expect(chain).toMatchObject({ ok: true, firstBadSeq: null });
    console.log(
      `R1 (${kind}, seed ${SEED}): ${ATTEMPTS} move attempts from ${CLIENTS} clients in ${Math.round((Date.now() - started) / 1000)} s, ${KILLS} SIGKILLs at attempts ${killAt.join(", ")} and ${restarts} restarts (down ${downtimes.join(", ")} s); ` +
        `${describeTally(counts)}; ${tickets.length} tickets, ${events.length} move events, every version = 1 + its events (0 mismatches), ` +
        `${acknowledged.length} acknowledged moves all in the trail, column counters match, audit chain verified (${chain.checked} events)`,
    );
  });
});
