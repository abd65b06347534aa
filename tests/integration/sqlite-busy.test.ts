import Database from "better-sqlite3";
import { describe, expect, it, vi } from "vitest";
import { testDatabaseKind, withTestDatabase } from "@/tests/helpers/test-database";

// A short busy timeout, read once by lib/env.ts, so waiting out another process's lock is quick.
vi.hoisted(() => {
  process.env.SQLITE_BUSY_TIMEOUT_MS = "200";
});

const database = withTestDatabase();

describe.skipIf(testDatabaseKind() !== "sqlite")("SQLite: another process holding the write lock", () => {
  it("fails the transactions that cannot get the lock, and the next ones work once it is free", async () => {
    const { writeTransaction, db } = await import("@/lib/db");
    const board = await db().board.findFirst({ select: { id: true } });
    const write = () => writeTransaction((tx) => tx.$executeRawUnsafe(`UPDATE "Phase" SET "ticketCount" = "ticketCount" WHERE "boardId" = ?`, board?.id ?? ""));

    // Another process (a CLI import, a second server) holds the lock longer than the busy timeout.
    const other = new Database(database.url.replace(/^file:/, ""));
    other.pragma("busy_timeout = 0");
    other.prepare("BEGIN IMMEDIATE").run();
    await expect(write()).rejects.toThrow();
    await expect(write()).rejects.toThrow();
    other.prepare("COMMIT").run();
    other.close();

    // Before the fix, a failed BEGIN kept the adapter's mutex and this waited forever.
    await expect(write()).resolves.toBeDefined();
  });
});
