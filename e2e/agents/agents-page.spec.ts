import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../helpers/sign-in";

// Each test registers an agent of its own through the API (with the lead's session) and
// watches the Agents page follow its heartbeats; no demo ticket is touched.

async function registerBusyAgent(page: Page, name: string): Promise<string> {
  const registered = await page.request.post("/api/v1/agents", { data: { name, kind: "worker", capabilities: ["e2e"], capacity: 2, heartbeatIntervalSec: 600 } });
  expect([200, 201]).toContain(registered.status());
  const { id } = (await registered.json()) as { id: string };
  const beat = await page.request.post(`/api/v1/agents/${id}/heartbeat`, { data: { state: "busy", currentTicketId: "gb-a3f8.2", note: "checking the page" } });
  expect(beat.status()).toBe(200);
  return id;
}

test("the Agents page shows each agent's state, work, capacity, last heartbeat and history", async ({ page }) => {
  await signIn(page, "lead@gateboard.local");
  await registerBusyAgent(page, "e2e-page-agent");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Agents" }).click();
  await expect(page.getByRole("heading", { name: "Agents", level: 1 })).toBeVisible();
  const card = page.getByRole("article", { name: "Agent e2e-page-agent" });
  await expect(card.getByRole("status", { name: "State: busy" })).toBeVisible();
  await expect(card.getByRole("link", { name: "gb-a3f8.2" })).toHaveAttribute("href", "/boards/gb/tickets/gb-a3f8.2");
  await expect(card.getByText("“checking the page”")).toBeVisible();
  await expect(card.getByLabel("0 of 2 tickets held")).toBeVisible();
  await expect(card.locator("dd time").first()).toHaveText(/^(just now|\d+ s ago)$/);

  // The demo's crashed reviewer stands out, with its respawns and the crash in its history.
  const crashed = page.getByRole("article", { name: "Agent codex-reviewer-1" });
  await expect(crashed.getByRole("status", { name: "State: crashed" })).toBeVisible();
  await expect(crashed.getByLabel("Respawned 2 times")).toBeVisible();
  await expect(crashed.getByRole("list", { name: "State history" }).getByText("busy → crashed")).toBeVisible();
  await expect(page.getByRole("article", { name: "Agent claude-worker-1" }).getByRole("region", { name: "Claimed tickets" }).getByRole("link", { name: "gb-a3f8.1" })).toBeVisible();
});

test("a crash shows on the Agents page and registering the name again respawns the agent", async ({ page }) => {
  await signIn(page, "lead@gateboard.local");
  const id = await registerBusyAgent(page, "e2e-crash-agent");
  // A supervisor (the lead here) reports the agent crashed.
  const report = await page.request.post(`/api/v1/agents/${id}/heartbeat`, { data: { state: "crashed", currentTicketId: "gb-a3f8.2", note: "killed by e2e" } });
  expect(report.status()).toBe(200);

  await page.goto("/agents");
  const card = page.getByRole("article", { name: "Agent e2e-crash-agent" });
  await expect(card.getByRole("status", { name: "State: crashed" })).toBeVisible();
  await expect(card.getByText("Was working on")).toBeVisible();
  await expect(card.getByRole("list", { name: "State history" }).getByText("busy → crashed")).toBeVisible();

  const respawned = await page.request.post("/api/v1/agents", { data: { name: "e2e-crash-agent", kind: "worker", capacity: 2, heartbeatIntervalSec: 600 } });
  expect(respawned.status()).toBe(200);
  await page.reload();
  await expect(card.getByRole("status", { name: "State: idle" })).toBeVisible();
  await expect(card.getByLabel("Respawned 1 time")).toBeVisible();
});
