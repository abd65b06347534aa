#!/usr/bin/env node
// `gateboard` / `npx gateboard`: runs the TypeScript CLI (cli/main.ts) through tsx from the
// package root, so the `@/` paths and the .env/data of this checkout resolve as for `npm start`.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tsx = path.join(root, "node_modules", ".bin", process.platform === "win32" ? "tsx.cmd" : "tsx");
if (!existsSync(tsx)) {
  console.error(`gateboard: ${tsx} is missing; run \`npm install\` in ${root} first.`);
  process.exit(1);
}
const child = spawn(tsx, ["--conditions=react-server", path.join(root, "cli", "main.ts"), ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  // File arguments of later commands are relative to where the user ran the command.
  env: { ...process.env, GATEBOARD_CLI_CWD: process.cwd() },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
