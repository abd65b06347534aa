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

/** Runs SQL with the audit triggers (events and head) out of the way, on a raw connection of its own. */
async function tamper(statements: string[]): Promise<void> {
  if (database.kind === "sqlite") {
    const raw = new Database(database.url.replace(/^file:/, ""));
    const triggers = raw.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('AuditEvent', 'AuditHead')`).all() as { name: string; sql: string }[];
    expect(triggers.map((trigger) => trigger.name).sort()).toEqual(["AuditEvent_no_delete", "AuditEvent_no_update", "AuditHead_forward_only", "AuditHead_no_delete"]);
    raw.transaction(() => {
      for (const trigger of triggers) raw.exec(`DROP TRIGGER "${trigger.name}"`);
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
  await tamper([`DELETE FROM "AuditEvent"`, `DELETE FROM "AuditHead"`]);
  expect(await db().auditEvent.count()).toBe(0);
  await writeTransaction((tx) =>
    recordAudit(
      tx,
      SYSTEM_ACTOR,
      Array.from({ length: 30 }, (_, i) => ({
        action: "ticket.updated", entityType: "ticket", entityId: `gb-${i}`, boardId: null,
        before: { title: `t${i}`, labels: ["a"], rank: i }, after: { title: `t${i}!`, labels: ["a", "b"], rank: i }, reason: i % 2 ? "why" : null,
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
    expect(await verifyAuditChain()).toMatchObject({ ok: false, checked: 17, firstBadSeq: 17 });
  });

  it("reports an edited event before a deleted one at the edit", async () => {
    const { verifyAuditChain } = await import("@/lib/server/verify-audit-chain");
    await tamper([`UPDATE "AuditEvent" SET "entityId" = 'gb-x' WHERE "seq" = 8`, `DELETE FROM "AuditEvent" WHERE "seq" = 20`]);
    expect(await verifyAuditChain()).toMatchObject({ ok: false, checked: 8, firstBadSeq: 8 });
  });

  it("verifies events whose values need escaping, and reports edits to them", async () => {
    const { writeTransaction } = await import("@/lib/db");
    const { recordAudit } = await import("@/lib/server/record-audit");
    const { SYSTEM_ACTOR } = await import("@/lib/domain/permissions");
    const { verifyAuditChain } = await import("@/lib/server/verify-audit-chain");
    const awkward = [
      { reason: 'said "no"\nthen \\ left', entityId: "gb-é😀", after: { title: 'a "quoted"\ttitle', b: 1.5, a: [1e21, -0, null] } },
      { reason: "control \u0001 and \u001f", entityId: "gb-\u2028", after: { "10": "ten", "2": "two", "": { z: {}, y: [] } } },
      { reason: null, entityId: "gb-plain", after: { nested: { list: [{ b: 2, a: 1 }] }, big: 12345678901234567890 } },
    ];
    await writeTransaction((tx) =>
      recordAudit(tx, { ...SYSTEM_ACTOR, requestId: "req\twith tab" }, awkward.map((event, i) => ({
        action: "ticket.updated", entityType: "ticket", entityId: event.entityId, boardId: i === 1 ? null : "b\"oard",
        before: i === 2 ? null : { title: "before" }, after: event.after, reason: event.reason,
      }))),
    );
    expect(await verifyAuditChain()).toEqual({ ok: true, checked: 33, firstBadSeq: null });
    const char = database.kind === "sqlite" ? "char" : "chr";
    await tamper([`UPDATE "AuditEvent" SET "reason" = 'control ' || ${char}(1) || ' and ' || ${char}(31) || '.' WHERE "seq" = 32`]);
    expect(await verifyAuditChain()).toMatchObject({ ok: false, firstBadSeq: 32 });
    await tamper([`UPDATE "AuditEvent" SET "reason" = 'said "yes"' || ${char}(10) || 'then \\ left' WHERE "seq" = 31`]);
    expect(await verifyAuditChain()).toMatchObject({ ok: false, firstBadSeq: 31 });
  });

  it("reports a value edited into the escaped form of the original", async () => {
    const { writeTransaction } = await import("@/lib/db");
    const { recordAudit } = await import("@/lib/server/record-audit");
    const { SYSTEM_ACTOR } = await import("@/lib/domain/permissions");
    const { verifyAuditChain } = await import("@/lib/server/verify-audit-chain");
    await writeTransaction((tx) => recordAudit(tx, SYSTEM_ACTOR, { action: "ticket.updated", entityType: "ticket", entityId: "gb-q", reason: 'say "hi"' }));
    expect(await verifyAuditChain()).toMatchObject({ ok: true, checked: 31 });
    // Written between quotes as it is, the new value would spell the old one's JSON.
    await tamper([`UPDATE "AuditEvent" SET "reason" = 'say \\"hi\\"' WHERE "seq" = 31`]);
    expect(await verifyAuditChain()).toMatchObject({ ok: false, firstBadSeq: 31 });
  });

  it("verifies JSON stored in another key order and layout, as events written before canonical storage are", async () => {
    const { db } = await import("@/lib/db");
    const { verifyAuditChain } = await import("@/lib/server/verify-audit-chain");
    // The same values, written as JSON.stringify writes them: insertion order, here reversed, and spaced.
    const rows = await db().auditEvent.findMany({ where: { seq: { gte: 5, lte: 25 } }, select: { seq: true, before: true, after: true } });
    const relaid = (value: unknown) => JSON.stringify(Object.fromEntries(Object.entries(value as object).reverse()), null, 1);
    const json = (text: string) => (database.kind === "sqlite" ? `'${text}'` : `'${text}'::jsonb`);
    await tamper(rows.map((row) => `UPDATE "AuditEvent" SET "before" = ${json(relaid(row.before))}, "after" = ${json(relaid(row.after))} WHERE "seq" = ${row.seq}`));
    expect(await verifyAuditChain()).toEqual({ ok: true, checked: 30, firstBadSeq: null });
    await tamper([`UPDATE "AuditEvent" SET "after" = ${json('{\n "title": "forged"\n}')} WHERE "seq" = 11`]);
    expect(await verifyAuditChain()).toMatchObject({ ok: false, firstBadSeq: 11 });
  });

  it.runIf(testDatabaseKind() === "sqlite")("reports JSON texts that reproduce the hashed bytes only by spilling into the next column", async () => {
    const { db, writeTransaction } = await import("@/lib/db");
    const { recordAudit } = await import("@/lib/server/record-audit");
    const { SYSTEM_ACTOR } = await import("@/lib/domain/permissions");
    const { verifyAuditChain } = await import("@/lib/server/verify-audit-chain");
    const nested = "2026-01-01T00:00:00.000Z";
    await writeTransaction((tx) =>
      recordAudit(tx, SYSTEM_ACTOR, { action: "ticket.updated", entityType: "ticket", entityId: "gb-spill", after: { x: 1 }, before: { a: 0, at: nested, before: 1 } }),
    );
    expect(await verifyAuditChain()).toMatchObject({ ok: true, checked: 31 });
    const stored = await db().auditEvent.findUniqueOrThrow({ where: { seq: 31 }, select: { at: true } });
    // after swallows the real time and the start of before; `at` becomes the time nested in
    // before, before keeps the rest: concatenated as stored, the bytes are the event's
    // canonical JSON, but no column holds what it held.
    const after = `{"x":1},"at":"${stored.at.toISOString()}","before":{"a":0`;
    await tamper([`UPDATE "AuditEvent" SET "after" = '${after}', "at" = '${nested.replace("Z", "+00:00")}', "before" = '1}' WHERE "seq" = 31`]);
    expect(await verifyAuditChain()).toMatchObject({ ok: false, firstBadSeq: 31 });
  });

  it.runIf(testDatabaseKind() === "sqlite")("reports a text column replaced by a BLOB that SQLite's JSON functions read as the same value", async () => {
    const { verifyAuditChain } = await import("@/lib/server/verify-audit-chain");
    // x'00' is JSONB for null: json_quote writes it as null, the value boardId held.
    await tamper([`UPDATE "AuditEvent" SET "boardId" = x'00' WHERE "seq" = 6`]);
    expect(await verifyAuditChain()).toMatchObject({ ok: false, firstBadSeq: 6 });
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

  it("reports events deleted from the end of the chain, up to all of them, at the first one missing", async () => {
    const { verifyAuditChain } = await import("@/lib/server/verify-audit-chain");
    await tamper([`DELETE FROM "AuditEvent" WHERE "seq" = 30`]);
    expect(await verifyAuditChain()).toMatchObject({ ok: false, checked: 29, firstBadSeq: 30, problem: expect.stringContaining("reaches #30") });
    await tamper([`DELETE FROM "AuditEvent" WHERE "seq" >= 25`]);
    expect(await verifyAuditChain()).toMatchObject({ ok: false, checked: 24, firstBadSeq: 25 });
    await tamper([`DELETE FROM "AuditEvent"`]);
    expect(await verifyAuditChain()).toMatchObject({ ok: false, checked: 0, firstBadSeq: 1 });
  });

  it("reports a chain rewritten from some event to its end, with every hash recomputed, at its head", async () => {
    const { db, writeTransaction } = await import("@/lib/db");
    const { recordAudit } = await import("@/lib/server/record-audit");
    const { verifyAuditChain } = await import("@/lib/server/verify-audit-chain");
    const { SYSTEM_ACTOR } = await import("@/lib/domain/permissions");
    // Events 26..30 replaced by others appended the ordinary way (every hash recomputed, the
    // chain links up): the head still names the original #30, so the end does not match.
    // (Whoever can also rewrite the head rewrites history: only a copy kept elsewhere, such
    // as an export, shows that.)
    const head = await db().auditHead.findUniqueOrThrow({ where: { id: 1 } });
    await tamper([`DELETE FROM "AuditEvent" WHERE "seq" >= 26`, `UPDATE "AuditHead" SET "seq" = 25, "hash" = (SELECT "hash" FROM "AuditEvent" WHERE "seq" = 25)`]);
    await writeTransaction((tx) => recordAudit(tx, SYSTEM_ACTOR, Array.from({ length: 5 }, (_, i) => ({ action: "ticket.updated", entityType: "ticket", entityId: `gb-forged-${i}` }))));
    await tamper([`UPDATE "AuditHead" SET "seq" = ${head.seq}, "hash" = '${head.hash}'`]);
    expect(await verifyAuditChain()).toMatchObject({ ok: false, checked: 30, firstBadSeq: 30, problem: expect.stringContaining("rewritten") });
  });

  it("keeps the head moving forward only: no rewinding, no deleting it", async () => {
    const { db } = await import("@/lib/db");
    await expect(db().auditHead.update({ where: { id: 1 }, data: { seq: 29 } })).rejects.toThrow();
    await expect(db().auditHead.delete({ where: { id: 1 } })).rejects.toThrow();
    expect(await db().auditHead.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ seq: 30 });
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
