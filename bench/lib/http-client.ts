// A minimal keep-alive HTTP client for the load generators. node:http rather than fetch:
// undici's per-request overhead is a sizeable part of a few-millisecond loopback request.
import http from "node:http";

export type Timed = {
  status: number;
  /** From sending the request to the last byte of the body. */
  ms: number;
  /** From sending the request to the response headers (the response start). */
  ttfbMs: number;
  /** performance.now() at the response start, for lining up with other clocks in this process. */
  responseAt: number;
  bytes: number;
  body: string;
  /** The Server-Timing header, when the app sends one. */
  serverTiming: string | null;
};

/** One client = one connection: concurrent clients each get their own. */
export class HttpClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  constructor(
    private readonly port: number,
    private readonly headers: Record<string, string> = {},
  ) {}

  request(method: "GET" | "POST", path: string, body?: unknown): Promise<Timed> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const started = performance.now();
      let responseAt = 0;
      const request = http.request(
        {
          host: "127.0.0.1",
          port: this.port,
          method,
          path,
          agent: this.agent,
          headers: {
            ...this.headers,
            ...(payload ? { "content-type": "application/json", "content-length": String(payload.length) } : {}),
          },
        },
        (response) => {
          responseAt = performance.now();
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", reject);
          response.on("end", () => {
            const ended = performance.now();
            const all = Buffer.concat(chunks);
            resolve({
              status: response.statusCode ?? 0,
              ms: ended - started,
              ttfbMs: responseAt - started,
              responseAt,
              bytes: all.length,
              body: all.toString("utf8"),
              serverTiming: (response.headers["server-timing"] as string | undefined) ?? null,
            });
          });
        },
      );
      request.on("error", reject);
      request.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

export type StreamEvent = { id: string | null; event: string; data: string; arrivedAt: number };

/**
 * Follows a Server-Sent Events stream; `onEvent` gets each event with the time its last
 * chunk arrived. Resolves once the response headers are in; `close()` ends the stream.
 */
export function subscribe(port: number, path: string, headers: Record<string, string>, onEvent: (event: StreamEvent) => void): Promise<{ close(): void }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: "127.0.0.1", port, path, headers: { ...headers, accept: "text/event-stream" } }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`${path} answered ${response.statusCode}`));
        response.resume();
        return;
      }
      let buffer = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        const arrivedAt = performance.now();
        buffer += chunk;
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let id: string | null = null;
          let event = "message";
          const data: string[] = [];
          for (const line of block.split("\n")) {
            if (line.startsWith("id: ")) id = line.slice(4);
            else if (line.startsWith("event: ")) event = line.slice(7);
            else if (line.startsWith("data: ")) data.push(line.slice(6));
          }
          if (data.length > 0) onEvent({ id, event, data: data.join("\n"), arrivedAt });
        }
      });
      resolve({ close: () => request.destroy() });
    });
    request.on("error", (error) => {
      if ((error as NodeJS.ErrnoException).code !== "ECONNRESET") reject(error);
    });
  });
}
