import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "gateboard";

/** Signs in through the sign-in page like a person would, and waits until it lands. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, next = "/"): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}
