// `npm start`: validate the environment and workflows, build once if needed, migrate,
// seed the demo into an empty database, then serve. `--dev` runs `next dev` instead.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { loadEnvOrExit } from "./lib/load-env";
import { ensureAuthSecret } from "./lib/auth-secret";
import { migrate } from "../lib/migrate";
import { loadWorkflows, WorkflowFileError } from "../lib/server/workflows";
import { seedDemo } from "../lib/server/seed-demo";
import { disconnectDb } from "../lib/db";

const dev = process.argv.includes("--dev");
// `next start` runs with NODE_ENV=production, where the development secret is refused.
if (!dev) ensureAuthSecret();
const config = loadEnvOrExit();
process.env.NEXT_TELEMETRY_DISABLED = "1";

try {
  loadWorkflows();
} catch (error) {
  if (error instanceof WorkflowFileError) {
    console.error(error.message);
    process.exit(78);
  }
  throw error;
}

const next = path.join("node_modules", ".bin", "next");
if (!dev && (!existsSync(path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID")) || process.argv.includes("--rebuild"))) {
  console.log("Building Gateboard (first start, ~1 minute)…");
  const build = spawnSync(next, ["build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const migration = await migrate(config.DATABASE_URL);
if (migration.newlyApplied.length > 0) console.log(`Applied migrations: ${migration.newlyApplied.join(", ")}`);

if (config.GATEBOARD_DEMO_SEED === "auto") {
  const seeded = await seedDemo();
  if (seeded.seeded) console.log(`Empty database: seeded the demo board "gb" (${seeded.tickets} tickets). Demo users: admin@gateboard.local … password "gateboard".`);
}
await disconnectDb();

const child = spawn(next, [dev ? "dev" : "start", "-p", String(config.PORT)], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
