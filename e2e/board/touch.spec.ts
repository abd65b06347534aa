import { expect, test, type Page } from "@playwright/test";
import { card, column, columnOrder, expectInColumn } from "../helpers/board";
import { signIn } from "../helpers/sign-in";

// Touch: a card is picked up by pressing and holding it (the TouchSensor's delay); a quick
// swipe over it is the finger scrolling the board, and moves nothing.
test.use({ hasTouch: true });

async function touchDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, holdMs: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [from] });
  await page.waitForTimeout(holdMs);
  for (let step = 1; step <= 12; step += 1) {
    const x = from.x + ((to.x - from.x) * step) / 12;
    const y = from.y + ((to.y - from.y) * step) / 12;
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y }] });
    await page.waitForTimeout(16);
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
}

test("press and hold a card, then drag it with a finger to the next column; a quick swipe moves nothing", async ({ page }) => {
  await signIn(page, "lead@gateboard.local");
  const created = await page.request.post("/api/v1/boards", { data: { name: "Touch", key: "touch", workflow: "software-development" } });
  expect(created.status(), await created.text()).toBe(201);
  const ids: string[] = [];
  for (const title of ["Swiped over", "Dragged by a finger"]) {
    const ticket = await page.request.post("/api/v1/boards/touch/tickets", { data: { title } });
    expect(ticket.status(), await ticket.text()).toBe(201);
    ids.push(((await ticket.json()) as { id: string }).id);
  }
  await page.goto("/boards/touch");
  await expect(page.locator("[data-board-state=complete]")).toBeVisible();
  const target = (await column(page, "Analyzing").boundingBox())!;
  const centre = async (id: string) => {
    const box = (await card(page, id).boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + 16 };
  };

  // Straight down, as a finger scrolls a column (sideways would be the browser's back gesture).
  const swiped = await centre(ids[0]!);
  const order = await columnOrder(page, "Backlog");
  await touchDrag(page, swiped, { x: swiped.x, y: swiped.y + 200 }, 0);
  await page.waitForTimeout(500);
  expect(await columnOrder(page, "Backlog")).toEqual(order);

  await touchDrag(page, await centre(ids[1]!), { x: target.x + target.width / 2, y: target.y + 80 }, 350);
  await expectInColumn(page, ids[1]!, "Analyzing");
  await page.reload();
  await expectInColumn(page, ids[1]!, "Analyzing");
  await expectInColumn(page, ids[0]!, "Backlog");
});
