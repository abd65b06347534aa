// The CLI's one way to talk to Gateboard: JSON over HTTP with a bearer token, and every
// refusal turned into an ApiError carrying the API's code, message and details.

/** A refusal by the API: `{"error": {code, message, details}}` with its HTTP status. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** A problem on this side (configuration, a file, the network): exit code 2, no API involved. */
export class CliError extends Error {
  override name = "CliError";
}

export type Connection = { url: string; token: string };
export type ConnectionOptions = { url?: string; token?: string };

/** --url/--token win over GATEBOARD_URL/GATEBOARD_TOKEN; both are needed for every HTTP command. */
export function resolveConnection(options: ConnectionOptions, env: Record<string, string | undefined> = process.env): Connection {
  const url = (options.url ?? env.GATEBOARD_URL ?? "").trim();
  const token = (options.token ?? env.GATEBOARD_TOKEN ?? "").trim();
  if (!url) throw new CliError("GATEBOARD_URL is not set: export GATEBOARD_URL=http://localhost:3000 (the app's address), or pass --url.");
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliError(`GATEBOARD_URL "${url}" is not a URL: use the app's address, e.g. http://localhost:3000.`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new CliError(`GATEBOARD_URL "${url}" must start with http:// or https://.`);
  if (!token) {
    throw new CliError("GATEBOARD_TOKEN is not set: export GATEBOARD_TOKEN=<token> (or pass --token). Create one with `npx gateboard token create --name NAME --role agent`.");
  }
  return { url: parsed.origin + parsed.pathname.replace(/\/+$/, ""), token };
}

type Query = Record<string, string | number | boolean | undefined>;

export type ApiClient = {
  get<T>(path: string, query?: Query): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
};

export function createApiClient(connection: Connection, fetchImpl: typeof fetch = fetch): ApiClient {
  const call = async <T>(method: "GET" | "POST", path: string, query: Query | undefined, body?: unknown): Promise<T> => {
    const target = new URL(connection.url + path);
    for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== "") target.searchParams.set(key, String(value));
    let response: Response;
    try {
      response = await fetchImpl(target, {
        method,
        headers: {
          authorization: `Bearer ${connection.token}`,
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new CliError(`Cannot reach Gateboard at ${connection.url} (${cause?.code ?? cause?.message ?? (error as Error).message}). Is the app running, and is GATEBOARD_URL right?`);
    }
    const text = await response.text();
    const json = parseJson(text);
    if (!response.ok) throw apiErrorFrom(response.status, response.statusText, json, `${method} ${path}`);
    if (json === undefined) throw new CliError(`${method} ${path} answered ${response.status} without a JSON body; is GATEBOARD_URL the Gateboard app?`);
    return json as T;
  };
  return {
    get: (path, query) => call("GET", path, query),
    post: (path, body) => call("POST", path, undefined, body),
  };
}

function parseJson(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The API's error body when there is one; otherwise what HTTP itself said. */
export function apiErrorFrom(status: number, statusText: string, body: unknown, request: string): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (error && typeof error.code === "string" && typeof error.message === "string") return new ApiError(status, error.code, error.message, error.details);
  return new ApiError(status, `HTTP_${status}`, `${request} answered ${status} ${statusText}`.trim() + (status === 404 || status === 405 ? ": this Gateboard has no such endpoint (is it an older version?)." : "."));
}

/** Path segments are user input (ticket ids, board keys): never let one add a segment. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
