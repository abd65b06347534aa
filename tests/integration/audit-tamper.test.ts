import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/tests/helpers/test-database";

// Tampering as someone with direct database access would do it: around the append-only
// triggers. Verification must name the first affected sequence every time.
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
  await database?.drop();
});

/** Runs SQL with the audit triggers out of the way, on a raw connection of its own. */
async function tamper(statements: string[]): Promise<void> {
  if (database.kind === "sqlite") {
    const raw = new Database(database.url.replace(/^file:/, ""));
    const triggers = raw.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'AuditEvent'`).all() as { sql: string }[];
    expect(triggers).toHaveLength(2);
    raw.transaction(() => {
      raw.exec(`DROP TRIGGER "AuditEvent_no_update"; DROP TRIGGER "AuditEvent_no_delete";`);
      for (const sql of statements) raw.exec(sql);
      for (const trigger of triggers) raw.exec(trigger.sql);
    })();
    raw.close();
    return;
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query("BEGIN");
    // Replica mode skips ordinary triggers: what a superuser could do.
    await client.query("SET LOCAL session_replication_role = replica");
    for (const sql of statements) await client.query(sql);
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}

/** A fresh chain of 30 events in a new database per case, so each tamper is judged alone. */
async function freshChain(): Promise<void> {
  const { db, writeTransaction } = await import("@/lib/db");
  const { recordAudit } = await import("@/lib/server/record-audit");
  const { SYSTEM_ACTOR } = await import("@/lib/domain/permissions");
  await tamper([`DELETE FROM "AuditEvent"`]);
  expect(await db().auditEvent.count()).toBe(0);
  await writeTransaction((tx) =>
    recordAudit(
      tx,
      SYSTEM_ACTOR,
      Array.from({ length: 30 }, (_, i) => ({
        action: "ticket.updated", entityType: "ticket", entityId: `gb-${i}`, boardId: null,
        before: { title: `t${i}` }, after: { title: `t${i}!` }, reason: i % 2 ? "why" : null,
      })),
    ),
  );
}

describe(`audit chain tamper detection on ${testDatabaseKind()}`, () => {
  beforeEach(freshChain);

  it("verifies the untouched chain, and the triggers still refuse plain edits", async () => {
    const { db } = await import("@/lib/db");
    const { verifyAuditChain } = await import("@/lib/server/verify-audit-chain");
    expect(await verifyAuditChain()).toEqual({ ok: true, checked: 30, firstBadSeq: null });
    await expect(db().auditEvent.update({ where: { seq: 3 }, data: { reason: "x" } })).rejects.toThrow();
  });

  it("reports an edited event at its own sequence", async () => {
    const { verifyAuditChain } = await import("@/lib/server/verify-audit-chain");
    await tamper([`UPDATE "AuditEvent" SET "reason" = 'nothing to see' WHERE "seq" = 17`]);
    expect(await verifyAuditChain()).toMatchObject({ ok: false, firstBadSeq: 17 });
  });

  it("reports an edited JSON value (after) at its sequence", async () => {
    const { verifyAuditChain } = await import("@/lib/server/verify-audit-chain");
    const json = database.kind === "sqlite" ? `'{"title":"forged"}'` : `'{"title":"forged"}'::jsonb`;
    await tamper([`UPDATE "AuditEvent" SET "after" = ${json} WHERE "seq" = 9`]);
    expect(await verifyAuditChain()).toMatchObject({ ok: false, firstBadSeq: 9 });
  });

  it("reports a deleted event at the sequence that follows it", async () => {
    const { verifyAuditChain } = await import("@/lib/server/verify-audit-chain");
    await tamper([`DELETE FROM "AuditEvent" WHERE "seq" = 12`]);
    expect(await verifyAuditChain()).toMatchObject({ ok: false, firstBadSeq: 13 });
  });

  it("reports two swapped events at the first of them", async () => {
    const { verifyAuditChain } = await import("@/lib/server/verify-audit-chain");
    // Swap every stored column but the sequence; placeholder hashes first (the column is unique).
    const columns = ["at", "actorKind", "actorId", "actorRole", "action", "entityType", "entityId", "boardId", "before", "after", "reason", "requestId", "prevHash"];
    const takeFrom = (seq: number) => [...columns, "hash"].map((c) => `"${c}" = (SELECT "${c}" FROM swap WHERE "seq" = ${seq})`).join(", ");
    await tamper([
      `CREATE TEMP TABLE swap AS SELECT * FROM "AuditEvent" WHERE "seq" IN (20, 21)`,
      `UPDATE "AuditEvent" SET "hash" = 'tmp-' || "seq" WHERE "seq" IN (20, 21)`,
      `UPDATE "AuditEvent" SET ${takeFrom(21)} WHERE "seq" = 20`,
      `UPDATE "AuditEvent" SET ${takeFrom(20)} WHERE "seq" = 21`,
      `DROP TABLE swap`,
    ]);
    expect(await verifyAuditChain()).toMatchObject({ ok: false, firstBadSeq: 20 });
  });
});
