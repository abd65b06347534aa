import "server-only";
import { randomUUID } from "node:crypto";
import type { RouteConfig } from "@asteasolutions/zod-to-openapi";
import type { z, ZodObject, ZodType } from "zod";
import { AppError, isAppError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { validationIssues } from "@/lib/schemas/validation-issues";
import { actorFromRequest } from "@/lib/server/api-actor";
import { registerOperation } from "@/lib/server/api/openapi";
import { takeRateLimit } from "@/lib/server/api/rate-limit";

/** The default body limit; a route that takes whole files declares its own `maxBodyBytes`. */
export const MAX_BODY_BYTES = 1024 * 1024;

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type AnyObject = ZodObject;

export type ApiRouteOptions<A extends boolean, B extends ZodType | undefined, Q extends AnyObject | undefined, P extends AnyObject | undefined> = {
  method: Method;
  /** OpenAPI path, `{param}` style: `/api/v1/boards/{board}`. */
  path: string;
  summary: string;
  description?: string;
  tags?: string[];
  /** Default true: no token or session → 401. */
  auth?: A;
  body?: B;
  /** Largest body accepted, in bytes (default MAX_BODY_BYTES, 1 MB). */
  maxBodyBytes?: number;
  /**
   * Content types taken as plain text besides JSON (e.g. `application/x-ndjson`): the body
   * text becomes `toBody(text)` and is then validated by `body` like a JSON one.
   */
  textBody?: { contentTypes: string[]; description: string; toBody: (text: string) => unknown };
  query?: Q;
  params?: P;
  /** The success body, for the OpenAPI document. */
  response?: ZodType;
  /** Success status (default 200). */
  status?: number;
};

type Parsed<S> = S extends ZodType ? z.output<S> : undefined;

export type ApiContext<A extends boolean, B, Q, P> = {
  actor: A extends false ? Actor | null : Actor;
  body: Parsed<B>;
  query: Parsed<Q>;
  params: Parsed<P>;
  requestId: string;
  request: Request;
};

/** What Next passes a route handler next to the request. */
type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

/**
 * Wraps a /api/v1 route handler so every route behaves the same: a request id (taken from
 * `x-request-id` or made, echoed back, and carried by the actor into audit events), the
 * caller resolved from a bearer token or the session, a per-caller rate limit, JSON bodies
 * of at most 1 MB (or the route's `maxBodyBytes`), zod-validated params/query/body, and errors as
 * `{"error": {code, message, details}}` with the code's status. The route is registered in
 * the OpenAPI document with the same schemas.
 *
 * @example
 * export const GET = apiRoute(
 *   { method: "GET", path: "/api/v1/boards/{board}", summary: "One board", params: boardKeyParamsSchema, response: boardViewSchema },
 *   async ({ actor, params }) => getBoard(actor, params.board),
 * );
 */
export function apiRoute<A extends boolean = true, B extends ZodType | undefined = undefined, Q extends AnyObject | undefined = undefined, P extends AnyObject | undefined = undefined>(
  options: ApiRouteOptions<A, B, Q, P>,
  handler: (context: ApiContext<A, B, Q, P>) => Promise<unknown>,
): (request: Request, context: RouteContext) => Promise<Response> {
  registerOperation(openApiOperation(options));
  const authRequired = options.auth !== false;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;

  return async (request, routeContext) => {
    const requestId = requestIdFrom(request);
    const headers = new Headers({ "x-request-id": requestId, "cache-control": "no-store" });
    try {
      let actor: Actor | null;
      try {
        actor = await actorFromRequest(request);
      } catch (error) {
        // A bad token on a public route (the OpenAPI document) is ignored, not fatal.
        if (authRequired || !isAppError(error) || error.code !== "UNAUTHENTICATED") throw error;
        actor = null;
      }

      const limit = takeRateLimit(actor ? `${actor.kind}:${actor.id}` : `ip:${clientAddress(request)}`);
      headers.set("x-ratelimit-limit", String(limit.limit));
      if (!limit.allowed) {
        headers.set("retry-after", String(limit.retryAfterSeconds));
        throw new AppError("RATE_LIMITED", `Too many requests: the limit is ${limit.limit} per minute. Retry in ${limit.retryAfterSeconds} s.`, { retryAfterSeconds: limit.retryAfterSeconds });
      }
      headers.set("x-ratelimit-remaining", String(limit.remaining));

      if (authRequired && !actor) throw new AppError("UNAUTHENTICATED", "Sign in, or send an API token as `Authorization: Bearer <token>`.");
      const actorWithRequest = actor ? { ...actor, requestId } : null;

      const params = options.params ? parseInput(options.params, await routeContext.params, "path parameters") : undefined;
      const query = options.query ? parseInput(options.query, searchParamsObject(new URL(request.url).searchParams), "query parameters") : undefined;
      const body = options.body ? parseInput(options.body, await readInput(request, maxBodyBytes, options.textBody), "body") : undefined;

      const result = await handler({
        actor: actorWithRequest as ApiContext<A, B, Q, P>["actor"],
        body: body as Parsed<B>,
        query: query as Parsed<Q>,
        params: params as Parsed<P>,
        requestId,
        request,
      });
      if (result instanceof Response) {
        // Rebuilt rather than mutated: some Responses (redirects, fetched ones) have immutable headers.
        const merged = new Headers(headers);
        result.headers.forEach((value, key) => merged.set(key, value));
        return new Response(result.body, { status: result.status, statusText: result.statusText, headers: merged });
      }
      return Response.json(result ?? null, { status: options.status ?? 200, headers });
    } catch (error) {
      return errorResponse(error, headers, requestId);
    }
  };
}

function errorResponse(error: unknown, headers: Headers, requestId: string): Response {
  if (isAppError(error)) return Response.json(error.toJSON(), { status: error.status, headers });
  // The real cause stays in the server log, found by the request id the client got back.
  console.error(`api request ${requestId} failed`, error);
  const internal = new AppError("INTERNAL", `Something went wrong on the server. Quote request id ${requestId} when reporting it.`);
  return Response.json(internal.toJSON(), { status: 500, headers });
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,100}$/;

/** A caller's own request id when it is safe to log and echo, else a new one. */
function requestIdFrom(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
}

function clientAddress(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip")?.trim() || "unknown";
}

function parseInput<S extends ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AppError("VALIDATION_FAILED", `The ${where} ${where === "body" ? "is" : "are"} not valid.`, { issues: validationIssues(result.error) });
}

