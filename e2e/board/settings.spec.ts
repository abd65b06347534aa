import { expect, test } from "@playwright/test";
import { column } from "../helpers/board";
import { signIn } from "../helpers/sign-in";

// A board of its own (created through the form) so the demo board's limits, which other
// specs rely on, stay as they are. The steps run in order on that board.
test.describe.configure({ mode: "serial" });
// Several page loads per step; on a busy 2-core machine the default 30 s is too tight.
test.setTimeout(60_000);

const KEY = "rtrain";
const NAME = "Release train";

test("a lead creates a board, changes a WIP limit in its settings, and the board header shows the new limit", async ({ page }) => {
  await signIn(page, "lead@gateboard.local");
  await page.getByRole("button", { name: "New board" }).click();
  await page.getByLabel("Name").fill(NAME);
  await expect(page.getByLabel("Key")).toHaveValue("releas");
  await page.getByLabel("Key").fill(KEY);
  await page.getByRole("button", { name: "Create board" }).click();

  await expect(page).toHaveURL(new RegExp(`/boards/${KEY}$`));
  await expect(page.getByRole("heading", { level: 1, name: NAME })).toBeVisible();
  await expect(column(page, "Testing").getByTestId("wip-count")).toHaveText("0/8");

  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Board settings" })).toBeVisible();
  const testing = page.getByRole("form", { name: "Testing column" });
  await testing.getByLabel("Max").fill("3");
  await testing.getByRole("button", { name: "Save" }).click();
  await expect(testing.getByRole("status")).toHaveText("Saved");

  // A combination that does not fit is refused next to the field, and nothing changes.
  await testing.getByLabel("Min").fill("5");
  await testing.getByRole("button", { name: "Save" }).click();
  await expect(testing.getByText("Min (5) is above max (3)")).toBeVisible();
  await testing.getByLabel("Min").fill("");

  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: NAME }).click();
  await expect(column(page, "Testing").getByTestId("wip-count")).toHaveText("0/3");
  await page.reload();
  await expect(column(page, "Testing").getByTestId("wip-count")).toHaveText("0/3");
});

test("a viewer sees neither New board nor Settings, and the settings page refuses them", async ({ page }) => {
  await signIn(page, "viewer@gateboard.local");
  await expect(page.getByRole("link", { name: new RegExp(NAME) })).toBeVisible();
  await expect(page.getByRole("button", { name: "New board" })).toHaveCount(0);
  await page.goto(`/boards/${KEY}`);
  await expect(column(page, "Testing").getByTestId("wip-count")).toHaveText("0/3");
  await expect(page.getByRole("link", { name: "Settings", exact: true })).toHaveCount(0);
  await page.goto(`/boards/${KEY}/settings`);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Testing column" })).toHaveCount(0);
});
