import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBoardWithTickets } from "@/tests/helpers/board-fixture";
import { testDatabaseKind, type TestDatabase } from "@/tests/helpers/test-database";
import { apiToken, call, describeTally, reliabilityDatabase, tally } from "@/tests/reliability/helpers/api";
import { freePort, startServer, type Server } from "@/tests/reliability/helpers/server";

// R2 (no lost update) and R3 (WIP race) over HTTP against production server processes:
// one on SQLite; two instances on one database on PostgreSQL, the requests alternating
// between them so the race is decided by the database, not by one process's event loop.

const kind = testDatabaseKind();
const ROUNDS = 5;
let database: TestDatabase;
const servers: Server[] = [];
let token = "";

beforeAll(async () => {
  database = await reliabilityDatabase();
  const instances = kind === "postgresql" ? 2 : 1;
  for (let i = 0; i < instances; i += 1) {
    servers.push(await startServer({ port: await freePort(3510 + i * 2, 3511 + i * 2), databaseUrl: database.url }));
  }
  token = await apiToken("agent");
});

afterAll(async () => {
  for (const server of servers) await server.stop();
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
  await database?.drop();
});

const serverFor = (index: number) => servers[index % servers.length]!;
const codeOf = (result: { status: number; body: { error?: { code: string } } }) => (result.status < 300 ? "accepted" : (result.body.error?.code ?? `HTTP ${result.status}`));

describe(`reliability races on ${kind} (${kind === "postgresql" ? "two app instances" : "one app instance"})`, () => {
  it("R2: two clients updating one ticket with the same version: exactly one wins, the other gets VERSION_CONFLICT", async () => {
    const { db } = await import("@/lib/db");
    const { ids } = await createBoardWithTickets("rtwo", { backlog: ROUNDS * 2 });
    const codes: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      // Edits through PATCH.
      const edited = ids.backlog![round]!;
      const edits = await Promise.all(
        [0, 1].map((client) => call(serverFor(client).url, token, "PATCH", `/api/v1/tickets/${edited}`, { version: 1, title: `Edited by client ${client}` })),
      );
      expect(edits.map(codeOf).sort()).toEqual(["VERSION_CONFLICT", "accepted"]);
      const winner = edits.findIndex((result) => result.status < 300);
      const row = await db().ticket.findUniqueOrThrow({ where: { id: edited } });
      expect(row).toMatchObject({ version: 2, title: `Edited by client ${winner}` });
      codes.push(...edits.map(codeOf));

      // Moves with the same version.
      const moved = ids.backlog![ROUNDS + round]!;
      const moves = await Promise.all([0, 1].map((client) => call(serverFor(client).url, token, "POST", `/api/v1/tickets/${moved}/move`, { toPhase: "analyzing", version: 1 })));
      expect(moves.map(codeOf).sort()).toEqual(["VERSION_CONFLICT", "accepted"]);
      expect((await db().ticket.findUniqueOrThrow({ where: { id: moved } })).version).toBe(2);
      codes.push(...moves.map(codeOf));
      // Leave room in Analyzing (hard limit 5) for the next round.
      await call(serverFor(0).url, token, "POST", `/api/v1/tickets/${moved}/move`, { toPhase: "backlog", version: 2 });
    }
    const updates = await db().auditEvent.count({ where: { action: "ticket.updated", entityId: { startsWith: "rtwo-" } } });
    expect(updates).toBe(ROUNDS);
    console.log(`R2 (${kind}, ${servers.length} instance(s)): ${ROUNDS} PATCH pairs + ${ROUNDS} move pairs, ${describeTally(tally(codes))}; ${updates} ticket.updated events, no lost update`);
  });

  it("R3: 16 concurrent moves into a hard-limit column one short of full: exactly one succeeds", async () => {
    const { db } = await import("@/lib/db");
    const codes: string[] = [];
    let maxColumn = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const { ids, phases } = await createBoardWithTickets(`rwip${round}`, { backlog: 16, analyzing: 4 });
      const results = await Promise.all(
        ids.backlog!.map((id, client) => call(serverFor(client).url, token, "POST", `/api/v1/tickets/${id}/move`, { toPhase: "analyzing", version: 1 })),
      );
      const roundCodes = results.map(codeOf);
      expect(tally(roundCodes)).toEqual({ accepted: 1, WIP_LIMIT_REACHED: 15 });
      const analyzing = phases.find((phase) => phase.key === "analyzing")!;
      const size = await db().ticket.count({ where: { phaseId: analyzing.id } });
      expect(size).toBe(5);
      expect((await db().phase.findUniqueOrThrow({ where: { id: analyzing.id } })).ticketCount).toBe(5);
      maxColumn = Math.max(maxColumn, size);
      codes.push(...roundCodes);
    }
    console.log(`R3 (${kind}, ${servers.length} instance(s)): ${ROUNDS} rounds × 16 attempts, ${describeTally(tally(codes))}, max column size ${maxColumn} (limit 5)`);
  });
});
