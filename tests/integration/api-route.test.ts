import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/domain/errors";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/tests/helpers/test-database";

// The wrapper every /api/v1 route goes through, exercised with real Requests and a real
// database behind the token lookup.

let database: TestDatabase;
let token = "";
let viewerToken = "";
const ctx = { params: Promise.resolve({}) };
const MB = 1024 * 1024;

type Wrapped = (request: Request, context: typeof ctx) => Promise<Response>;
let echo: Wrapped;
let explode: Wrapped;
let conflict: Wrapped;
let needsUsers: Wrapped;

beforeAll(async () => {
  database = await createTestDatabase();
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo();
  const { createApiToken } = await import("@/lib/server/create-api-token");
  const { SYSTEM_ACTOR } = await import("@/lib/domain/permissions");
  token = (await createApiToken(SYSTEM_ACTOR, { name: "tests", role: "agent" })).secret;
  viewerToken = (await createApiToken(SYSTEM_ACTOR, { name: "viewer", role: "viewer" })).secret;

  const { apiRoute } = await import("@/lib/server/api/api-route");
  const { authorize } = await import("@/lib/server/authorize");
  echo = apiRoute(
    { method: "POST", path: "/api/v1/test/echo", summary: "echo", body: z.object({ title: z.string().min(1, "Title is required"), priority: z.int().min(0).max(4).optional() }).strict() },
    async ({ body, actor, requestId }) => ({ body, actor: actor.role, requestId }),
  );
  explode = apiRoute({ method: "GET", path: "/api/v1/test/explode", summary: "explode" }, async () => {
    throw new Error("database password is hunter2");
  });
  conflict = apiRoute({ method: "GET", path: "/api/v1/test/conflict", summary: "conflict" }, async () => {
    throw new AppError("VERSION_CONFLICT", "The ticket changed since you read it.", { currentVersion: 7 });
  });
  needsUsers = apiRoute({ method: "GET", path: "/api/v1/test/users", summary: "users" }, async ({ actor }) => {
    await authorize(actor, "user.manage");
    return { ok: true };
  });
});

beforeEach(async () => {
  const { resetRateLimit } = await import("@/lib/server/api/rate-limit");
  resetRateLimit(1000);
});

afterAll(async () => {
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
  await database.drop();
});

function post(body: BodyInit | null, headers: Record<string, string> = {}, auth = token): Request {
  return new Request("http://gateboard.test/api/v1/test/echo", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...(auth ? { authorization: `Bearer ${auth}` } : {}), ...headers },
    // Node needs this for a streamed body.
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
}

