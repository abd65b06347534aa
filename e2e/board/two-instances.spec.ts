import { spawn, type ChildProcess } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../helpers/sign-in";
import { expectInColumn } from "../helpers/board";

// Two app processes on one database, each with its own browser: a move made through one
// instance reaches the other's open board without a reload. On PostgreSQL the wake-up
// crosses processes by LISTEN/NOTIFY; on SQLite by the stream's polling of the audit table.
test.describe.configure({ mode: "serial" });

const secondPort = Number(process.env.E2E_PORT ?? 3200) + 1;
const secondUrl = `http://127.0.0.1:${secondPort}`;
let second: ChildProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  second = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/start.ts"], {
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL, PORT: String(secondPort), GATEBOARD_DEMO_SEED: "never", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
    detached: true,
  });
  const deadline = Date.now() + 170_000;
  for (;;) {
    const ready = await fetch(`${secondUrl}/api/health/ready`).then((response) => response.ok, () => false);
    if (ready) break;
    if (second.exitCode !== null) throw new Error(`the second instance exited with ${second.exitCode}`);
    if (Date.now() > deadline) throw new Error("the second instance did not become ready");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // A cold instance's first page render loads every server module; do it before the clock runs.
  await fetch(`${secondUrl}/sign-in`);
});

test.afterAll(() => {
  if (second?.pid) process.kill(-second.pid, "SIGTERM");
});

/** A card in Analyzing: moving it to Backlog and back needs no gate and never hits a WIP limit. */
async function cardInAnalyzing(page: Page): Promise<string> {
  const response = await page.request.get("/api/v1/boards/gb");
  expect(response.ok()).toBe(true);
  const board = (await response.json()) as { tickets: Array<{ id: string; phase: string }> };
  const ticket = board.tickets.find((candidate) => candidate.phase === "analyzing");
  if (!ticket) throw new Error("the demo board has no ticket in Analyzing");
  return ticket.id;
}

async function moveWithMenu(page: Page, id: string, to: string) {
  await page.getByRole("button", { name: `Move ${id} to…` }).click();
  await page.getByRole("menuitem", { name: to }).click();
  await expectInColumn(page, id, to);
}

test("a move made through one instance shows on the other instance's board, both ways", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signIn(page, "lead@gateboard.local", undefined, "/boards/gb");
  await page.goto("/boards/gb");
  const id = await cardInAnalyzing(page);

  const otherContext = await browser.newContext({ baseURL: secondUrl });
  const other = await otherContext.newPage();
  await signIn(other, "engineer@gateboard.local", undefined, "/boards/gb");
  await other.goto("/boards/gb");
  await expectInColumn(other, id, "Analyzing");

  await moveWithMenu(page, id, "Backlog");
  await expectInColumn(other, id, "Backlog");

  await moveWithMenu(other, id, "Analyzing");
  await expectInColumn(page, id, "Analyzing");
  await otherContext.close();
});
