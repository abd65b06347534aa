import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../helpers/sign-in";

test.beforeEach(async ({ page }) => {
  await signIn(page, "viewer@gateboard.local", undefined, "/boards/gb");
  await page.goto("/boards/gb");
});

const cards = (page: Page) => page.locator("[data-ticket-id]");

test("text search narrows the board, survives a reload through the URL, and clears", async ({ page }) => {
  const total = await cards(page).count();
  const first = (await cards(page).first().getAttribute("data-ticket-id"))!;
  await page.getByRole("searchbox", { name: "Search tickets by id or title" }).fill(first);
  await expect(cards(page)).toHaveCount(1);
  await expect(page.getByRole("status").filter({ hasText: "tickets shown" })).toHaveText(`1 of ${total} tickets shown`);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${first}`));

  await page.reload();
  await expect(cards(page)).toHaveCount(1);
  await expect(page.getByRole("searchbox", { name: "Search tickets by id or title" })).toHaveValue(first);

  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(cards(page)).toHaveCount(total);
  await expect(page).not.toHaveURL(/[?&]q=/);
});

test("assignee and type filters keep only matching cards while the column counts stay whole", async ({ page }) => {
  const analyzingCount = await page.getByRole("region", { name: "Analyzing" }).getByTestId("wip-count").textContent();
  await page.getByRole("combobox", { name: "Assignee" }).selectOption("none");
  await expect(page).toHaveURL(/[?&]assignee=none/);
  for (const card of await cards(page).all()) await expect(card).toContainText("Unassigned");
  await expect(page.getByRole("region", { name: "Analyzing" }).getByTestId("wip-count")).toHaveText(analyzingCount!);

  await page.getByRole("combobox", { name: "Assignee" }).selectOption("");
  await page.getByRole("combobox", { name: "Type" }).selectOption("epic");
  const epics = await cards(page).count();
  expect(epics).toBeGreaterThan(0);
  for (const card of await cards(page).all()) await expect(card).toContainText("· epic");
});

test("swimlanes by epic and by assignee group the cards in rows under one set of column headers", async ({ page }) => {
  const total = await cards(page).count();
  await page.getByRole("combobox", { name: "Swimlanes" }).selectOption("epic");
  await expect(page).toHaveURL(/[?&]lanes=epic/);
  const lanes = page.getByRole("region", { name: /^Swimlane / });
  await expect(lanes.first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Swimlane No epic" })).toBeVisible();
  expect(await lanes.count()).toBeGreaterThan(1);
  await expect(cards(page)).toHaveCount(total);

  await page.getByRole("combobox", { name: "Swimlanes" }).selectOption("assignee");
  await expect(page.getByRole("region", { name: "Swimlane Unassigned" })).toBeVisible();
  for (const card of await page.getByRole("region", { name: "Swimlane Unassigned" }).locator("[data-ticket-id]").all()) await expect(card).toContainText("Unassigned");
  await expect(cards(page)).toHaveCount(total);
  // In a lane, "Top of …" orders within the lane, and says so.
  const laneCard = page.getByRole("region", { name: "Swimlane Unassigned" }).locator("[data-ticket-id]").first();
  await laneCard.getByRole("button", { name: /^Move .* to…$/ }).click();
  await expect(page.getByRole("menuitem", { name: /^(Top|Bottom) of .+, in this lane$/ }).first()).toBeVisible();
  await page.keyboard.press("Escape");

  await page.reload();
  await expect(page.getByRole("region", { name: "Swimlane Unassigned" })).toBeVisible();
  await page.getByRole("combobox", { name: "Swimlanes" }).selectOption("none");
  await expect(lanes).toHaveCount(0);
});
