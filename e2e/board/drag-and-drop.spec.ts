import { expect, test } from "@playwright/test";
import { card, column, columnOrder, dragTo, expectInColumn, liveRegion } from "../helpers/board";
import { signIn } from "../helpers/sign-in";

// One board shared by the steps below, in order: each step leaves the board as the next expects.
test.describe.configure({ mode: "serial" });

test.beforeEach(async ({ page }) => {
  await signIn(page, "lead@gateboard.local");
  await page.goto("/boards/gb");
});

test("drag a card to another column with the mouse; it stays there after reload", async ({ page }) => {
  await expect(column(page, "Analyzing").getByTestId("wip-count")).toHaveText("4/5");
  await dragTo(page, card(page, "gb-1f6a"), column(page, "Analyzing"));
  await expectInColumn(page, "gb-1f6a", "Analyzing");
  await expect(column(page, "Analyzing").getByTestId("wip-count")).toHaveText("5/5");
  await page.reload();
  await expectInColumn(page, "gb-1f6a", "Analyzing");
});

test("a move into a full hard-limit column snaps back and says why", async ({ page }) => {
  await dragTo(page, card(page, "gb-4b7e"), column(page, "Analyzing"));
  await expect(page.getByText("Analyzing is at its limit of 5 — finish or move a card out first.")).toBeVisible();
  await expectInColumn(page, "gb-4b7e", "Backlog");
  await expect(column(page, "Analyzing").getByTestId("wip-count")).toHaveText("5/5");
  await page.reload();
  await expectInColumn(page, "gb-4b7e", "Backlog");
});

test("reorder within a column by dragging persists", async ({ page }) => {
  const before = await columnOrder(page, "Testing");
  const last = before[before.length - 1]!;
  await dragTo(page, card(page, last), card(page, before[0]!), "top");
  await expect.poll(() => columnOrder(page, "Testing")).toEqual([last, ...before.slice(0, -1)]);
  await page.reload();
  expect(await columnOrder(page, "Testing")).toEqual([last, ...before.slice(0, -1)]);
});

test("move a card with the keyboard: Space, arrows, Space", async ({ page }) => {
  const moving = card(page, "gb-9a07");
  await moving.focus();
  await page.keyboard.press("Space");
  await expect(moving).toHaveAttribute("aria-pressed", "true");
  // Each arrow press goes to the next drop target on the left; the live region says where.
  await expect
    .poll(async () => {
      await page.keyboard.press("ArrowLeft");
      return liveRegion(page);
    })
    .toMatch(/^gb-9a07 is over Review, position \d of 5\.$/);
  await page.keyboard.press("Space");
  await expect.poll(() => liveRegion(page)).toMatch(/^Moved gb-9a07 to Review, position \d of 5\.$/);
  await expectInColumn(page, "gb-9a07", "Review");
  // What was said is where the card is.
  const said = Number(/position (\d) of/.exec(await liveRegion(page))![1]);
  expect((await columnOrder(page, "Review")).indexOf("gb-9a07") + 1).toBe(said);
  await page.reload();
  await expectInColumn(page, "gb-9a07", "Review");
});

test("reorder within a column with the keyboard; the announcement says where the card lands", async ({ page }) => {
  const before = await columnOrder(page, "Testing");
  const first = before[0]!;
  await card(page, first).focus();
  await page.keyboard.press("Space");
  await expect(card(page, first)).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("ArrowDown");
  await expect.poll(() => liveRegion(page)).toBe(`${first} is over Testing, position 2 of ${before.length}.`);
  await page.keyboard.press("Space");
  await expect.poll(() => liveRegion(page)).toBe(`Moved ${first} to Testing, position 2 of ${before.length}.`);
  await expect.poll(() => columnOrder(page, "Testing")).toEqual([before[1], first, ...before.slice(2)]);
  await page.reload();
  expect(await columnOrder(page, "Testing")).toEqual([before[1], first, ...before.slice(2)]);
});

test("Escape cancels a keyboard drag", async ({ page }) => {
  const moving = card(page, "gb-2c88");
  await moving.focus();
  await page.keyboard.press("Space");
  await expect(moving).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Escape");
  await expect.poll(() => liveRegion(page)).toBe("Move cancelled. gb-2c88 went back to Deploying.");
  await expectInColumn(page, "gb-2c88", "Deploying");
});

test("the Move to… menu moves a card without dragging", async ({ page }) => {
  await page.getByRole("button", { name: "Move gb-3a4d to…" }).click();
  await page.getByRole("menuitem", { name: "Building" }).click();
  await expectInColumn(page, "gb-3a4d", "Building");
  await page.reload();
  await expectInColumn(page, "gb-3a4d", "Building");
});

test("a move the workflow does not allow is not offered, and a gated one waits", async ({ page }) => {
  await page.getByRole("button", { name: "Move gb-e912 to…" }).click();
  await expect(page.getByRole("menuitem", { name: "Done" })).toHaveCount(0);
  await page.getByRole("menuitem", { name: "Testing" }).click();
  await expect(page.getByText("gb-e912 waits for a gate")).toBeVisible();
  await expectInColumn(page, "gb-e912", "Building");
});

test("a second browser sees a move without reloading", async ({ page, browser }) => {
  const other = await browser.newContext();
  const watcher = await other.newPage();
  await signIn(watcher, "reviewer@gateboard.local");
  await watcher.goto("/boards/gb");
  await expectInColumn(watcher, "gb-8f44", "Testing");

  await page.getByRole("button", { name: "Move gb-8f44 to…" }).click();
  await page.getByRole("menuitem", { name: "Review" }).click();
  await expectInColumn(page, "gb-8f44", "Review");
  await expectInColumn(watcher, "gb-8f44", "Review");
  await other.close();
});
