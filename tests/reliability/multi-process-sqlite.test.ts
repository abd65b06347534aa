import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBoardWithTickets } from "@/tests/helpers/board-fixture";
import { testDatabaseKind, type TestDatabase } from "@/tests/helpers/test-database";
import { apiToken, call, describeTally, reliabilityDatabase, tally } from "@/tests/reliability/helpers/api";
import { freePort, pool, startServer, type Server } from "@/tests/reliability/helpers/server";

// R10: four processes writing one SQLite file at once: two production servers taking API
// edits, a beads import process and a seeding process (the CLI's direct-to-database path).
// With transactions that take the write lock up front (BEGIN IMMEDIATE, lib/db.ts) a writer
// waits its turn: 0 SQLITE_BUSY failures, and every acknowledged write is in the file.
// SQLite only: PostgreSQL has no file lock to share.

const kind = testDatabaseKind();
const PER_SERVER = 150;
const PER_WRITER = 150;
let database: TestDatabase;
const servers: Server[] = [];

beforeAll(async () => {
  if (kind !== "sqlite") return;
  database = await reliabilityDatabase();
  servers.push(await startServer({ port: await freePort(3540, 3541), databaseUrl: database.url }));
  servers.push(await startServer({ port: await freePort(3542, 3543), databaseUrl: database.url }));
});

afterAll(async () => {
  for (const server of servers) await server.stop();
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
  await database?.drop();
});

function writer(mode: "import" | "seed", prefix: string): Promise<{ written: number; failed: number; busy: number; errors: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", "tests/reliability/helpers/writer-process.ts", mode, "rten", String(PER_WRITER), prefix], {
      env: { ...process.env, DATABASE_URL: database.url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("exit", (code) => {
      const line = out.trim().split("\n").findLast((candidate) => candidate.startsWith("{"));
      if (code !== 0 || !line) reject(new Error(`${mode} process exited ${code}:\n${out.slice(-3000)}`));
      else resolve(JSON.parse(line) as { written: number; failed: number; busy: number; errors: string[] });
    });
  });
}

describe.skipIf(kind !== "sqlite")("R10 four processes writing one SQLite file", () => {
  it("loses nothing and fails nothing with SQLITE_BUSY", { timeout: 300_000 }, async () => {
    const { db } = await import("@/lib/db");
    const { ids } = await createBoardWithTickets("rten", { backlog: PER_SERVER * 2 });
    const token = await apiToken("agent");

    // Each server edits its own half of the tickets (PATCH: read, check version, write, audit).
    const viaServer = (server: Server, label: string, tickets: string[]) =>
      pool(tickets.length, 4, async (index) => {
        try {
          const result = await call(server.url, token, "PATCH", `/api/v1/tickets/${tickets[index]}`, { version: 1, title: `${label} ${index + 1}` });
          return result.status === 200 ? "written" : `${result.status} ${result.body.error?.code ?? ""} ${result.body.error?.message ?? ""}`.trim();
        } catch (error) {
          return `network: ${(error as Error).message}`;
        }
      });
    const started = Date.now();
    const [first, second, imported, seeded] = await Promise.all([
      viaServer(servers[0]!, "server-a", ids.backlog!.slice(0, PER_SERVER)),
      viaServer(servers[1]!, "server-b", ids.backlog!.slice(PER_SERVER)),
      writer("import", "imp"),
      writer("seed", "seed"),
    ]);

    const seconds = Math.round((Date.now() - started) / 1000);
    const serverOutcomes = tally([...first, ...second]);
    const busyInServerLogs = servers.reduce((sum, server) => sum + (server.output().match(/SQLITE_BUSY|database is locked/g)?.length ?? 0), 0);
    expect(serverOutcomes).toEqual({ written: PER_SERVER * 2 });
    expect({ failed: imported.failed, busy: imported.busy, errors: imported.errors }).toEqual({ failed: 0, busy: 0, errors: [] });
    expect({ failed: seeded.failed, busy: seeded.busy, errors: seeded.errors }).toEqual({ failed: 0, busy: 0, errors: [] });
    expect(busyInServerLogs).toBe(0);

    const board = await db().board.findUniqueOrThrow({ where: { key: "rten" }, select: { id: true } });
    const count = (prefix: string) => db().ticket.count({ where: { boardId: board.id, title: { startsWith: `${prefix} ` } } });
    const present = { "server-a": await count("server-a"), "server-b": await count("server-b"), imp: await count("imp"), seed: await count("seed") };
    expect(present).toEqual({ "server-a": PER_SERVER, "server-b": PER_SERVER, imp: PER_WRITER, seed: PER_WRITER });
    const created = await db().auditEvent.count({ where: { action: "ticket.created", boardId: board.id } });
    const edited = await db().auditEvent.count({ where: { action: "ticket.updated", boardId: board.id } });
    expect(edited).toBe(PER_SERVER * 2);
    const total = await db().ticket.count({ where: { boardId: board.id } });
    const counters = await db().phase.aggregate({ where: { boardId: board.id }, _sum: { ticketCount: true } });
    expect(counters._sum.ticketCount).toBe(total);
    console.log(
      `R10 (sqlite): 4 writer processes on one file (2 servers × ${PER_SERVER} API edits, import of ${PER_WRITER} beads issues in batches, seed of ${PER_WRITER} tickets): ` +
        `server edits ${describeTally(serverOutcomes)} (${edited} ticket.updated events), import ${imported.written} written / ${imported.failed} failed, seed ${seeded.written} written / ${seeded.failed} failed; ` +
        `0 SQLITE_BUSY (${busyInServerLogs} in server logs); all ${total} tickets present, ${created} ticket.created events, column counters match; ${seconds} s of concurrent writing`,
    );
  });
});
