#!/usr/bin/env node
// `gateboard` / `npx gateboard`: runs the TypeScript CLI (cli/main.ts) in a Node process with
// tsx's loader (one process, not tsx's CLI wrapper and its child: every command starts
// faster), from the package root, so the `@/` paths and the .env/data of this checkout
// resolve as for `npm start`.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const loader = path.join(root, "node_modules", "tsx", "dist", "loader.mjs");
if (!existsSync(loader)) {
  console.error(`gateboard: ${loader} is missing; run \`npm install\` in ${root} first.`);
  process.exit(1);
}
const child = spawn(
  process.execPath,
  // react-server: the CLI runs server-only use cases (token create), as the app's scripts do.
  ["--conditions=react-server", "--import", import.meta.resolve("tsx"), path.join(root, "cli", "main.ts"), ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: "inherit",
    // File arguments of later commands are relative to where the user ran the command.
    env: { ...process.env, GATEBOARD_CLI_CWD: process.cwd() },
  },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
