import { expect, type Locator, type Page } from "@playwright/test";

export function column(page: Page, name: string): Locator {
  return page.getByRole("region", { name });
}

export function card(page: Page, id: string): Locator {
  return page.locator(`[data-ticket-id="${id}"]`);
}

/**
 * A dnd-kit pointer drag that works reliably: press on the card, move past the activation
 * distance in small steps, glide to the target in ~20 steps, release.
 */
export async function dragTo(page: Page, source: Locator, target: Locator, where: "top" | "center" | "bottom" = "center") {
  await source.scrollIntoViewIfNeeded();
  await target.scrollIntoViewIfNeeded();
  await source.scrollIntoViewIfNeeded();
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error("drag: source or target is not visible");
  const startX = from.x + from.width / 2;
  const startY = from.y + 12;
  await page.mouse.move(startX, startY);
  await page.mouse.down();
  for (let step = 1; step <= 4; step += 1) await page.mouse.move(startX + step * 3, startY + step * 2);
  const targetY = where === "top" ? to.y + 8 : where === "bottom" ? to.y + to.height - 8 : to.y + to.height / 2;
  await page.mouse.move(to.x + to.width / 2, targetY, { steps: 20 });
  await page.mouse.up();
}

/** Ids of the cards in a column, top to bottom. */
export async function columnOrder(page: Page, name: string): Promise<string[]> {
  return column(page, name).locator("[data-ticket-id]").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-ticket-id") ?? ""));
}

export async function expectInColumn(page: Page, id: string, name: string) {
  await expect(column(page, name).locator(`[data-ticket-id="${id}"]`)).toBeVisible();
}

/** What dnd-kit last announced to screen readers. */
export async function liveRegion(page: Page): Promise<string> {
  return (await page.locator("[id^=DndLiveRegion]").first().textContent()) ?? "";
}
