import { z } from "zod";

/**
 * Signs session cookies in development and tests. Public on purpose (it is in the source),
 * which is why a production process refuses to start with it.
 */
export const DEV_AUTH_SECRET = "gateboard-development-secret-not-for-production-use";

/** Variables whose value must never be echoed in an error message. */
const SECRET_VARIABLES = new Set(["BETTER_AUTH_SECRET"]);

/**
 * Every environment variable the app reads, parsed once at start-up. A wrong value stops
 * the process with a message naming the variable; .env.example documents each of them.
 */
const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .default("file:./data/gateboard.db")
    .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
      message: "must start with file: (SQLite) or postgresql:// (PostgreSQL)",
    })
    .refine((url) => !url.startsWith("file:") || url.length > "file:".length, {
      message: "file: needs a path, e.g. file:./data/gateboard.db",
    }),
  SQLITE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
  /** Pool size per app instance for PostgreSQL. */
  PG_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** `auto`: seed the demo board when the database is empty on start; `never`: don't. */
  GATEBOARD_DEMO_SEED: z.enum(["auto", "never"]).default("auto"),
  /** Where the workflow YAML files live. */
  GATEBOARD_WORKFLOWS_DIR: z.string().trim().min(1).default("workflows"),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Signs session cookies; every instance of one installation must share it. */
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)").default(DEV_AUTH_SECRET),
  /** The public URL people open, e.g. https://gateboard.example.com. Unset: taken from each request. */
  BETTER_AUTH_URL: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
  /** Requests per minute per API token (or per session / IP) on /api/v1. */
  GATEBOARD_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
}).superRefine((value, ctx) => {
  if (value.NODE_ENV === "production" && value.BETTER_AUTH_SECRET === DEV_AUTH_SECRET) {
    ctx.addIssue({
      code: "custom",
      path: ["BETTER_AUTH_SECRET"],
      message: "must be set in production (at least 32 random characters, e.g. `openssl rand -base64 32`); `npm start` generates one into data/auth-secret",
    });
  }
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses an environment; throws EnvError listing every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty string in a .env file means "not set", not "set to nothing".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "environment");
    const shown = typeof cleaned[name] === "string" && !SECRET_VARIABLES.has(name) ? ` (got ${JSON.stringify(cleaned[name])})` : "";
    return `  ${name}${shown}: ${issue.message}`;
  });
  throw new EnvError(`Invalid environment:\n${lines.join("\n")}\nSee .env.example for what each variable accepts.`);
}

let cached: Env | undefined;

/** The validated environment of this process. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export type DatabaseKind = "sqlite" | "postgresql";

export function databaseKind(url: string): DatabaseKind {
  return url.startsWith("file:") ? "sqlite" : "postgresql";
}
