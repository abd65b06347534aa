import { expect, test, type Download } from "@playwright/test";
import { signIn } from "../helpers/sign-in";

// gb-7d93 is touched by no other spec: its priority change leaves the board as they expect.
const TICKET = "gb-7d93";

test("a ticket change shows on the audit page with actor and time, and exports as CSV and JSONL", async ({ page }) => {
  await signIn(page, "lead@gateboard.local");

  // Change the ticket through the API with the browser's session.
  const board = await (await page.request.get("/api/v1/boards/gb")).json();
  const ticket = board.tickets.find((t: { id: string }) => t.id === TICKET);
  expect(ticket).toBeTruthy();
  const changed = await page.request.patch(`/api/v1/tickets/${TICKET}`, {
    data: { version: ticket.version, priority: ticket.priority === 0 ? 1 : 0, reason: "=escalated by e2e" },
  });
  expect(changed.status()).toBe(200);
  expect((await changed.json()).changed).toEqual(["priority"]);
  const stale = await page.request.patch(`/api/v1/tickets/${TICKET}`, { data: { version: ticket.version, title: "lost update" } });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).error).toMatchObject({ code: "VERSION_CONFLICT", details: { currentVersion: ticket.version + 1 } });

  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: "Audit trail" })).toBeVisible();
  await expect(page.getByText(/Chain verified · [\d,]+ events/)).toBeVisible();

  await page.getByLabel("Entity id").fill(TICKET);
  await page.getByLabel("Action").fill("ticket.updated");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/entityId=gb-7d93/);
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(1);
  const row = rows.first();
  await expect(row).toContainText("Lena Lead");
  await expect(row).toContainText("lead");
  await expect(row).toContainText("ticket.updated");
  await expect(row).toContainText("=escalated by e2e");
  await expect(row.locator("time")).toContainText("UTC");
  await expect(row.getByRole("link", { name: /gb-7d93/ })).toHaveAttribute("href", `/boards/gb/tickets/${TICKET}`);

  const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(csvDownload.suggestedFilename()).toMatch(/^gateboard-audit-.*\.csv$/);
  const csv = await readDownload(csvDownload);
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toBe("seq,at,actor_kind,actor_id,actor_name,actor_role,action,entity_type,entity_id,board,before,after,reason,request_id");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(",ticket.updated,ticket,gb-7d93,gb,");
  // The reason starts with "=": defused for spreadsheets.
  expect(lines[1]).toContain(",'=escalated by e2e,");

  const [jsonlDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export JSONL" }).click()]);
  const events = (await readDownload(jsonlDownload)).trim().split("\n").map((line) => JSON.parse(line));
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({ action: "ticket.updated", entityId: TICKET, boardKey: "gb", actor: { kind: "user", role: "lead" }, reason: "=escalated by e2e" });
  expect(Object.keys(events[0].after)).toEqual(["priority"]);
});

test("move a card, open its timeline and see the move with actor and time; the audit page filters to it and exports it", async ({ page }) => {
  await signIn(page, "lead@gateboard.local");
  // A board of its own: the demo board's columns are what the board specs start from.
  const created = await page.request.post("/api/v1/boards", { data: { name: "Audit moves", key: "audmv", workflow: "software-development" } });
  expect(created.status(), await created.text()).toBe(201);
  const ticket = await page.request.post("/api/v1/boards/audmv/tickets", { data: { title: "Follow me through the trail" } });
  expect(ticket.status(), await ticket.text()).toBe(201);
  const { id } = (await ticket.json()) as { id: string };

  await page.goto("/boards/audmv");
  await page.getByRole("button", { name: `Move ${id} to…` }).click();
  await page.getByRole("menuitem", { name: "Analyzing" }).click();
  await expect(page.getByRole("region", { name: "Analyzing" }).locator(`[data-ticket-id="${id}"]`)).toBeVisible();

  await page.getByRole("link", { name: `Open ${id}` }).click();
  await expect(page).toHaveURL(`/boards/audmv/tickets/${id}`);
  const timeline = page.getByRole("region", { name: "Audit trail" }).getByRole("list", { name: "History" });
  const moved = timeline.getByRole("listitem").filter({ hasText: "ticket.moved" });
  await expect(moved).toHaveCount(1);
  await expect(moved).toContainText("Lena Lead");
  await expect(moved).toContainText("backlog");
  await expect(moved).toContainText("analyzing");
  const at = await moved.locator("time").getAttribute("datetime");
  expect(Date.now() - Date.parse(at!)).toBeLessThan(5 * 60_000);
  await expect(moved.locator("time")).toContainText("UTC");

  await page.goto("/audit");
  await page.getByLabel("Entity id").fill(id);
  await page.getByLabel("Action").fill("ticket.moved");
  await page.getByRole("button", { name: "Apply" }).click();
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Lena Lead");
  await expect(rows.first().locator("time")).toHaveAttribute("datetime", at!);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export JSONL" }).click()]);
  const events = (await readDownload(download)).trim().split("\n").map((line) => JSON.parse(line));
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({ action: "ticket.moved", entityId: id, boardKey: "audmv", actor: { kind: "user", role: "lead" }, at, before: { phase: "backlog" }, after: { phase: "analyzing" } });
});

async function readDownload(download: Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
