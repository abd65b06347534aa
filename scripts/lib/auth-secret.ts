import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";

const SECRET_FILE = path.join("data", "auth-secret");

/**
 * A production server refuses to start without BETTER_AUTH_SECRET (lib/env.ts). So that
 * `npm start` still works out of the box, a secret is generated once into data/auth-secret
 * (readable by the owner only) and reused on every later start. Instances that share a
 * PostgreSQL database must share one secret: set BETTER_AUTH_SECRET for those.
 */
export function ensureAuthSecret(): void {
  if (existsSync(".env")) process.loadEnvFile(".env");
  if (process.env.BETTER_AUTH_SECRET) return;
  if (existsSync(SECRET_FILE)) {
    process.env.BETTER_AUTH_SECRET = readFileSync(SECRET_FILE, "utf8").trim();
    return;
  }
  mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(SECRET_FILE, `${secret}\n`, { mode: 0o600 });
  chmodSync(SECRET_FILE, 0o600);
  process.env.BETTER_AUTH_SECRET = secret;
  console.log(`Generated a sign-in secret into ${SECRET_FILE} (set BETTER_AUTH_SECRET to choose your own).`);
  if (/^postgres(ql)?:/.test(process.env.DATABASE_URL ?? "")) console.log("Running several instances? Give them all the same BETTER_AUTH_SECRET, or sessions will not cross instances.");
}
