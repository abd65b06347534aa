import { expect, test } from "@playwright/test";
import { signIn } from "../helpers/sign-in";

const shots = process.env.E2E_SCREENSHOTS;

test("an admin invites a person, who can then sign in; the admin changes their role", async ({ page, browser }) => {
  await signIn(page, "admin@gateboard.local");
  await page.getByRole("banner").getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Vera Viewer/ })).toBeVisible();

  const email = `pat.${Date.now()}@example.com`;
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Name").fill("Pat Newcomer");
  await page.getByLabel("Role", { exact: true }).selectOption("engineer");
  await page.getByRole("button", { name: "Invite" }).click();
  const status = page.getByRole("status").filter({ hasText: "Pat Newcomer" });
  await expect(status).toContainText("temporary password");
  const password = (await status.getByLabel("Temporary password").textContent())!.trim();
  expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
  const row = page.getByRole("row", { name: /Pat Newcomer/ });
  await expect(row.getByLabel("Role of Pat Newcomer")).toHaveValue("engineer");
  if (shots) await page.screenshot({ path: `${shots}/admin-users.png`, fullPage: true });

  // The invited person signs in with the temporary password (in a separate browser context).
  const other = await browser.newContext();
  const theirPage = await other.newPage();
  await signIn(theirPage, email, password);
  await expect(theirPage.getByRole("banner")).toContainText("Pat Newcomer");
  await other.close();

  await row.getByLabel("Role of Pat Newcomer").selectOption("reviewer");
  await expect(page.getByText("Pat Newcomer is now reviewer")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("row", { name: /Pat Newcomer/ }).getByLabel("Role of Pat Newcomer")).toHaveValue("reviewer");

  // Refusals are shown, and the select snaps back.
  await page.getByRole("row", { name: /Ada Admin/ }).getByLabel("Role of Ada Admin").selectOption("viewer");
  await expect(page.getByText("This is the last admin: make someone else an admin first.")).toBeVisible();
  await expect(page.getByRole("row", { name: /Ada Admin/ }).getByLabel("Role of Ada Admin")).toHaveValue("admin");
});

test("inviting an existing email says so next to the field", async ({ page }) => {
  await signIn(page, "admin@gateboard.local");
  await page.goto("/admin/users");
  await page.getByLabel("Email").fill("lead@gateboard.local");
  await page.getByLabel("Name").fill("Duplicate");
  await page.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByText("lead@gateboard.local already has an account.")).toBeVisible();
});

test("a lead creates a token, sees it once, uses it, and revokes it", async ({ page, playwright }) => {
  await signIn(page, "lead@gateboard.local");
  await page.getByRole("banner").getByRole("link", { name: "Tokens" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  // A lead cannot mint an admin token: the role is not even offered.
  await expect(page.getByLabel("Role").locator("option")).toHaveText(["lead", "reviewer", "engineer", "viewer", "agent"]);

  await page.getByLabel("Name").fill("e2e-agent");
  await page.getByLabel("Board").selectOption("gb");
  await page.getByRole("button", { name: "Create" }).click();
  const secret = (await page.getByLabel("Token secret", { exact: true }).textContent())!.trim();
  expect(secret).toMatch(/^gbt_[A-Za-z0-9_-]{43}$/);
  const row = page.getByRole("row", { name: /e2e-agent/ });
  await expect(row).toContainText(secret.slice(0, 12));
  await expect(row).toContainText("gb");
  await expect(row).not.toContainText(secret.slice(12));
  if (shots) await page.screenshot({ path: `${shots}/admin-tokens.png`, fullPage: true });

  const api = await playwright.request.newContext({ baseURL: page.url().replace(/\/admin.*$/, ""), extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  const board = await api.get("/api/v1/boards/gb");
  expect(board.status()).toBe(200);
  expect(await board.json()).toMatchObject({ key: "gb" });
  await page.reload();
  await expect(page.getByRole("row", { name: /e2e-agent/ })).not.toContainText("never");

  await page.getByRole("row", { name: /e2e-agent/ }).getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("Revoke e2e-agent?");
  await page.getByRole("button", { name: "Revoke token" }).click();
  await expect(page.getByText("Token e2e-agent revoked")).toBeVisible();
  await expect(page.getByRole("row", { name: /e2e-agent/ })).toContainText("revoked");
  const refused = await api.get("/api/v1/boards/gb");
  expect(refused.status()).toBe(401);
  await api.dispose();
});
