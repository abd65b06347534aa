import http from "node:http";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

/** A fresh migrated database for one test file (SQLite or PostgreSQL by TEST_DATABASE); DATABASE_URL points at it. */
export async function reliabilityDatabase(): Promise<TestDatabase> {
  return createTestDatabase();
}

/** An API token straight on the database (the CLI's bootstrap path), usable against any server on it. */
export async function apiToken(role: "agent" | "admin" | "lead" | "reviewer" | "engineer" | "viewer" = "agent", boardKey?: string): Promise<string> {
  const { createApiToken } = await import("@/lib/server/create-api-token");
  const { SYSTEM_ACTOR } = await import("@/lib/domain/permissions");
  const name = `reliability-${role}-${Math.random().toString(36).slice(2, 8)}`;
  return (await createApiToken(SYSTEM_ACTOR, { name, role, ...(boardKey ? { board: boardKey } : {}) })).secret;
}

export type ApiResult = { status: number; body: { error?: { code: string; message: string; details?: unknown } } & Record<string, unknown> };

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; text: string };

/**
 * One HTTP request on a connection of its own. Pooled keep-alive connections (fetch's
 * default) can be closed by the server just as a request reuses them, which fails that
 * request for reasons unrelated to what is under test; a fresh connection never is. A
 * network failure (a killed server) rejects.
 */
export function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(url, { method: options.method ?? "GET", headers: options.headers, agent: false }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("error", reject);
      incoming.on("end", () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text: Buffer.concat(chunks).toString("utf8") }));
    });
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}

/** One JSON API call with a bearer token. */
export async function call(baseUrl: string, token: string, method: string, pathname: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResult> {
  const response = await request(`${baseUrl}${pathname}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  let parsed: ApiResult["body"];
  try {
    parsed = response.text ? (JSON.parse(response.text) as ApiResult["body"]) : {};
  } catch {
    parsed = { raw: response.text };
  }
  return { status: response.status, body: parsed };
}

export function tally(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

export function describeTally(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([key, count]) => `${count} ${key}`)
    .join(", ");
}
