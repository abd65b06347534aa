import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

// /api/v1/openapi.json must describe every route: each route file registers itself through
// apiRoute, and app/api/v1/openapi.json/route.ts must import it for that to happen.

let database: TestDatabase;
const ctx = { params: Promise.resolve({}) };

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
  await database.drop();
});

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 and lists every /api/v1 route file, with the schemas it validates with", async () => {
    const { GET } = await import("@/app/api/v1/openapi.json/route");
    const response = await GET(new Request("http://gateboard.test/api/v1/openapi.json"), ctx);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>; components: { schemas: Record<string, unknown> } };
    expect(document.openapi).toBe("3.1.0");

    const routeFiles: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) walk(full);
        else if (entry === "route.ts") routeFiles.push(full);
      }
    };
    walk(path.join(process.cwd(), "app/api/v1"));
    const missing = routeFiles
      .map((file) => {
        const dir = path.relative(process.cwd(), path.dirname(file));
        return { path: "/" + path.relative("app", dir).replace(/\[([^\]]+)\]/g, "{$1}"), importLine: `import "@/${dir}/route";` };
      })
      .filter((route) => !(route.path in document.paths));
    expect(routeFiles.length).toBeGreaterThanOrEqual(4);
    expect(missing.map((route) => route.importLine), "add these lines to app/api/v1/openapi.json/route.ts").toEqual([]);

    expect(document.paths["/api/v1/boards/{board}"]!.get!.parameters).toEqual([expect.objectContaining({ name: "board", in: "path" })]);
    expect(document.components.schemas).toHaveProperty("Board");
    expect(document.components.schemas).toHaveProperty("Error");
  });
});
