import { expect, test } from "@playwright/test";
import { expectInColumn } from "../helpers/board";
import { signIn } from "../helpers/sign-in";

// The live stream opens only once the page's scripts run, after the board was read: a change
// made in between must still reach the page (the stream resumes from the board data's own
// change sequence, not from "now").
test("a move made after the board was read but before its live stream opened still arrives", async ({ page }) => {
  await signIn(page, "lead@gateboard.local");
  const created = await page.request.post("/api/v1/boards", { data: { name: "Live resume", key: "liveres", workflow: "software-development" } });
  expect(created.status(), await created.text()).toBe(201);
  const ticket = await page.request.post("/api/v1/boards/liveres/tickets", { data: { title: "Moved while the page loads" } });
  expect(ticket.status(), await ticket.text()).toBe(201);
  const { id } = (await ticket.json()) as { id: string };

  // Hold the stream's request until the move is made.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let streamRequested = false;
  await page.route("**/api/v1/events?*", async (route) => {
    streamRequested = true;
    await released;
    await route.continue();
  });
  await page.goto("/boards/liveres");
  await expect(page.locator("[data-board-state=complete]")).toBeVisible();
  await expectInColumn(page, id, "Backlog");
  await expect.poll(() => streamRequested).toBe(true);

  const moved = await page.request.post(`/api/v1/tickets/${id}/move`, { data: { toPhase: "analyzing", version: 1 } });
  expect(moved.status(), await moved.text()).toBe(200);
  release();
  await expectInColumn(page, id, "Analyzing");
});

test("a card's time in its phase counts on while the board stays open", async ({ page }) => {
  await page.clock.install();
  await signIn(page, "lead@gateboard.local");
  const created = await page.request.post("/api/v1/boards", { data: { name: "Clock", key: "clock", workflow: "software-development" } });
  expect(created.status(), await created.text()).toBe(201);
  const ticket = await page.request.post("/api/v1/boards/clock/tickets", { data: { title: "Waiting in the backlog" } });
  const { id } = (await ticket.json()) as { id: string };
  await page.goto("/boards/clock");
  await expect(page.locator("[data-board-state=complete]")).toBeVisible();
  const age = page.locator(`[data-ticket-id="${id}"] [title^="In this phase since"]`);
  await expect(age).toHaveText("0m");
  await page.clock.fastForward("02:05:00");
  await expect(age).toHaveText("2h");
});
