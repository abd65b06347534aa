import { expect, test, type Page } from "@playwright/test";
import { card } from "../helpers/board";
import { signIn } from "../helpers/sign-in";

// One ticket of its own, created here and followed through the steps below in order; the
// demo tickets later specs rely on are left alone.
// Each step navigates several pages and waits on server actions: more than the default 30 s on a busy machine.
test.describe.configure({ mode: "serial", timeout: 90_000 });

const TITLE = "Ticket detail e2e: render Markdown safely";
const DESCRIPTION = [
  "## Why",
  "",
  "Receipts need **bold** totals.",
  "",
  "<script>window.__xss = 1</script>",
  '<img src="x" onerror="window.__xss = 2">',
  "",
  "[a bad link](javascript:window.__xss=3) and [a good one](https://example.com/docs)",
].join("\n");

let ticketId = "";

test.beforeEach(async ({ page }) => {
  await signIn(page, "lead@gateboard.local");
});

async function detailUrl(page: Page) {
  await expect(page).toHaveURL(new RegExp(`/boards/gb/tickets/${ticketId}$`));
}

test("create a ticket: an invalid form shows field errors, a valid one opens the new ticket", async ({ page }) => {
  await page.goto("/boards/gb");
  await page.getByRole("link", { name: "New ticket" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New ticket" })).toBeVisible();

  await page.getByLabel("Title").fill("   ");
  await page.getByLabel("Labels").fill("receipts, e2e");
  await page.getByRole("button", { name: "Create ticket" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Fix the fields marked below." })).toBeVisible();
  await expect(page.getByText("Title is required")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
  // Nothing typed is lost by a refusal.
  await expect(page.getByLabel("Labels")).toHaveValue("receipts, e2e");

  await page.getByLabel("Title").fill(TITLE);
  await page.getByLabel("Type").selectOption("feature");
  // Only columns no gate lies before are offered: a new ticket cannot skip Testing's evidence.
  await expect(page.getByLabel("Column").getByRole("option")).toHaveText(["Backlog", "Analyzing", "Building"]);
  await page.getByLabel("Column").selectOption({ label: "Building" });
  await page.getByLabel("Description").fill(DESCRIPTION);
  await page.getByLabel("Acceptance criteria").fill("- [x] totals are **bold**\n- [ ] no script runs");
  await page.getByLabel("Files").fill("lib/receipts/\nlib/receipts/total.ts");
  await page.getByRole("button", { name: "Create ticket" }).click();

  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  ticketId = /\/tickets\/([^/]+)$/.exec(new URL(page.url()).pathname)![1]!;
  expect(ticketId).toMatch(/^gb-[0-9a-f]{4,}$/);
});

test("the detail page renders the Markdown sanitized, with files and the audit trail", async ({ page }) => {
  await page.goto(`/boards/gb/tickets/${ticketId}`);
  const description = page.getByRole("region", { name: "Description" });
  await expect(description.getByRole("heading", { name: "Why" })).toBeVisible();
  await expect(description.locator("strong")).toHaveText("bold");
  await expect(description.getByRole("link", { name: "a good one" })).toHaveAttribute("href", "https://example.com/docs");
  await expect(description.getByRole("link", { name: "a bad link" })).toHaveCount(0);
  await expect(description.locator("script, img, [onerror]")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

  await expect(page.getByRole("region", { name: "Acceptance criteria" }).locator("strong")).toHaveText("bold");
  await expect(page.getByRole("list", { name: "Files" }).getByRole("listitem")).toHaveText(["lib/receipts/", "lib/receipts/total.ts"]);
  await expect(page.getByRole("list", { name: "Labels" })).toContainText("receipts");
  await expect(page.getByRole("region", { name: "Readiness" })).toContainText("Ready");
  await expect(page.getByRole("region", { name: "Audit trail" }).getByRole("list", { name: "History" })).toContainText("ticket.created");
  await expect(page.getByRole("region", { name: "Phase history" })).toContainText("Not moved yet");
});

test("a card opens its ticket; a move shows in the phase history", async ({ page }) => {
  await page.goto("/boards/gb");
  const ours = card(page, ticketId);
  await expect(ours).toContainText(TITLE);
  await expect(ours.locator('[data-marker="ready"]')).toBeVisible();
  // Back to Backlog through Analyzing: no gate on the way, and the demo columns later specs
  // count on end as they were (the lead may go over Analyzing's limit, full or not).
  const version = ((await (await page.request.get(`/api/v1/tickets/${ticketId}`)).json()) as { version: number }).version;
  const toAnalyzing = await page.request.post(`/api/v1/tickets/${ticketId}/move`, { data: { toPhase: "analyzing", version, overrideWip: true, reason: "e2e: on its way back" } });
  expect(toAnalyzing.status(), await toAnalyzing.text()).toBe(200);
  await page.reload();
  await ours.getByRole("button", { name: `Move ${ticketId} to…` }).click();
  await page.getByRole("menuitem", { name: "Backlog" }).click();
  await expect(page.getByRole("region", { name: "Backlog" }).locator(`[data-ticket-id="${ticketId}"]`)).toBeVisible();

  // Keyboard: Tab from the card reaches its link; Enter opens it instead of picking the card up.
  await ours.focus();
  await page.keyboard.press("Tab");
  await expect(ours.getByRole("link", { name: `Open ${ticketId}` })).toBeFocused();
  await page.keyboard.press("Enter");
  await detailUrl(page);
  const history = page.getByRole("list", { name: "Phase history" });
  await expect(history).toContainText("Building → Analyzing");
  await expect(history).toContainText("Analyzing → Backlog");
  await expect(history).toContainText("Lena Lead");
});

test("dependencies: add one, a cycle is refused inline, remove it", async ({ page }) => {
  await page.goto(`/boards/gb/tickets/${ticketId}`);
  const panel = page.getByRole("region", { name: "Dependencies" });
  // gb-e912 is a demo bug still in progress: a blocks edge to it holds this ticket up.
  await panel.getByLabel("Depends on ticket").fill("gb-e912");
  await panel.getByRole("button", { name: "Add dependency" }).click();
  const edge = panel.getByRole("list", { name: "Depends on" }).locator('[data-edge="blocks:gb-e912"]');
  await expect(edge).toContainText("in_progress");
  await expect(page.getByRole("region", { name: "Readiness" })).toContainText("Blocked by gb-e912 (in_progress)");

  await page.goto("/boards/gb/tickets/gb-e912");
  const other = page.getByRole("region", { name: "Dependencies" });
  await expect(other.getByRole("list", { name: "Needed by" })).toContainText(ticketId);
  await other.getByLabel("Depends on ticket").fill(ticketId);
  await other.getByRole("button", { name: "Add dependency" }).click();
  await expect(other.getByRole("alert")).toContainText(`gb-e912 cannot depend on ${ticketId} (blocks): that closes the cycle`);

  await page.goto(`/boards/gb/tickets/${ticketId}`);
  await page.getByRole("button", { name: "Remove blocks edge with gb-e912" }).click();
  await expect(page.getByRole("region", { name: "Dependencies" }).getByRole("list", { name: "Depends on" })).toHaveCount(0);
});

test("edit the ticket; a change made meanwhile is reported and the typed text survives a reload", async ({ page }) => {
  await page.goto(`/boards/gb/tickets/${ticketId}`);
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Edit ${ticketId}` })).toBeVisible();
  await page.getByLabel("Priority").selectOption("1");
  await page.getByRole("button", { name: "Save changes" }).click();
  await detailUrl(page);
  await expect(page.getByText("P1", { exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Edit ${ticketId}` })).toBeVisible();
  await page.getByLabel("Description").fill("My rewrite of the description.");
  // Someone else saves first, through the API, with the version the form also holds.
  const current = await (await page.request.get(`/api/v1/tickets/${ticketId}`)).json();
  const theirs = await page.request.patch(`/api/v1/tickets/${ticketId}`, { data: { version: current.version, title: `${TITLE} (renamed)` } });
  expect(theirs.status()).toBe(200);

  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Someone else changed this ticket while you were editing it." })).toBeVisible();
  await page.getByRole("button", { name: "Load latest version, keep my text" }).click();
  await expect(page.getByRole("status").filter({ hasText: "their changes to title are filled in" })).toBeVisible();
  await expect(page.getByLabel("Description")).toHaveValue("My rewrite of the description.");
  await expect(page.getByLabel("Title")).toHaveValue(`${TITLE} (renamed)`);
  await page.getByRole("button", { name: "Save changes" }).click();

  await detailUrl(page);
  await expect(page.getByRole("heading", { level: 1, name: `${TITLE} (renamed)` })).toBeVisible();
  await expect(page.getByRole("region", { name: "Description" })).toHaveText(/My rewrite of the description\./);
});

test("Hide blocked leaves blocked cards out, keeps column counts, and lives in the URL", async ({ page }) => {
  await page.goto("/boards/gb");
  const blocked = page.locator('[data-ticket-id]:has([data-marker="blocked"])');
  const total = await page.locator("[data-ticket-id]").count();
  const blockedCount = await blocked.count();
  expect(blockedCount).toBeGreaterThan(0);
  const counts = await page.getByTestId("wip-count").allTextContents();

  await page.getByLabel("Hide blocked").check();
  await expect(page).toHaveURL(/[?&]hideBlocked=1/);
  await expect(blocked).toHaveCount(0);
  await expect(page.locator("[data-ticket-id]")).toHaveCount(total - blockedCount);
  expect(await page.getByTestId("wip-count").allTextContents()).toEqual(counts);

  await page.reload();
  await expect(page.getByLabel("Hide blocked")).toBeChecked();
  await expect(blocked).toHaveCount(0);
  await page.getByLabel("Hide blocked").uncheck();
  await expect(page.locator("[data-ticket-id]")).toHaveCount(total);
});
