import { expect, test } from "@playwright/test";
import { signIn } from "../helpers/sign-in";

test("a page asks for sign-in, then brings the lead back to the board", async ({ page }) => {
  await page.goto("/boards/gb");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fboards%2Fgb$/);
  await page.getByLabel("Email").fill("lead@gateboard.local");
  await page.getByLabel("Password").fill("gateboard");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/boards\/gb$/);
  await expect(page.getByRole("heading", { level: 1, name: "Demo: Payments platform" })).toBeVisible();
  const header = page.getByRole("banner");
  await expect(header).toContainText("Lena Lead");
  await expect(header).toContainText("lead");
  await expect(header.getByRole("link", { name: "Tokens" })).toBeVisible();
  await expect(header.getByRole("link", { name: "Users" })).toHaveCount(0);

  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name.endsWith("gateboard.session_token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});

test("a wrong password shows an error and keeps the email", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("lead@gateboard.local");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  await expect(page.getByLabel("Email")).toHaveValue("lead@gateboard.local");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an empty form says what is missing", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter the email address you were invited with")).toBeVisible();
  await expect(page.getByText("Enter your password")).toBeVisible();
});

test("sign out ends the session", async ({ page }) => {
  await signIn(page, "engineer@gateboard.local");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in\?next=%2F$/);
});

test("a viewer cannot open the Users page and sees why", async ({ page }) => {
  await signIn(page, "viewer@gateboard.local");
  await expect(page.getByRole("banner").getByRole("link", { name: "Users" })).toHaveCount(0);
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(page.getByText("It needs the admin role.")).toBeVisible();
  await page.goto("/admin/tokens");
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
});

test("the API answers the signed-in browser, and refuses anonymous callers", async ({ page, request }) => {
  await signIn(page, "reviewer@gateboard.local");
  const me = await page.request.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ kind: "user", role: "reviewer", name: "Rita Reviewer" });
  const anonymous = await request.get("/api/v1/boards");
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
});
