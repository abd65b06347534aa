import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseKind, type DatabaseKind } from "@/lib/env";

/**
 * Applies the checked-in SQL migrations of the provider in use. We run them ourselves
 * rather than through `prisma migrate deploy` because the Prisma CLI needs a downloaded
 * engine or adapter shims for PostgreSQL here; the bookkeeping table is Prisma's own
 * (`_prisma_migrations`, same columns and checksums), so `prisma migrate status` agrees.
 */

export const MIGRATIONS_ROOT = path.resolve(process.cwd(), "prisma", "migrations");

export function migrationsDir(kind: DatabaseKind): string {
  return path.join(MIGRATIONS_ROOT, kind);
}

export type Migration = { name: string; sql: string; checksum: string };

export function readMigrations(kind: DatabaseKind): Migration[] {
  const dir = migrationsDir(kind);
  if (!existsSync(dir)) throw new Error(`No migrations folder at ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export type MigrationStatus = {
  applied: string[];
  pending: string[];
  /** Applied migrations whose file changed since (a checked-in migration was edited). */
  modified: string[];
};

export type MigrateResult = MigrationStatus & { newlyApplied: string[] };

export async function migrate(url: string): Promise<MigrateResult> {
  return databaseKind(url) === "sqlite" ? migrateSqlite(url) : migratePostgres(url);
}

export async function migrationStatus(url: string): Promise<MigrationStatus> {
  const kind = databaseKind(url);
  const rows = kind === "sqlite" ? appliedSqlite(url) : await appliedPostgres(url);
  return compare(readMigrations(kind), rows);
}

type AppliedRow = { migration_name: string; checksum: string };

function compare(migrations: Migration[], rows: AppliedRow[]): MigrationStatus {
  const byName = new Map(rows.map((row) => [row.migration_name, row.checksum]));
  return {
    applied: migrations.filter((m) => byName.has(m.name)).map((m) => m.name),
    pending: migrations.filter((m) => !byName.has(m.name)).map((m) => m.name),
    modified: migrations.filter((m) => byName.has(m.name) && byName.get(m.name) !== m.checksum).map((m) => m.name),
  };
}

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

function openSqlite(url: string): Database.Database {
  const file = url.replace(/^file:/, "").replace(/\?.*$/, "");
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file, { timeout: 15_000 });
  sqlite.pragma("journal_mode = WAL");
  return sqlite;
}

function appliedSqlite(url: string): AppliedRow[] {
  const file = url.replace(/^file:/, "").replace(/\?.*$/, "");
  if (file !== ":memory:" && !existsSync(path.resolve(file))) return [];
  const sqlite = openSqlite(url);
  try {
    const exists = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type='table' AND name='_prisma_migrations'`).get();
    if (!exists) return [];
    return sqlite
      .prepare(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`)
      .all() as AppliedRow[];
  } finally {
    sqlite.close();
  }
}

function migrateSqlite(url: string): MigrateResult {
  const migrations = readMigrations("sqlite");
  const sqlite = openSqlite(url);
  const newlyApplied: string[] = [];
  try {
    sqlite.exec(SQLITE_TABLE);
    // One migration per IMMEDIATE transaction: a second process starting at the same time
    // waits on the write lock, then sees the migration as applied and skips it.
    for (const migration of migrations) {
      sqlite.exec("BEGIN IMMEDIATE");
      try {
        const done = sqlite
          .prepare(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ? AND finished_at IS NOT NULL`)
          .get(migration.name);
        if (!done) {
          sqlite.exec(migration.sql);
          sqlite
            .prepare(
              `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (?, ?, current_timestamp, ?, 1)`,
            )
            .run(randomUUID(), migration.checksum, migration.name);
          newlyApplied.push(migration.name);
        }
        sqlite.exec("COMMIT");
      } catch (error) {
        sqlite.exec("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
    }
    const rows = sqlite.prepare(`SELECT migration_name, checksum FROM "_prisma_migrations"`).all() as AppliedRow[];
    return { ...compare(migrations, rows), newlyApplied };
  } finally {
    sqlite.close();
  }
}

const POSTGRES_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Arbitrary constant naming the migration advisory lock (app instances may start together). */
const MIGRATION_LOCK = 7_420_000;

async function appliedPostgres(url: string): Promise<AppliedRow[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exists = await client.query(`SELECT to_regclass('"_prisma_migrations"') AS t`);
    if (!exists.rows[0]?.t) return [];
    const result = await client.query<AppliedRow>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`,
    );
    return result.rows;
  } finally {
    await client.end();
  }
}

async function migratePostgres(url: string): Promise<MigrateResult> {
  const migrations = readMigrations("postgresql");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const newlyApplied: string[] = [];
  try {
    await client.query(`SELECT pg_advisory_lock($1)`, [MIGRATION_LOCK]);
    await client.query(POSTGRES_TABLE);
    const applied = await client.query<AppliedRow>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
    );
    const done = new Set(applied.rows.map((row) => row.migration_name));
    for (const migration of migrations) {
      if (done.has(migration.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
        newlyApplied.push(migration.name);
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
    }
    const rows = await client.query<AppliedRow>(`SELECT migration_name, checksum FROM "_prisma_migrations"`);
    return { ...compare(migrations, rows.rows), newlyApplied };
  } finally {
    await client.query(`SELECT pg_advisory_unlock($1)`, [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}
