import { createHash, randomBytes } from "node:crypto";

/** Every Gateboard token starts with this, so secret scanners and people recognise one. */
export const TOKEN_PREFIX = "gbt_";
/** How much of the secret is kept in clear to tell tokens apart in lists. */
const SHOWN_LENGTH = TOKEN_PREFIX.length + 8;
const TOKEN_PATTERN = /^gbt_[A-Za-z0-9_-]{43}$/;

/** A new secret: `gbt_` + 32 random bytes in base64url (256 bits). */
export function generateTokenSecret(random: (bytes: number) => Buffer = randomBytes): string {
  return TOKEN_PREFIX + random(32).toString("base64url");
}

/**
 * What the database stores: SHA-256 of the secret, hex. A fast hash is enough here (unlike
 * passwords): the secret is 256 random bits, so there is nothing to guess from the hash.
 */
export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function tokenDisplayPrefix(secret: string): string {
  return secret.slice(0, SHOWN_LENGTH);
}

export function looksLikeToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/** The token in an `Authorization: Bearer …` header, or null when there is none. */
export function bearerToken(authorization: string | null): string | null {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match?.[1] ?? null;
}