/** Repeated query keys (`?label=a&label=b`) become arrays; single ones stay strings. */
function searchParamsObject(search: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
}

/** "1 MB", "16 MB", "512 KB": how a limit reads in messages and the OpenAPI document. */
function formatBytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  if (Number.isInteger(mb)) return `${mb} MB`;
  return Number.isInteger(bytes / 1024) ? `${bytes / 1024} KB` : `${bytes} bytes`;
}

function tooLarge(limit: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than the limit of ${formatBytes(limit)} (${limit} bytes). Send less per request.`, { limitBytes: limit });
}

/** The body as the route's input: JSON, or the text itself for a declared text content type. */
async function readInput(request: Request, limit: number, textBody: ApiRouteOptions<boolean, undefined, undefined, undefined>["textBody"]): Promise<unknown> {
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  const text = await readBody(request, limit);
  if (textBody && textBody.contentTypes.includes(mediaType)) {
    if (text.trim() === "") throw new AppError("VALIDATION_FAILED", `The request body is empty: send ${textBody.description}.`);
    return textBody.toBody(text);
  }
  return parseJson(text);
}

/**
 * Reads the body, refusing more than `limit` bytes: first by the declared Content-Length,
 * then by counting while reading, since a chunked body declares nothing (and a declared
 * length can lie).
 */
async function readBody(request: Request, limit: number): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new AppError("VALIDATION_FAILED", "The request body is not valid UTF-8 text.");
  }
}

function parseJson(text: string): unknown {
  if (text.trim() === "") throw new AppError("VALIDATION_FAILED", "The request body is empty: send a JSON document (Content-Type: application/json).");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError("VALIDATION_FAILED", `The request body is not valid JSON: ${(error as Error).message}.`);
  }
}

const ERROR_RESPONSES: Record<string, string> = {
  // 413 is described per route, with the route's own limit.
  "400": "Invalid input (VALIDATION_FAILED; details.issues lists each problem)",
  "401": "No valid token or session (UNAUTHENTICATED)",
  "403": "Not allowed for this role or board (FORBIDDEN)",
  "404": "Not found (NOT_FOUND)",
  "429": "Rate limit reached (RATE_LIMITED; see Retry-After)",
  "500": "Unexpected server error (INTERNAL)",
};

function openApiOperation<A extends boolean, B extends ZodType | undefined, Q extends AnyObject | undefined, P extends AnyObject | undefined>(options: ApiRouteOptions<A, B, Q, P>): RouteConfig {
  const limit = formatBytes(options.maxBodyBytes ?? MAX_BODY_BYTES);
  const errors = Object.fromEntries(
    Object.entries({ ...ERROR_RESPONSES, ...(options.body ? { "413": `Body over ${limit} (PAYLOAD_TOO_LARGE; details.limitBytes)` } : {}) })
      .sort(([a], [b]) => a.localeCompare(b))
      .filter(([status]) => (options.auth === false ? !["401", "403"].includes(status) : true))
      .map(([status, description]) => [status, { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }]),
  );
  return {
    method: options.method.toLowerCase() as RouteConfig["method"],
    path: options.path,
    summary: options.summary,
    ...(options.description ? { description: options.description } : {}),
    tags: options.tags ?? [],
    ...(options.auth === false ? { security: [] } : { security: [{ bearerToken: [] }, { sessionCookie: [] }] }),
    request: {
      ...(options.params ? { params: options.params } : {}),
      ...(options.query ? { query: options.query } : {}),
      ...(options.body
        ? {
            body: {
              required: true,
              description: `At most ${limit}.${options.textBody ? ` Also accepted as ${options.textBody.description} with Content-Type ${options.textBody.contentTypes.join(" or ")}.` : ""}`,
              content: {
                "application/json": { schema: options.body },
                ...Object.fromEntries((options.textBody?.contentTypes ?? []).map((type) => [type, { schema: { type: "string" as const, description: options.textBody!.description } }])),
              },
            },
          }
        : {}),
    },
    responses: {
      [String(options.status ?? 200)]: {
        description: "OK",
        ...(options.response ? { content: { "application/json": { schema: options.response } } } : {}),
      },
      ...errors,
    },
  };
}
