import { expect, test } from "@playwright/test";
import { expectInColumn } from "../helpers/board";
import { signIn } from "../helpers/sign-in";

test.describe.configure({ mode: "serial" });

test("a move into Review → Deploying waits for a reviewer; the engineer cannot approve; one click by a reviewer moves it on", async ({ page, browser }) => {
  // gb-6e02 sits in Review, assigned to an agent.
  await signIn(page, "engineer@gateboard.local");
  await page.goto("/boards/gb");
  await page.getByRole("button", { name: "Move gb-6e02 to…" }).click();
  await page.getByRole("menuitem", { name: "Deploying" }).click();
  await expect(page.getByText("gb-6e02 waits for a gate")).toBeVisible();
  await expectInColumn(page, "gb-6e02", "Review");

  // The engineer sees the request but no Approve button…
  await page.goto("/inbox");
  const card = page.getByRole("article", { name: "Gate request for gb-6e02" });
  await expect(card).toBeVisible();
  await expect(card.getByRole("button", { name: /Approve/ })).toHaveCount(0);
  await expect(card.getByText(/You cannot decide this gate/)).toBeVisible();
  // …and a direct call of the decision endpoint with the engineer's session is refused.
  const list = await page.request.get("/api/v1/gate-requests?ticket=gb-6e02");
  const { items } = (await list.json()) as { items: Array<{ id: string }> };
  const direct = await page.request.post(`/api/v1/gate-requests/${items[0]!.id}/decision`, { data: { decision: "approve" } });
  expect(direct.status()).toBe(403);
  expect(((await direct.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");

  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await signIn(reviewer, "reviewer@gateboard.local");
  await reviewer.goto("/inbox");
  await reviewer.getByRole("article", { name: "Gate request for gb-6e02" }).getByRole("button", { name: "Approve gb-6e02" }).click();
  await expect(reviewer.getByText("Approved: gb-6e02 moved on")).toBeVisible();
  await expect(reviewer.getByRole("article", { name: "Gate request for gb-6e02" })).toHaveCount(0);
  await reviewerContext.close();

  await page.goto("/boards/gb");
  await expectInColumn(page, "gb-6e02", "Deploying");
});

test("Deploying → Done waits for a human hard-stop approval", async ({ page, browser }) => {
  await signIn(page, "lead@gateboard.local");
  await page.goto("/boards/gb");
  await page.getByRole("button", { name: "Move gb-2c88 to…" }).click();
  await page.getByRole("menuitem", { name: "Done" }).click();
  await expect(page.getByText("gb-2c88 waits for a gate")).toBeVisible();
  await expectInColumn(page, "gb-2c88", "Deploying");

  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await signIn(reviewer, "reviewer2@gateboard.local");
  await reviewer.goto("/inbox");
  const request = reviewer.getByRole("article", { name: "Gate request for gb-2c88" });
  await expect(request.getByText("hard-stop")).toBeVisible();
  await request.getByRole("button", { name: "Approve gb-2c88" }).click();
  await expect(reviewer.getByText("Approved: gb-2c88 moved on")).toBeVisible();
  await reviewerContext.close();

  await page.reload();
  await expectInColumn(page, "gb-2c88", "Done");
});
