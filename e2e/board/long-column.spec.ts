import { expect, test, type Page } from "@playwright/test";
import { card, column, dragTo, expectInColumn, liveRegion } from "../helpers/board";
import { signIn } from "../helpers/sign-in";

// A board of its own with one long column: long columns are virtualized and the page's
// HTML carries only each column's top cards, the rest loading with the board.
test.describe.configure({ mode: "serial" });

const BOARD = "longcol";
const TICKETS = 90;
/** FIRST_PAINT_CARDS_PER_COLUMN in app/boards/[board]/page.tsx. */
const FIRST_PAINT = 12;

/** The Backlog's ticket ids in board order, from the API. */
async function backlogOrder(page: Page): Promise<string[]> {
  const board = (await (await page.request.get(`/api/v1/boards/${BOARD}`)).json()) as { tickets: Array<{ id: string; phase: string; rank: string }> };
  return board.tickets
    .filter((ticket) => ticket.phase === "backlog")
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
    .map((ticket) => ticket.id);
}

const scroller = (page: Page, name: string) => column(page, name).locator("[data-column-scroll]");

test.beforeEach(async ({ page }) => {
  await signIn(page, "lead@gateboard.local");
});

test("a lead fills a board with one long column", async ({ page }) => {
  const created = await page.request.post("/api/v1/boards", { data: { name: "Long column", key: BOARD, workflow: "software-development" } });
  expect(created.status(), await created.text()).toBe(201);
  for (let start = 0; start < TICKETS; start += 15) {
    const batch = Array.from({ length: Math.min(15, TICKETS - start) }, (_, i) =>
      page.request.post(`/api/v1/boards/${BOARD}/tickets`, { data: { title: `Long column ticket ${String(start + i + 1).padStart(3, "0")}` } }),
    );
    for (const response of await Promise.all(batch)) expect(response.status(), await response.text()).toBe(201);
  }
  expect(await backlogOrder(page)).toHaveLength(TICKETS);
});

test("the page's HTML carries only the top of a long column; the board loads the rest and renders what is in view", async ({ page }) => {
  const html = await (await page.request.get(`/boards/${BOARD}`)).text();
  expect(html.match(/data-ticket-id="/g) ?? []).toHaveLength(FIRST_PAINT);

  await page.goto(`/boards/${BOARD}`);
  await expect(page.locator("[data-board-state=complete]")).toBeVisible();
  await expect(column(page, "Backlog").getByTestId("wip-count")).toHaveText(String(TICKETS));
  const rendered = await column(page, "Backlog").locator("[data-ticket-id]").count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(TICKETS / 2);

  const order = await backlogOrder(page);
  await expect(card(page, order[0]!)).toBeVisible();
  await scroller(page, "Backlog").evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  await expect(card(page, order[order.length - 1]!)).toBeVisible();
  await expect(card(page, order[0]!)).toHaveCount(0);
});

test("the last card of a long column drags to the next column and stays there after reload", async ({ page }) => {
  await page.goto(`/boards/${BOARD}`);
  await expect(page.locator("[data-board-state=complete]")).toBeVisible();
  const order = await backlogOrder(page);
  const last = order[order.length - 1]!;
  await scroller(page, "Backlog").evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  await dragTo(page, card(page, last), column(page, "Analyzing"));
  await expectInColumn(page, last, "Analyzing");
  await expect(column(page, "Backlog").getByTestId("wip-count")).toHaveText(String(TICKETS - 1));
  await page.reload();
  await expectInColumn(page, last, "Analyzing");
  expect(await backlogOrder(page)).toEqual(order.slice(0, -1));
});

test("a card deep in a long column moves with the keyboard", async ({ page }) => {
  await page.goto(`/boards/${BOARD}`);
  await expect(page.locator("[data-board-state=complete]")).toBeVisible();
  const order = await backlogOrder(page);
  const deep = order[60]!;
  await scroller(page, "Backlog").evaluate((element, at) => element.scrollTo({ top: at }), 60 * 100);
  const moving = card(page, deep);
  await moving.focus();
  await page.keyboard.press("Space");
  await expect(moving).toHaveAttribute("aria-pressed", "true");
  // Each arrow press goes to the next drop target on the right; the live region says where.
  await expect
    .poll(async () => {
      await page.keyboard.press("ArrowRight");
      return liveRegion(page);
    })
    .toMatch(new RegExp(`^${deep} is over Analyzing, position \\d of 2\\.$`));
  await page.keyboard.press("Space");
  await expect.poll(() => liveRegion(page)).toMatch(new RegExp(`^Moved ${deep} to Analyzing, position \\d of 2\\.$`));
  await expectInColumn(page, deep, "Analyzing");
  await page.reload();
  await expectInColumn(page, deep, "Analyzing");
  expect(await backlogOrder(page)).not.toContain(deep);
});

test("in swimlanes a long cell renders only what is in view of the board's scroll; its last card drags to the next column", async ({ page }) => {
  await page.goto(`/boards/${BOARD}?lanes=assignee`);
  await expect(page.locator("[data-board-state=complete]")).toBeVisible();
  const order = await backlogOrder(page);
  const cell = (name: string) => page.getByRole("region", { name: `${name}, lane Unassigned` });
  const rendered = await cell("Backlog").locator("[data-ticket-id]").count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(order.length / 2);

  // The whole board scrolls in swimlanes; the cell's cards follow it.
  await page.locator("[data-board-scroll]").evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  const last = order[order.length - 1]!;
  await expect(card(page, last)).toBeVisible();
  await expect(card(page, order[0]!)).toHaveCount(0);

  // Dropped beside itself in the Analyzing cell: the cell is as tall as the lane, its middle out of view.
  const from = (await card(page, last).boundingBox())!;
  const to = (await cell("Analyzing").boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + 12);
  await page.mouse.down();
  for (let step = 1; step <= 4; step += 1) await page.mouse.move(from.x + from.width / 2 + step * 3, from.y + 12 + step * 2);
  await page.mouse.move(to.x + to.width / 2, from.y + 12, { steps: 20 });
  await page.mouse.up();
  await expect(cell("Analyzing").locator(`[data-ticket-id="${last}"]`)).toBeVisible();
  await page.reload();
  await expect(page.locator("[data-board-state=complete]")).toBeVisible();
  expect(await backlogOrder(page)).toEqual(order.slice(0, -1));
});
