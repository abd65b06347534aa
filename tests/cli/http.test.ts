import { describe, expect, it } from "vitest";
import { nextPhase } from "@/cli/commands/gate";
import { ApiError, apiErrorFrom, CliError, createApiClient, resolveConnection } from "@/cli/http";

describe("resolveConnection", () => {
  it("takes --url/--token over the environment and drops a trailing slash", () => {
    expect(resolveConnection({ url: "http://127.0.0.1:3302/" }, { GATEBOARD_URL: "http://elsewhere", GATEBOARD_TOKEN: "gbt_x" })).toEqual({ url: "http://127.0.0.1:3302", token: "gbt_x" });
  });

  it("says which variable is missing and how to set it", () => {
    expect(() => resolveConnection({}, {})).toThrow(new CliError("GATEBOARD_URL is not set: export GATEBOARD_URL=http://localhost:3000 (the app's address), or pass --url."));
    expect(() => resolveConnection({}, { GATEBOARD_URL: "http://localhost:3000" })).toThrow(/^GATEBOARD_TOKEN is not set: .*gateboard token create/);
    expect(() => resolveConnection({ url: "localhost:3000", token: "t" }, {})).toThrow(/must start with http:\/\/ or https:\/\//);
  });
});

describe("createApiClient", () => {
  it("sends the bearer token and JSON, and turns the API's error body into an ApiError", async () => {
    const seen: Array<{ url: string; init: RequestInit }> = [];
    const fake = (async (url: URL, init: RequestInit) => {
      seen.push({ url: String(url), init });
      return Response.json({ error: { code: "WIP_LIMIT_REACHED", message: "Testing is at its limit of 8.", details: { limit: 8 } } }, { status: 409 });
    }) as unknown as typeof fetch;
    const client = createApiClient({ url: "http://gb.test", token: "gbt_secret" }, fake);
    await expect(client.post("/api/v1/tickets/gb-1/move", { toPhase: "testing", version: 2 })).rejects.toEqual(new ApiError(409, "WIP_LIMIT_REACHED", "Testing is at its limit of 8.", { limit: 8 }));
    expect(seen[0]!.url).toBe("http://gb.test/api/v1/tickets/gb-1/move");
    expect(seen[0]!.init.headers).toMatchObject({ authorization: "Bearer gbt_secret", "content-type": "application/json" });
    expect(seen[0]!.init.body).toBe('{"toPhase":"testing","version":2}');
  });

  it("leaves empty query values out and explains an unreachable server", async () => {
    const urls: string[] = [];
    const ok = (async (url: URL) => {
      urls.push(String(url));
      return Response.json({ items: [] });
    }) as unknown as typeof fetch;
    await createApiClient({ url: "http://gb.test", token: "t" }, ok).get("/api/v1/boards/gb/tickets", { phase: "building", q: "", status: undefined, limit: 5 });
    expect(urls).toEqual(["http://gb.test/api/v1/boards/gb/tickets?phase=building&limit=5"]);

    const down = (async () => {
      throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    }) as unknown as typeof fetch;
    await expect(createApiClient({ url: "http://127.0.0.1:9", token: "t" }, down).get("/api/v1/boards")).rejects.toThrow(
      "Cannot reach Gateboard at http://127.0.0.1:9 (ECONNREFUSED). Is the app running, and is GATEBOARD_URL right?",
    );
  });

  it("says so when an answer is not the API's error shape", () => {
    expect(apiErrorFrom(405, "Method Not Allowed", undefined, "GET /api/v1/tickets/gb-1")).toMatchObject({ code: "HTTP_405", message: expect.stringContaining("no such endpoint") });
  });
});

describe("nextPhase", () => {
  const board = {
    key: "gb",
    phases: [
      { key: "building", name: "Building", position: 2, allowedTargets: ["analyzing", "testing"] },
      { key: "analyzing", name: "Analyzing", position: 1, allowedTargets: ["backlog", "building"] },
      { key: "testing", name: "Testing", position: 3, allowedTargets: ["building", "review"] },
      { key: "done", name: "Done", position: 6, allowedTargets: ["building"] },
    ],
  } as unknown as Parameters<typeof nextPhase>[0];

  it("is the nearest allowed phase to the right", () => {
    expect(nextPhase(board, "building")).toBe("testing");
    expect(nextPhase(board, "analyzing")).toBe("building");
  });

  it("asks for --to when the workflow only goes back from here", () => {
    expect(() => nextPhase(board, "done")).toThrow("From Done the workflow allows no move forward (only to: building). Pass --to PHASE.");
  });
});
