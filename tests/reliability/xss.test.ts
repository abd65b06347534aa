import { readFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind, type TestDatabase } from "@/tests/helpers/test-database";
import { reliabilityDatabase } from "@/tests/reliability/helpers/api";
import { freePort, signIn, startServer, type Server } from "@/tests/reliability/helpers/server";

// R7 (browser half): hostile Markdown and text in ticket titles and descriptions, plans and
// session summaries, rendered by the production build in Chromium. Every payload tries to
// set window.__xss, open a dialog or navigate to a javascript: URL; none may. The DOM must
// hold no inline event handler and no javascript:/vbscript:/data:text/html URL.

const kind = testDatabaseKind();
const ROOT = path.resolve(import.meta.dirname, "../..");
const PLAN = readFileSync(path.join(ROOT, "../shared/fixtures/plans/beads-work-plan-health-probes.md"), "utf8");

const PAYLOADS = [
  `<script>window.__xss = "script"</script>`,
  `<img src=x onerror="window.__xss = 'img'">`,
  `<svg onload="window.__xss = 'svg'"></svg>`,
  `<iframe src="javascript:parent.__xss = 'iframe'"></iframe>`,
  `<a href="javascript:window.__xss = 'a'">raw link</a>`,
  `[md link](javascript:window.__xss='md')`,
  `[spaced](  javascript:window.__xss='spaced')`,
  `[entity](jav&#x09;ascript:window.__xss='entity')`,
  `[vb](vbscript:msgbox(1))`,
  `[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `![img](javascript:window.__xss='mdimg')`,
  `<details open ontoggle="window.__xss = 'details'">x</details>`,
  `<form action="javascript:window.__xss='form'"><button>go</button></form>`,
  `"><script>alert(1)</script>`,
  `{{constructor.constructor('window.__xss = "template"')()}}`,
];
const hostile = PAYLOADS.join("\n\n");

let database: TestDatabase;
let server: Server;
let browser: Browser;
const pages: Array<{ label: string; path: string }> = [];

beforeAll(async () => {
  if (kind !== "sqlite") return;
  database = await reliabilityDatabase();
  server = await startServer({ port: await freePort(3530, 3539), databaseUrl: database.url });
  const { SYSTEM_ACTOR } = await import("@/lib/domain/permissions");
  const { createBoard } = await import("@/lib/server/create-board");
  const { createTicket } = await import("@/lib/server/create-ticket");
  const { importPlan } = await import("@/lib/server/import-plan");
  const { importSummary } = await import("@/lib/server/import-summary");
  await createBoard(SYSTEM_ACTOR, { name: `<img src=x onerror="window.__xss='board'">`, key: "rxss", workflow: "software-development" });
  const ticket = await createTicket(SYSTEM_ACTOR, "rxss", { title: `<script>window.__xss="title"</script> [t](javascript:window.__xss='t')`, description: hostile, acceptanceCriteria: hostile, labels: [`<img src=x onerror=alert(1)>`] });
  const plan = await importPlan(SYSTEM_ACTOR, {
    markdown: PLAN.replace(/^Session: .*$/m, "Session: rxss01").replace(/^(- \[x\] django-litefs-yhj: )(.*)$/m, `$1${PAYLOADS[1]} ${PAYLOADS[5]}`).concat(`\n\n## Notes\n\n${hostile}\n`),
  });
  const summary = await importSummary(SYSTEM_ACTOR, { markdown: `# Session summary <script>window.__xss="h1"</script>\n\n## Objectives\n\n${hostile}\n\n## Results\n\n${hostile}\n` });
  pages.push(
    { label: "board", path: "/boards/rxss" },
    { label: "ticket", path: `/boards/rxss/tickets/${ticket.id}` },
    { label: "plan", path: `/plans/${plan.id}` },
    { label: "plans list", path: "/plans" },
    { label: "summary", path: `/summaries/${summary.id}` },
    { label: "summaries list", path: "/summaries" },
    { label: "search", path: "/summaries?q=script" },
    { label: "audit", path: "/audit" },
  );
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--disable-gpu", "--disable-quic", "--no-first-run"] });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
  await database?.drop();
});

// Rendering does not depend on the database: the PostgreSQL run skips the browser.
describe.skipIf(kind !== "sqlite")(`R7 hostile Markdown in Chromium on ${kind}`, () => {
  it("renders every payload inert: no script runs, no dialog, no javascript: URL or inline handler in the DOM", async () => {
    const { cookie } = await signIn(server.url, "admin@gateboard.local");
    const context = await browser.newContext();
    await context.addCookies(cookie.split("; ").map((pair) => ({ name: pair.slice(0, pair.indexOf("=")), value: pair.slice(pair.indexOf("=") + 1), url: server.url })));
    const page = await context.newPage();
    const dialogs: string[] = [];
    const navigations: string[] = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    page.on("framenavigated", (frame) => {
      if (!/^https?:|^about:blank$/.test(frame.url())) navigations.push(frame.url());
    });

    const lines: string[] = [];
    for (const target of pages) {
      const response = await page.goto(`${server.url}${target.path}`, { waitUntil: "networkidle" });
      if (response?.status() === 404) {
        lines.push(`${target.label}: no such page in this build`);
        continue;
      }
      expect(response?.status(), `${target.label} ${target.path}`).toBe(200);
      // Click every link and button that came from the payloads: a javascript: href would run now.
      const clickable = page.locator("a:text-matches('md link|spaced|entity|vb|data|raw link|^t$'), details summary");
      for (let i = 0; i < (await clickable.count()); i += 1) await clickable.nth(i).click({ trial: false, timeout: 2_000, noWaitAfter: true }).catch(() => undefined);
      const findings = await page.evaluate(() => {
        const bad: string[] = [];
        for (const element of Array.from(document.querySelectorAll("*"))) {
          for (const attribute of Array.from(element.attributes)) {
            if (/^on/i.test(attribute.name)) bad.push(`${element.tagName} ${attribute.name}`);
            if (["href", "src", "action", "formaction", "xlink:href"].includes(attribute.name) && /^\s*(javascript|vbscript|data:text\/html)/i.test(attribute.value)) bad.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
          }
        }
        return { xss: (window as unknown as { __xss?: string }).__xss ?? null, bad, text: document.body.innerText.includes("window.__xss") };
      });
      expect(findings.xss, `${target.label}: a payload ran`).toBeNull();
      expect(findings.bad, `${target.label}: dangerous attributes`).toEqual([]);
      lines.push(`${target.label}: inert${findings.text ? " (payload shown as text)" : ""}`);
    }
    await page.goto(`${server.url}${pages.find((target) => target.label === "summary")!.path}`, { waitUntil: "networkidle" });
    await page.screenshot({ path: path.join(process.env.RELIABILITY_SCREENSHOTS ?? "test-results", "reliability-xss-summaries.png") }).catch(() => undefined);
    await context.close();
    expect(dialogs).toEqual([]);
    expect(navigations).toEqual([]);
    console.log(`R7 XSS (${kind}): ${PAYLOADS.length} payloads in board name, ticket title/description/acceptance criteria/labels, a plan and a summary; ${pages.length} pages in Chromium — ${lines.join("; ")}; 0 scripts ran, 0 dialogs, 0 javascript: navigations`);
  });
});
