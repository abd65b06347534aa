// `npm run test:reliability`: the reliability suite (tests/reliability, issue 9) on SQLite,
// then on PostgreSQL when DATABASE_URL_PG is set. Server-backed tests run the production
// build in RELIABILITY_DIST_DIR (default `.next`), built here first when it is missing or
// with `--rebuild`. Extra arguments go to vitest (e.g. a file filter).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const distDir = process.env.RELIABILITY_DIST_DIR || process.env.NEXT_DIST_DIR || ".next";
/** Set by `npm test`: where to write vitest's JSON report per database (`<prefix>-sqlite.json`). */
const jsonPrefix = process.env.RELIABILITY_JSON_PREFIX;
const bin = (name: string) => path.join("node_modules", ".bin", name);
const args = process.argv.slice(2).filter((arg) => arg !== "--rebuild");
const started = Date.now();

function run(label: string, command: string, commandArgs: string[], env: Record<string, string>): boolean {
  console.log(`\n━━ ${label}\n`);
  const result = spawnSync(command, commandArgs, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  return result.status === 0;
}

function main(): boolean {
  if (process.argv.includes("--rebuild") || !existsSync(path.join(distDir, "BUILD_ID"))) {
    if (!run(`production build into ${distDir}`, bin("next"), ["build"], { NODE_ENV: "production", NEXT_DIST_DIR: distDir })) return false;
  }
  const vitest = (database: "sqlite" | "postgresql") =>
    run(`reliability suite (${database === "sqlite" ? "SQLite" : "PostgreSQL"})`, bin("vitest"), [
      "run",
      "--config",
      "vitest.reliability.config.mts",
      ...(jsonPrefix ? ["--reporter=default", "--reporter=json", `--outputFile.json=${jsonPrefix}-${database}.json`] : []),
      ...args,
    ], {
      TEST_DATABASE: database,
      RELIABILITY_DIST_DIR: distDir,
    });
  if (!vitest("sqlite")) return false;
  if (process.env.DATABASE_URL_PG) return vitest("postgresql");
  console.log("\nDATABASE_URL_PG is not set: the suite ran on SQLite only.");
  return true;
}

const ok = main();
console.log(`\nreliability suite ${ok ? "passed" : "FAILED"} in ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(ok ? 0 : 1);
