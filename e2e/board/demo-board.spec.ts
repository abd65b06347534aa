import { expect, test } from "@playwright/test";
import { signIn } from "../helpers/sign-in";

const PHASES = ["Backlog", "Analyzing", "Building", "Testing", "Review", "Deploying", "Done"];

// Every page needs a person signed in; the health endpoints at the bottom stay anonymous.
test.beforeEach(async ({ page }, testInfo) => {
  if (!testInfo.title.startsWith("health")) await signIn(page, "lead@gateboard.local");
});

test("the home page lists the demo board and opens it", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Boards" })).toBeVisible();
  await page.getByRole("link", { name: /Demo: Payments platform/ }).click();
  await expect(page).toHaveURL(/\/boards\/gb$/);
  await expect(page.getByRole("heading", { level: 1, name: "Demo: Payments platform" })).toBeVisible();
});

test("the demo board shows every column with its tickets", async ({ page }) => {
  await page.goto("/boards/gb");
  await expect(page.getByRole("region").getByRole("heading", { level: 2 })).toHaveText(PHASES);

  const expected: Record<string, { count: string; some: string }> = {
    Backlog: { count: "11", some: "Provision a Redis cluster for sessions" },
    Analyzing: { count: "4/5", some: "Webhooks v2: signed, retried, replayable" },
    Building: { count: "7/10", some: "Refunds over the original amount are accepted" },
    Testing: { count: "4/8", some: "Store idempotency keys with a 24 h expiry" },
    Review: { count: "4", some: "Rate limit the login endpoint per IP and per account" },
    Deploying: { count: "2/3", some: "Export payments as CSV" },
    Done: { count: "7", some: "Checkout button double-submits on slow networks" },
  };
  let total = 0;
  for (const name of PHASES) {
    const column = page.getByRole("region", { name });
    await expect(column.getByTestId("wip-count")).toHaveText(expected[name]!.count);
    await expect(column.getByText(expected[name]!.some)).toBeVisible();
    const count = await column.locator("[data-ticket-id]").count();
    expect(String(count)).toBe(expected[name]!.count.split("/")[0]);
    total += count;
  }
  expect(total).toBe(39);
});

test("a card shows its id, type, priority, assignee and labels", async ({ page }) => {
  await page.goto("/boards/gb");
  const card = page.locator('[data-ticket-id="gb-e912"]');
  await expect(card).toContainText("gb-e912");
  await expect(card).toContainText("bug");
  await expect(card).toContainText("P0");
  await expect(card).toContainText("Eli Engineer");
  await expect(card.getByRole("list", { name: "Labels" })).toContainText("payments");
});

test("an unknown board is a 404 page, not an error", async ({ page }) => {
  const response = await page.goto("/boards/nope");
  expect(response?.status()).toBe(404);
});

test("health endpoints answer", async ({ request }) => {
  const live = await request.get("/api/health/live");
  expect(live.status()).toBe(200);
  expect(await live.json()).toEqual({ status: "ok" });
  const ready = await request.get("/api/health/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({ status: "ready" });
});
