import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../helpers/sign-in";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../../shared/fixtures/plans");
const SHOTS = process.env.PLANS_SCREENSHOTS; // a directory: look at every screen, light and dark

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  await page.emulateMedia({ colorScheme: "light" });
  await page.screenshot({ path: path.join(SHOTS, `${name}-light.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: path.join(SHOTS, `${name}-dark.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });
}

async function importSummary(page: Page, markdown: string) {
  await page.goto("/plans/import?kind=summary");
  await page.getByLabel("…or paste the Markdown").fill(markdown);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("status")).toContainText(/Imported|Updated/);
  await page.getByRole("link", { name: "Open the summary" }).click();
}

test("a lead imports a plan reconciled with board gb, reads it and follows a task to its ticket", async ({ page }) => {
  await signIn(page, "lead@gateboard.local", undefined, "/plans/import");
  await page.goto("/plans/import");
  await page.getByLabel("Markdown file").setInputFiles(path.join(fixtures, "beads-work-plan-health-probes.md"));
  await expect(page.getByLabel("…or paste the Markdown")).toHaveValue(/# Beads Work Plan/);
  await page.getByLabel("Reconcile tasks with board").selectOption("gb");
  await page.getByRole("button", { name: "Import" }).click();
  const outcome = page.getByRole("status");
  await expect(outcome).toContainText("Board gb: 5 tickets created");
  await shoot(page, "plans-import");

  await outcome.getByRole("link", { name: "Open the plan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Beads Work Plan" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Phases" }).locator('[aria-current="step"]')).toContainText("Summary & Wait");
  await expect(page.getByRole("heading", { name: "Gate: User-Approved Commit" })).toBeVisible();
  await expect(page.getByText("waiting for approval")).toBeVisible();
  await expect(page.getByRole("region", { name: "Tasks" }).getByRole("row", { name: /django-litefs-yhj\.1/ })).toContainText("Backlog");
  await shoot(page, "plans-view");

  await page.getByRole("link", { name: "django-litefs-yhj.1", exact: true }).click();
  await expect(page).toHaveURL(/\/boards\/gb\?ticket=django-litefs-yhj\.1$/);
  await expect(page.locator('[data-ticket-id="django-litefs-yhj.1"]')).toBeVisible();

  await page.goto("/plans");
  await expect(page.getByRole("link", { name: "Beads Work Plan" })).toBeVisible();
  await shoot(page, "plans-list");
});

test("the plan's HARD STOP waits in the reviewer's inbox and one click on the plan approves it", async ({ page }) => {
  // Engineers see the gate but cannot decide it.
  await signIn(page, "engineer@gateboard.local", undefined, "/plans");
  await page.getByRole("link", { name: "Beads Work Plan" }).click();
  await expect(page.getByRole("heading", { name: "Gate: User-Approved Commit" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Approve/ })).toHaveCount(0);

  await page.context().clearCookies();
  await signIn(page, "reviewer@gateboard.local", undefined, "/inbox");
  await page.goto("/inbox");
  const card = page.getByRole("article", { name: "HARD STOP of plan Beads Work Plan" });
  await expect(card).toContainText("User-Approved Commit");
  await shoot(page, "plans-inbox-hard-stop");
  await card.getByRole("link", { name: "Beads Work Plan" }).click();

  await page.getByRole("button", { name: "Approve User-Approved Commit" }).click();
  await expect(page.getByText("approved", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Gate: User-Approved Commit" })).toContainText(/Approved by .+ \(reviewer\)/);
  await expect(page.getByRole("button", { name: /Approve/ })).toHaveCount(0);
  await shoot(page, "plans-hard-stop-approved");

  await page.goto("/inbox");
  await expect(page.getByRole("article", { name: "HARD STOP of plan Beads Work Plan" })).toHaveCount(0);
});

test("an engineer reads a session summary and finds it by a word in it", async ({ page }) => {
  await signIn(page, "engineer@gateboard.local");
  await importSummary(page, readFileSync(path.join(fixtures, "session-summary-worker-lifecycle.md"), "utf8"));
  await expect(page.getByRole("heading", { level: 1, name: "Session Completion Summary" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Contents" })).toContainText("Achievements");
  await expect(page.getByRole("definition").first()).not.toHaveText("");
  await expect(page.locator("article")).not.toContainText("âœ…");
  await shoot(page, "summary-read");

  await page.getByLabel("Search plans and summaries").fill("monitoring tests");
  await page.getByLabel("Search plans and summaries").press("Enter");
  const results = page.getByRole("list", { name: "Search results" });
  await expect(results.getByRole("link", { name: "Session Completion Summary" })).toBeVisible();
  await expect(results.locator("mark").first()).toHaveText(/monitoring tests/i);
  await shoot(page, "summaries-search");
});

test("a summary carrying scripts, event handlers and javascript:/data: links renders inert", async ({ page }) => {
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await signIn(page, "engineer@gateboard.local");
  await importSummary(
    page,
    [
      "# Session Completion Summary",
      "",
      "**Date**: 2026-01-02",
      "**Status**: ✅ COMPLETE",
      "",
      "## Achievements",
      "",
      "<script>window.__xss=1</script>",
      "",
      '<img src=x onerror="window.__xss=1">',
      "",
      "- Links: [a](javascript:window.__xss=1) and [b](data:text/html,<script>window.__xss=1</script>)",
      "",
      "## Next Steps",
      "",
      "### Nothing left (1h)",
      "- none",
    ].join("\n"),
  );
  const article = page.locator("article");
  await expect(article.getByRole("heading", { name: "Achievements" })).toBeVisible();
  await expect(article.locator("script, img, [onerror]")).toHaveCount(0);
  for (const name of ["a", "b"]) {
    const link = article.getByText(name, { exact: true });
    await expect(link).toBeVisible();
    await link.click();
  }
  const hrefs = await page.locator("a[href]").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("href") ?? ""));
  expect(hrefs.filter((href) => /^\s*(javascript|data|vbscript):/i.test(href))).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toBe(0);
  await expect(page).toHaveURL(/\/summaries\//);
});