describe(`apiRoute on ${testDatabaseKind()}`, () => {
  it("passes the parsed body, the actor and a request id, echoed in the response", async () => {
    const response = await echo(post(JSON.stringify({ title: "Ship it", priority: 1 }), { "x-request-id": "req-abc.1" }), ctx);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("req-abc.1");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ body: { title: "Ship it", priority: 1 }, actor: "agent", requestId: "req-abc.1" });

    // An unusable request id is replaced, not echoed.
    const fresh = await echo(post(JSON.stringify({ title: "x" }), { "x-request-id": "bad id with spaces <script>" }), ctx);
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses a declared body over 1 MB with 413 before reading it", async () => {
    const response = await echo(post("{}", { "content-length": String(MB + 1) }), ctx);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: { code: "PAYLOAD_TOO_LARGE", message: "The request body is larger than the limit of 1 MB (1048576 bytes). Send less per request.", details: { limitBytes: MB } },
    });
  });

  it("counts bytes while reading when no length is declared (chunked)", async () => {
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 2 * MB) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const response = await echo(post(stream), ctx);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("PAYLOAD_TOO_LARGE");
    // It stopped reading soon after the limit instead of draining 2 MB.
    expect(sent).toBeLessThan(MB + 3 * chunk.byteLength);
  });

  it("accepts a body of exactly 1 MB", async () => {
    const title = "t".repeat(MB - JSON.stringify({ title: "" }).length);
    const response = await echo(post(JSON.stringify({ title })), ctx);
    expect(response.status).toBe(200);
  });

  it("says so when the body is not JSON, or empty", async () => {
    const bad = await echo(post("{title: nope"), ctx);
    expect(bad.status).toBe(400);
    const { error } = (await bad.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.message).toMatch(/^The request body is not valid JSON: /);

    const empty = await echo(post(""), ctx);
    expect(await empty.json()).toMatchObject({ error: { code: "VALIDATION_FAILED", message: expect.stringContaining("empty") } });
  });

  it("lists every zod issue with its path", async () => {
    const response = await echo(post(JSON.stringify({ title: "", priority: 9, extra: true })), ctx);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string; details: { issues: Array<{ path: string; message: string }> } } };
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(body.error.message).toBe("The body is not valid.");
    expect(body.error.details.issues).toEqual(
      expect.arrayContaining([
        { path: "title", message: "Title is required" },
        { path: "priority", message: expect.stringMatching(/4/) },
        { path: "", message: expect.stringMatching(/extra/) },
      ]),
    );
  });

  it("maps an AppError to its status and the PRODUCT.md error shape", async () => {
    const response = await conflict(new Request("http://gateboard.test/x", { headers: { authorization: `Bearer ${token}` } }), ctx);
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: { code: "VERSION_CONFLICT", message: "The ticket changed since you read it.", details: { currentVersion: 7 } } });
  });

  it("hides an unexpected error behind a generic 500 and logs the real one", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = await explode(new Request("http://gateboard.test/x", { headers: { authorization: `Bearer ${token}`, "x-request-id": "boom-1" } }), ctx);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain("hunter2");
    expect(JSON.parse(text)).toEqual({ error: { code: "INTERNAL", message: "Something went wrong on the server. Quote request id boom-1 when reporting it." } });
    expect(log).toHaveBeenCalledWith("api request boom-1 failed", expect.objectContaining({ message: "database password is hunter2" }));
    log.mockRestore();
  });

  it("401s without credentials, and with a malformed or unknown token", async () => {
    for (const authorization of [undefined, "Bearer nonsense", `Bearer gbt_${"A".repeat(43)}`, "Basic abc"]) {
      const response = await echo(post("{}", authorization ? { authorization } : {}, ""), ctx);
      expect(response.status, authorization).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("UNAUTHENTICATED");
    }
  });

  it("403s a role without the permission and audits it with the request id", async () => {
    const response = await needsUsers(new Request("http://gateboard.test/x", { headers: { authorization: `Bearer ${viewerToken}`, "x-request-id": "denied-1" } }), ctx);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { code: "FORBIDDEN", message: "Your role (viewer) does not allow user.manage.", details: { permission: "user.manage" } } });
    const { db } = await import("@/lib/db");
    expect(await db().auditEvent.findFirst({ where: { requestId: "denied-1" } })).toMatchObject({ action: "access.denied", actorRole: "viewer", entityId: "user.manage" });
  });

  it("lets a route declare a larger limit, named in its 413 and its OpenAPI description", async () => {
    const { apiRoute } = await import("@/lib/server/api/api-route");
    const roomy = apiRoute(
      { method: "POST", path: "/api/v1/test/roomy", summary: "roomy", body: z.object({ title: z.string() }), maxBodyBytes: 3 * MB },
      async ({ body }) => ({ length: body.title.length }),
    );
    const title = "t".repeat(2 * MB);
    const accepted = await roomy(post(JSON.stringify({ title })), ctx);
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ length: 2 * MB });
    // The same body on a route with the default limit.
    expect((await echo(post(JSON.stringify({ title })), ctx)).status).toBe(413);

    const refused = await roomy(post("{}", { "content-length": String(3 * MB + 1) }), ctx);
    expect(refused.status).toBe(413);
    expect(await refused.json()).toEqual({
      error: { code: "PAYLOAD_TOO_LARGE", message: "The request body is larger than the limit of 3 MB (3145728 bytes). Send less per request.", details: { limitBytes: 3 * MB } },
    });

    const { openApiDocument } = await import("@/lib/server/api/openapi");
    const operations = openApiDocument().paths as Record<string, { post?: { responses: Record<string, { description: string }>; requestBody?: { description?: string } } }>;
    expect(operations["/api/v1/test/roomy"]?.post?.responses["413"]?.description).toMatch(/^Body over 3 MB/);
    expect(operations["/api/v1/test/roomy"]?.post?.requestBody?.description).toMatch(/At most 3 MB/);
    expect(operations["/api/v1/test/echo"]?.post?.responses["413"]?.description).toMatch(/^Body over 1 MB/);
  });

  it("takes a beads export over 1 MB as raw NDJSON on the import route, and as JSON", async () => {
    const { POST } = await import("@/app/api/v1/boards/[board]/import/beads/route");
    const { createBoard } = await import("@/lib/server/create-board");
    const { SYSTEM_ACTOR } = await import("@/lib/domain/permissions");
    await createBoard(SYSTEM_ACTOR, { name: "Large import", key: "bigimp", workflow: "software-development" });
    const description = "d".repeat(4000);
    const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify({ id: `bigimp-${i}`, title: `Issue ${i}`, description, status: "open", priority: 2, issue_type: "task" }));
    const ndjson = `${lines.join("\n")}\n`;
    expect(Buffer.byteLength(ndjson)).toBeGreaterThan(MB);
    const importRequest = (body: string, contentType: string) =>
      new Request("http://gateboard.test/api/v1/boards/bigimp/import/beads", { method: "POST", body, headers: { "content-type": contentType, authorization: `Bearer ${token}` } });
    const route = { params: Promise.resolve({ board: "bigimp" }) };

    const raw = await POST(importRequest(ndjson, "application/x-ndjson"), route);
    expect(raw.status).toBe(200);
    expect(await raw.json()).toMatchObject({ created: 300, updated: 0, errors: [] });
    // The same export wrapped in JSON, as text/plain with a charset, and empty.
    expect(await (await POST(importRequest(JSON.stringify({ jsonl: ndjson }), "application/json"), route)).json()).toMatchObject({ created: 0, unchanged: 300 });
    expect(await (await POST(importRequest(ndjson, "text/plain; charset=utf-8"), route)).json()).toMatchObject({ created: 0, unchanged: 300 });
    const empty = await POST(importRequest("  \n", "application/x-ndjson"), route);
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ error: { code: "VALIDATION_FAILED", message: expect.stringContaining("empty") } });
  });

  it("takes a plan and a summary as the Markdown itself, and a non-plan gets line-numbered errors", async () => {
    const { readFileSync } = await import("node:fs");
    const fixtures = new URL("../../../shared/fixtures/plans/", import.meta.url);
    const plans = await import("@/app/api/v1/plans/route");
    const summaries = await import("@/app/api/v1/summaries/route");
    const markdownRequest = (url: string, body: string) =>
      new Request(url, { method: "POST", body, headers: { "content-type": "text/markdown; charset=utf-8", authorization: `Bearer ${token}` } });
    const none = { params: Promise.resolve({}) };

    const plan = await plans.POST(markdownRequest("http://gateboard.test/api/v1/plans?board=gb", readFileSync(new URL("beads-work-plan-split-brain.md", fixtures), "utf8")), none);
    expect(plan.status).toBe(201);
    expect(await plan.json()).toMatchObject({ created: true, reconcile: { boardKey: "gb" } });

    const summary = await summaries.POST(markdownRequest("http://gateboard.test/api/v1/summaries", readFileSync(new URL("session-summary-worker-lifecycle.md", fixtures), "utf8")), none);
    expect(summary.status).toBe(201);

    const notAPlan = await plans.POST(markdownRequest("http://gateboard.test/api/v1/plans", "just a shopping list\n- milk\n"), none);
    expect(notAPlan.status).toBe(400);
    expect(await notAPlan.json()).toMatchObject({ error: { code: "VALIDATION_FAILED", details: { errors: [expect.objectContaining({ line: expect.any(Number) })] } } });
  });

  it("rate-limits per token with 429 and Retry-After, other callers unaffected", async () => {
    const { resetRateLimit } = await import("@/lib/server/api/rate-limit");
    resetRateLimit(3);
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await echo(post(JSON.stringify({ title: "x" })), ctx);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(last!.headers.get("retry-after")).toBe("20");
    expect(await last!.json()).toMatchObject({ error: { code: "RATE_LIMITED", details: { retryAfterSeconds: 20 } } });
    // Another token has its own bucket.
    const other = await needsUsers(new Request("http://gateboard.test/x", { headers: { authorization: `Bearer ${viewerToken}` } }), ctx);
    expect(other.status).toBe(403);
  });
});

