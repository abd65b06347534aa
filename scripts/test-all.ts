// `npm test`: everything, in the order that fails fastest. Typecheck, lint, the drift check,
// unit + integration tests on SQLite, the integration tests again on PostgreSQL when
// DATABASE_URL_PG is set, a production build, the reliability suite (tests/reliability) on
// both, then Playwright e2e on SQLite and PostgreSQL.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { createDatabaseLikeProduction } from "../tests/helpers/test-database";

const pgUrl = process.env.DATABASE_URL_PG;
const bin = (name: string) => path.join("node_modules", ".bin", name);
const results: Array<{ step: string; ok: boolean; seconds: number }> = [];
const counts = { passed: 0, failed: 0, skipped: 0 };
mkdirSync("test-results", { recursive: true });

function run(step: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n━━ ${step}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  const ok = result.status === 0;
  results.push({ step, ok, seconds: Math.round((Date.now() - started) / 1000) });
  return ok;
}

function countVitest(file: string) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  counts.passed += report.numPassedTests;
  counts.failed += report.numFailedTests;
  counts.skipped += report.numPendingTests + report.numTodoTests;
}

function countPlaywright(file: string) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  counts.passed += report.stats.expected + report.stats.flaky;
  counts.failed += report.stats.unexpected;
  counts.skipped += report.stats.skipped;
}

async function withPostgresDatabase<T>(work: (url: string) => T): Promise<T> {
  const name = `gateboard_e2e_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await createDatabaseLikeProduction(admin, name);
  try {
    const url = new URL(pgUrl!);
    url.pathname = `/${name}`;
    return work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

async function main(): Promise<boolean> {
  if (!pgUrl) console.log("DATABASE_URL_PG is not set: tests run on SQLite only (see README to add PostgreSQL).");
  if (!run("typecheck", bin("tsc"), ["--noEmit"])) return false;
  if (!run("lint", bin("eslint"), ["--max-warnings", "0", "."])) return false;
  if (!run("db:check (schema, PostgreSQL copy, migrations)", bin("tsx"), ["scripts/db-check.ts"])) return false;

  const vitestSqlite = "test-results/vitest-sqlite.json";
  rmSync(vitestSqlite, { force: true });
  const unitOk = run("unit + integration tests (SQLite)", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestSqlite}`], { TEST_DATABASE: "sqlite" });
  countVitest(vitestSqlite);
  if (!unitOk) return false;

  if (pgUrl) {
    const vitestPg = "test-results/vitest-postgresql.json";
    rmSync(vitestPg, { force: true });
    const ok = run("integration tests (PostgreSQL)", bin("vitest"), ["run", "tests/integration", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestPg}`], { TEST_DATABASE: "postgresql" });
    countVitest(vitestPg);
    if (!ok) return false;
  }

  if (!run("production build", bin("next"), ["build"], { NODE_ENV: "production" })) return false;

  // Crash, race, gate, authorization, CSRF and hostile-input tests against the build just made.
  const reliabilityPrefix = "test-results/vitest-reliability";
  for (const database of ["sqlite", "postgresql"]) rmSync(`${reliabilityPrefix}-${database}.json`, { force: true });
  const reliabilityOk = run("reliability suite (SQLite, and PostgreSQL when configured)", bin("tsx"), ["--conditions=react-server", "tests/reliability/run.ts"], {
    RELIABILITY_JSON_PREFIX: reliabilityPrefix,
  });
  for (const database of ["sqlite", "postgresql"]) countVitest(`${reliabilityPrefix}-${database}.json`);
  if (!reliabilityOk) return false;

  const e2eSqlite = "test-results/playwright-sqlite.json";
  rmSync(e2eSqlite, { force: true });
  const sqliteFile = path.resolve("test-results", `e2e-${process.pid}.db`);
  const e2eOk = run("end-to-end (Chromium, SQLite)", bin("playwright"), ["test"], {
    CI: "true",
    E2E_DATABASE_URL: `file:${sqliteFile}`,
    PLAYWRIGHT_JSON_OUTPUT_NAME: e2eSqlite,
  });
  countPlaywright(e2eSqlite);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(sqliteFile + suffix, { force: true });
  if (!e2eOk) return false;

  if (pgUrl) {
    const e2ePg = "test-results/playwright-postgresql.json";
    rmSync(e2ePg, { force: true });
    const ok = await withPostgresDatabase((url) =>
      run("end-to-end (Chromium, PostgreSQL)", bin("playwright"), ["test"], { CI: "true", E2E_DATABASE_URL: url, PLAYWRIGHT_JSON_OUTPUT_NAME: e2ePg }),
    );
    countPlaywright(e2ePg);
    if (!ok) return false;
  }
  return true;
}

const ok = await main();
console.log("\n━━ summary");
for (const result of results) console.log(`${result.ok ? "✔" : "✘"} ${result.step} (${result.seconds}s)`);
console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}`);
process.exit(ok ? 0 : 1);
