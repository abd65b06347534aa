import { expect, test, type Locator, type Page } from "@playwright/test";
import { card, column, columnOrder, expectInColumn } from "../helpers/board";
import { signIn } from "../helpers/sign-in";

// Touch: a card is picked up by pressing and holding it (the TouchSensor's delay); a quick
// swipe over it is the finger scrolling the board, and moves nothing.
test.use({ hasTouch: true });

/** A finger on `source`, moved in steps to `to`; with `hold`, it waits there until the card is picked up. */
async function touchDrag(page: Page, source: Locator, to: { x: number; y: number }, hold: boolean) {
  const box = (await source.boundingBox())!;
  const from = { x: box.x + box.width / 2, y: box.y + 16 };
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [from] });
  if (hold) await expect(source).toHaveAttribute("aria-pressed", "true");
  for (let step = 1; step <= 12; step += 1) {
    const point = { x: from.x + ((to.x - from.x) * step) / 12, y: from.y + ((to.y - from.y) * step) / 12 };
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [point] });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
}

test("press and hold a card, then drag it with a finger to the next column; a quick swipe moves nothing", async ({ page }) => {
  await signIn(page, "lead@gateboard.local");
  const created = await page.request.post("/api/v1/boards", { data: { name: "Touch", key: "touch", workflow: "software-development" } });
  expect(created.status(), await created.text()).toBe(201);
  const ids: string[] = [];
  for (const title of ["Swiped over", "Stays put", "Dragged by a finger"]) {
    const ticket = await page.request.post("/api/v1/boards/touch/tickets", { data: { title } });
    expect(ticket.status(), await ticket.text()).toBe(201);
    ids.push(((await ticket.json()) as { id: string }).id);
  }
  const [swiped, below, dragged] = ids as [string, string, string];
  await page.goto("/boards/touch");
  await expect(page.locator("[data-board-state=complete]")).toBeVisible();
  const target = (await column(page, "Analyzing").boundingBox())!;

  // Straight down past the card below it, as a finger scrolls a column (sideways would be the
  // browser's back gesture); a drag would have put it below that card.
  const start = (await card(page, swiped).boundingBox())!;
  await touchDrag(page, card(page, swiped), { x: start.x + start.width / 2, y: start.y + 216 }, false);
  await expect(card(page, swiped)).not.toHaveAttribute("aria-pressed", "true");

  await touchDrag(page, card(page, dragged), { x: target.x + target.width / 2, y: target.y + 80 }, true);
  await expectInColumn(page, dragged, "Analyzing");
  // The swipe before it reordered nothing.
  expect(await columnOrder(page, "Backlog")).toEqual([swiped, below]);
  await page.reload();
  await expectInColumn(page, dragged, "Analyzing");
  expect(await columnOrder(page, "Backlog")).toEqual([swiped, below]);
});
