import { afterAll, beforeAll } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { migrate } from "@/lib/migrate";

/**
 * A fresh, migrated database of its own for one test file: a temp SQLite file, or, when
 * TEST_DATABASE=postgresql, a new database on the server DATABASE_URL_PG points at.
 * Sets DATABASE_URL so lib/db.ts connects to it.
 */
export type TestDatabase = { url: string; kind: "sqlite" | "postgresql"; drop(): Promise<void> };

export function testDatabaseKind(): "sqlite" | "postgresql" {
  return process.env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const kind = testDatabaseKind();
  if (kind === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "gateboard-test-"));
    const url = `file:${path.join(dir, "test.db")}`;
    process.env.DATABASE_URL = url;
    await migrate(url);
    return { url, kind, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const adminUrl = process.env.DATABASE_URL_PG;
  if (!adminUrl) throw new Error("TEST_DATABASE=postgresql needs DATABASE_URL_PG (e.g. postgresql://postgres@127.0.0.1:5432/postgres)");
  const name = `gateboard_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await createDatabaseLikeProduction(admin, name);
  await admin.end();
  const parsed = new URL(adminUrl);
  parsed.pathname = `/${name}`;
  const url = parsed.toString();
  process.env.DATABASE_URL = url;
  await migrate(url);
  return {
    url,
    kind,
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * A test file's own database for all its tests: created before the first, dropped after
 * the last. The returned object is filled in by the time a test runs.
 */
export function withTestDatabase(): TestDatabase {
  const database = {} as TestDatabase;
  beforeAll(async () => {
    Object.assign(database, await createTestDatabase());
  });
  afterAll(async () => {
    const { disconnectDb } = await import("@/lib/db");
    await disconnectDb();
    await database.drop?.();
  });
  return database;
}

/**
 * Test databases sort text like a typical production server (ICU en-US: case-insensitive
 * first), not in this machine's byte order, so code that needs byte order (ranks) is
 * caught here. Falls back to the server default where ICU is missing.
 */
export async function createDatabaseLikeProduction(admin: pg.Client, name: string): Promise<void> {
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'`);
  } catch {
    await admin.query(`CREATE DATABASE "${name}"`);
  }
}
