import { spawnSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { actors, createBoardWithTickets } from "@/tests/helpers/board-fixture";
import { testDatabaseKind, withTestDatabase } from "@/tests/helpers/test-database";
import { seededRandom } from "@/tests/reliability/helpers/server";

// R9 tamper: a real trail written by the use cases (moves, edits, gate requests, refusals),
// then rows edited and deleted behind the append-only triggers (the approach of
// tests/integration/audit-tamper.test.ts), at seeded random sequences. Verification, in
// process and through `npm run audit:verify`, must name the first bad sequence each time;
// with the row put back, the chain verifies again.

const database = withTestDatabase();
const kind = testDatabaseKind();
const SEED = Number(process.env.RELIABILITY_SEED ?? 20261123);

type Row = Record<string, unknown>;

/** Runs statements around the audit triggers, on a raw connection of its own. */
async function raw<T>(work: (query: (sql: string, params?: unknown[]) => Promise<Row[]>) => Promise<T>): Promise<T> {
  if (database.kind === "sqlite") {
    const connection = new Database(database.url.replace(/^file:/, ""));
    const triggers = connection.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('AuditEvent', 'AuditHead')`).all() as { sql: string }[];
    try {
      connection.exec("BEGIN IMMEDIATE");
      for (const trigger of triggers) connection.exec(`DROP TRIGGER "${/TRIGGER\s+"?([A-Za-z_]+)"?/i.exec(trigger.sql)![1]}"`);
      const result = await work(async (sql, params = []) => {
        const statement = connection.prepare(sql);
        return statement.reader ? (statement.all(...params) as Row[]) : (statement.run(...params), []);
      });
      for (const trigger of triggers) connection.exec(trigger.sql);
      connection.exec("COMMIT");
      return result;
    } finally {
      connection.close();
    }
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    const result = await work(async (sql, params = []) => (await client.query(sql.replace(/\?/g, (() => { let i = 0; return () => `$${++i}`; })()), params)).rows as Row[]);
    await client.query("COMMIT");
    return result;
  } finally {
    await client.end();
  }
}

const COLUMNS = ["seq", "at", "actorKind", "actorId", "actorRole", "action", "entityType", "entityId", "boardId", "before", "after", "reason", "requestId", "prevHash", "hash"];

async function restore(row: Row): Promise<void> {
  await raw(async (query) => {
    await query(`DELETE FROM "AuditEvent" WHERE "seq" = ?`, [row.seq]);
    const values = COLUMNS.map((column) => {
      const value = row[column];
      // pg hands jsonb back parsed; it wants it as JSON text again.
      return kind === "postgresql" && (column === "before" || column === "after") && value !== null ? JSON.stringify(value) : value;
    });
    await query(`INSERT INTO "AuditEvent" (${COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES (${COLUMNS.map(() => "?").join(", ")})`, values);
  });
}

function verifyCli(): { status: number | null; output: string } {
  const result = spawnSync(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/audit-verify.ts"], {
    env: { ...process.env, DATABASE_URL: database.url },
    encoding: "utf8",
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe(`R9 audit tamper detection on ${kind}`, () => {
  it("names the first bad sequence for edited and deleted rows of a real trail", async () => {
    const { db } = await import("@/lib/db");
    const { moveTicket } = await import("@/lib/server/move-ticket");
    const { updateTicket } = await import("@/lib/server/update-ticket");
    const { verifyAuditChain } = await import("@/lib/server/verify-audit-chain");
    const { ids } = await createBoardWithTickets("rnine", { backlog: 12, building: 4 });
    for (const id of ids.backlog!) {
      await updateTicket(actors.engineer, id, { version: 1, title: `Renamed ${id}`, reason: "clearer" });
      await moveTicket(actors.engineer, id, { toPhase: "backlog", version: 2 });
      await moveTicket(actors.viewer, id, { toPhase: "backlog", version: 3 }).catch(() => undefined);
    }
    for (const id of ids.building!) await moveTicket(actors.agent, id, { toPhase: "testing", version: 1 });
    const total = await db().auditEvent.count();
    expect(await verifyAuditChain()).toMatchObject({ ok: true, checked: total });

    const random = seededRandom(SEED);
    const pick = () => 2 + Math.floor(random() * (total - 2));
    const json = (value: string) => (kind === "sqlite" ? `'${value}'` : `'${value}'::jsonb`);
    const cases: Array<{ name: string; seq: number; tamper: string; expected: (seq: number) => number }> = [];
    for (let i = 0; i < 3; i += 1) {
      const seq = pick();
      cases.push({ name: "reason edited", seq, tamper: `UPDATE "AuditEvent" SET "reason" = 'nothing to see' WHERE "seq" = ${seq}`, expected: (s) => s });
    }
    for (let i = 0; i < 3; i += 1) {
      const seq = pick();
      cases.push({ name: "after edited", seq, tamper: `UPDATE "AuditEvent" SET "after" = ${json('{"phase":"done"}')} WHERE "seq" = ${seq}`, expected: (s) => s });
    }
    for (let i = 0; i < 3; i += 1) {
      const seq = pick();
      cases.push({ name: "actor edited", seq, tamper: `UPDATE "AuditEvent" SET "actorId" = 'someone-else', "actorRole" = 'admin' WHERE "seq" = ${seq}`, expected: (s) => s });
    }
    for (let i = 0; i < 3; i += 1) {
      const seq = pick();
      // A deleted event breaks the link of the one after it.
      cases.push({ name: "row deleted", seq, tamper: `DELETE FROM "AuditEvent" WHERE "seq" = ${seq}`, expected: (s) => s + 1 });
    }

    const lines: string[] = [];
    for (const [index, entry] of cases.entries()) {
      const [original] = await raw((query) => query(`SELECT * FROM "AuditEvent" WHERE "seq" = ?`, [entry.seq]));
      await raw((query) => query(entry.tamper));
      const result = await verifyAuditChain();
      expect(result, `${entry.name} at ${entry.seq}`).toMatchObject({ ok: false, firstBadSeq: entry.expected(entry.seq) });
      // The command line says the same (for one edit and one deletion: each run starts a process).
      if (index === 0 || index === cases.length - 1) {
        const cli = verifyCli();
        expect(cli.status).toBe(1);
        expect(cli.output).toContain(`BROKEN at sequence ${entry.expected(entry.seq)}`);
      }
      await restore(original!);
      expect(await verifyAuditChain(), `restored ${entry.seq}`).toMatchObject({ ok: true, checked: total });
      lines.push(`${entry.name} @${entry.seq} → first bad ${result.firstBadSeq}`);
    }
    console.log(`R9 (${kind}, seed ${SEED}): trail of ${total} real events; ${cases.length} tampers, each named at its first bad sequence (${lines.join("; ")}); chain verifies again after each restore`);
  });
});
