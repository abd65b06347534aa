// The benchmark's own databases: a temp SQLite file, or a new database on the PostgreSQL
// server DATABASE_URL_PG points at (created like production: ICU collation).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createDatabaseLikeProduction } from "../../tests/helpers/test-database";

export type DbKind = "sqlite" | "postgresql";
export type BenchDatabase = { kind: DbKind; url: string; drop(): Promise<void> };

export async function createBenchDatabase(kind: DbKind, label: string): Promise<BenchDatabase> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), `gateboard-bench-${label}-`));
    return { kind, url: `file:${path.join(dir, "bench.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const adminUrl = process.env.DATABASE_URL_PG;
  if (!adminUrl) throw new Error("PostgreSQL mode needs DATABASE_URL_PG (e.g. postgresql://postgres@127.0.0.1:5432/postgres)");
  const name = `gateboard_bench_${label}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await createDatabaseLikeProduction(admin, name);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    kind,
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
