import { spawn } from "node:child_process";
import { writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectInColumn } from "../helpers/board";
import { signIn } from "../helpers/sign-in";

// A whole agent loop through the real `gateboard` CLI against the running app: token,
// registration, heartbeats, the ready queue, a claim, a move stopped by the tests gate, a
// passing JUnit report that lets it through, the approval gate requested, a reviewer
// approving in the browser, and the agent seeing the ticket advance.
//
// The ticket is the spec's own, filed in Building: the default workflow gates
// Building → Testing on a passing JUnit report (tests) and Review → Deploying on a reviewer
// (approval). Building has room (hard limit 10) and Review has no limit, whatever the
// specs before this one moved.

const CLI = path.join(process.cwd(), "bin", "gateboard.mjs");

type Run = { code: number | null; stdout: string; stderr: string };

function gateboard(args: string[], options: { cwd: string; env: Record<string, string> }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const PASSING_JUNIT = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="vitest" tests="3" failures="0" errors="0" skipped="0" time="0.42">
  <testsuite name="cli/e2e-loop.test.ts" tests="3" failures="0" errors="0" skipped="0" time="0.42">
    <testcase classname="loop" name="claims a ready ticket" time="0.1"/>
    <testcase classname="loop" name="moves it" time="0.1"/>
    <testcase classname="loop" name="attaches evidence" time="0.22"/>
  </testsuite>
</testsuites>
`;

test("an agent works a ticket with the CLI; a reviewer approves in the browser; the agent sees it advance", async ({ page, baseURL }, testInfo) => {
  // Every step spawns the CLI (tsx start-up included): give the loop room, not a clock.
  test.setTimeout(480_000);
  const workdir = testInfo.outputPath("agent");
  await mkdir(workdir, { recursive: true });
  const env: Record<string, string> = { GATEBOARD_URL: baseURL!, DATABASE_URL: process.env.E2E_DATABASE_URL! };
  const run = (...args: string[]) => gateboard(args, { cwd: workdir, env });
  const ok = async (...args: string[]) => {
    const result = await run(...args);
    expect(result.code, `gateboard ${args.join(" ")}\n${result.stdout}${result.stderr}`).toBe(0);
    return result.stdout;
  };
  const json = async <T>(...args: string[]) => JSON.parse(await ok(...args, "--json")) as T;

  // Without a URL and token the CLI says what to set instead of failing obscurely.
  const unset = await gateboard(["boards"], { cwd: workdir, env: { GATEBOARD_URL: "", GATEBOARD_TOKEN: "" } });
  expect(unset.code).toBe(2);
  expect(unset.stderr).toContain("GATEBOARD_URL is not set");

  // The first token, straight on the database; it is the last line of the output.
  const created = await ok("token", "create", "--name", "cli-loop", "--role", "agent");
  env.GATEBOARD_TOKEN = created.trim().split("\n").at(-1)!;

  // A lead filed the work in Building; the agent registers and says it is looking for work.
  const ticket = await json<{ id: string; phase: string }>("ticket", "create", "--board", "gb", "--phase", "building", "--title", "CLI agent loop: retry webhook signatures", "--files", "src/webhooks/retry-sign.ts");
  expect(ticket.phase).toBe("building");
  const agent = await json<{ id: string; name: string; state: string }>("agent", "register", "--name", "cli-loop-worker", "--kind", "worker", "--capacity", "2", "--capabilities", "typescript,tests");
  expect(agent).toMatchObject({ name: "cli-loop-worker", state: "idle" });
  expect(await ok("heartbeat", "--agent", agent.id, "--state", "idle", "--note", "looking for work")).toContain("Heartbeat from cli-loop-worker: idle.");

  // It picks the ticket from the claimable part of the ready queue and claims it.
  const ready = await json<{ items: Array<{ id: string; claimable: boolean }> }>("ready", "--board", "gb", "--claimable");
  const pick = ready.items.find((item) => item.id === ticket.id);
  expect(pick?.claimable).toBe(true);
  expect(await ok("claim", ticket.id)).toContain(`Claimed ${ticket.id} for cli-loop-worker: in_progress in Building`);
  await ok("heartbeat", "--agent", agent.id, "--state", "busy", "--ticket", ticket.id, "--note", "building");

  // Moving on to Testing without a report: the tests gate stops it and opens a gate request.
  const early = await run("move", ticket.id, "testing");
  expect(early.code).toBe(1);
  expect(early.stderr).toContain("GATE_PENDING (HTTP 409)");
  expect(early.stderr).toContain("gateRequestId:");

  // A passing JUnit report (a relative path, from where the agent runs) meets the gate: the
  // waiting request moves the ticket to Testing by itself.
  await writeFile(path.join(workdir, "junit.xml"), PASSING_JUNIT);
  const attached = await ok("artifact", "add", ticket.id, "--kind", "junit", "--file", "junit.xml");
  expect(attached).toContain("Attached junit evidence \"junit\"");
  expect(attached).toContain("3 tests, 0 failures, 0 errors, 0 skipped");
  expect(attached).toContain("met; the ticket moved on.");
  expect(await ok("move", ticket.id, "review", "--reason", "every acceptance criterion checked")).toContain(`Moved ${ticket.id} from testing to review`);

  // Review notes, then the gate toward Deploying: it needs a reviewer, so the request stays open.
  await writeFile(path.join(workdir, "review-notes.md"), "# Review notes\n\nRetries sign each attempt anew; look at the clock skew handling.\n");
  await ok("artifact", "add", ticket.id, "--kind", "review-notes", "--file", "review-notes.md");
  const requested = await ok("gate", "request", ticket.id);
  expect(requested).toMatch(new RegExp(`Gate request \\S+ is open: ${ticket.id} waits in review to move to deploying\\.`));
  const waiting = await json<{ items: Array<{ id: string; phase: string }> }>("tickets", "--board", "gb", "--q", ticket.id);
  expect(waiting.items).toEqual([expect.objectContaining({ id: ticket.id, phase: "review" })]);

  // A reviewer approves in the browser.
  await signIn(page, "reviewer@gateboard.local");
  await page.goto("/inbox");
  await page.getByRole("article", { name: `Gate request for ${ticket.id}` }).getByRole("button", { name: `Approve ${ticket.id}` }).click();
  await expect(page.getByText(`Approved: ${ticket.id} moved on`)).toBeVisible();
  await page.goto("/boards/gb");
  await expectInColumn(page, ticket.id, "Deploying");

  // The agent sees the ticket advance, as JSON and in the table.
  const advanced = await json<{ items: Array<{ id: string; phase: string; assignee: { name: string } | null }> }>("tickets", "--board", "gb", "--q", ticket.id);
  expect(advanced.items).toEqual([expect.objectContaining({ id: ticket.id, phase: "deploying", assignee: expect.objectContaining({ name: "cli-loop-worker" }) })]);
  const table = await ok("tickets", "--board", "gb", "--phase", "deploying");
  expect(table.split("\n")[0]).toMatch(/^ID\s+PHASE\s+STATUS\s+P\s+TYPE\s+ASSIGNEE\s+VER\s+TITLE$/);
  expect(table).toMatch(new RegExp(`^${ticket.id.replace(".", "\\.")}\\s+deploying\\s+in_progress\\s+2\\s+task\\s+cli-loop-worker\\s+\\d+\\s+CLI agent loop`, "m"));
  const agents = await json<{ items: Array<{ name: string; state: string; currentTicket: { id: string } | null }> }>("agents");
  expect(agents.items).toContainEqual(expect.objectContaining({ name: "cli-loop-worker", state: "busy", currentTicket: expect.objectContaining({ id: ticket.id }) }));

  // Hand Deploying's slot back (hard limit 3): the specs after this one share the demo board.
  expect(await ok("move", ticket.id, "review", "--reason", "e2e: free the Deploying slot")).toContain(`Moved ${ticket.id} from deploying to review`);
});
