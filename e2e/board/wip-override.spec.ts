import { expect, test, type Page } from "@playwright/test";
import { card, column, expectInColumn } from "../helpers/board";
import { signIn } from "../helpers/sign-in";

// A board of its own whose Analyzing column holds one ticket (hard limit): a ticket enters
// a column by creation or by a move, and the limit holds for both; a lead may go over it
// with a reason, an engineer may not.
test.describe.configure({ mode: "serial" });

const BOARD = "wipovr";
const AT_LIMIT = "Analyzing is at its limit of 1 — finish or move a card out first.";
/** Once a lead has gone over the limit, the refusal says by how much. */
const OVER_LIMIT = "Analyzing holds 2, over its limit of 1 — finish or move a card out first.";

async function auditReasons(page: Page, action: string): Promise<Array<string | null>> {
  const response = await page.request.get(`/api/v1/audit?action=${action}&limit=50`);
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: Array<{ boardId: string | null; reason: string | null; entityId: string }> };
  return items.map((item) => item.reason);
}

test("a lead sets up a board whose Analyzing column takes one ticket", async ({ page }) => {
  await signIn(page, "lead@gateboard.local");
  const created = await page.request.post("/api/v1/boards", { data: { name: "WIP override", key: BOARD, workflow: "software-development" } });
  expect(created.status(), await created.text()).toBe(201);
  const limited = await page.request.patch(`/api/v1/boards/${BOARD}/phases/analyzing`, { data: { wipPolicy: "hard", wipMax: 1 } });
  expect(limited.status(), await limited.text()).toBe(200);
  for (const title of ["Waiting one", "Waiting two"]) {
    const ticket = await page.request.post(`/api/v1/boards/${BOARD}/tickets`, { data: { title } });
    expect(ticket.status(), await ticket.text()).toBe(201);
  }
});

test("creating a ticket in a full column is refused at the Column field; a lead creates it over the limit with a reason", async ({ page }) => {
  await signIn(page, "lead@gateboard.local");
  const form = async (title: string) => {
    await page.goto(`/boards/${BOARD}/tickets/new`);
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Column").selectOption({ label: "Analyzing" });
    await page.getByRole("button", { name: "Create ticket" }).click();
  };
  await form("Fits under the limit");
  await expect(page).toHaveURL(new RegExp(`/boards/${BOARD}/tickets/${BOARD}-`));

  await form("Urgent fix");
  await expect(page.getByText(AT_LIMIT)).toBeVisible();
  await expect(page).toHaveURL(`/boards/${BOARD}/tickets/new`);
  const override = page.getByRole("button", { name: "Create over the limit" });
  await expect(override).toBeDisabled();
  await page.getByLabel("Create it over the limit anyway").fill("Customer outage, agreed in stand-up");
  await override.click();
  await expect(page).toHaveURL(new RegExp(`/boards/${BOARD}/tickets/${BOARD}-`));
  await expect(page.getByRole("heading", { name: "Urgent fix" })).toBeVisible();

  await page.goto(`/boards/${BOARD}`);
  await expect(column(page, "Analyzing").getByTestId("wip-count")).toHaveText("2/1");
  expect(await auditReasons(page, "wip.override")).toContain("Customer outage, agreed in stand-up");
});

test("an engineer's move into the full column snaps back with no override offered", async ({ page }) => {
  await signIn(page, "engineer@gateboard.local");
  await page.goto(`/boards/${BOARD}`);
  const waiting = (await column(page, "Backlog").locator("[data-ticket-id]").first().getAttribute("data-ticket-id"))!;
  await page.getByRole("button", { name: `Move ${waiting} to…` }).click();
  await page.getByRole("menuitem", { name: "Analyzing" }).click();
  await expect(page.getByText(OVER_LIMIT)).toBeVisible();
  await expectInColumn(page, waiting, "Backlog");
  await expect(page.getByRole("button", { name: "Override…" })).toHaveCount(0);
});

test("a lead's refused move offers the override; with a reason the card goes over the limit and stays", async ({ page }) => {
  await signIn(page, "lead@gateboard.local");
  await page.goto(`/boards/${BOARD}`);
  await expect(page.locator("[data-board-state=complete]")).toBeVisible();
  const waiting = (await column(page, "Backlog").locator("[data-ticket-id]").first().getAttribute("data-ticket-id"))!;
  await page.getByRole("button", { name: `Move ${waiting} to…` }).click();
  await page.getByRole("menuitem", { name: "Analyzing" }).click();
  await expect(page.getByText(OVER_LIMIT)).toBeVisible();
  await expectInColumn(page, waiting, "Backlog");

  await page.getByRole("button", { name: "Override…" }).click();
  const dialog = page.getByRole("dialog", { name: `Move ${waiting} into Analyzing over its limit?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(OVER_LIMIT)).toBeVisible();
  const confirm = dialog.getByRole("button", { name: "Move over the limit" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel("Reason").fill("Release blocker");
  await confirm.click();
  await expect(dialog).toHaveCount(0);
  await expectInColumn(page, waiting, "Analyzing");
  await expect(column(page, "Analyzing").getByTestId("wip-count")).toHaveText("3/1");
  await page.reload();
  await expectInColumn(page, waiting, "Analyzing");
  await expect(card(page, waiting)).toBeVisible();
  expect(await auditReasons(page, "wip.override")).toContain("Release blocker");
});
