import { describe, expect, it } from "vitest";
import { bearerToken, generateTokenSecret, hashTokenSecret, looksLikeToken, tokenDisplayPrefix } from "./api-token";

describe("API token secrets", () => {
  it("are gbt_ + 32 random bytes in base64url, and differ every time", () => {
    const a = generateTokenSecret();
    const b = generateTokenSecret();
    expect(a).toMatch(/^gbt_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(looksLikeToken(a)).toBe(true);
    expect(generateTokenSecret(() => Buffer.alloc(32, 0xff))).toBe(`gbt_${"_".repeat(42)}8`);
  });

  it("are stored as a SHA-256 hex digest and recognised by a short prefix", () => {
    const secret = generateTokenSecret(() => Buffer.alloc(32, 1));
    expect(hashTokenSecret(secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashTokenSecret(secret)).toBe(hashTokenSecret(secret));
    expect(hashTokenSecret(secret)).not.toContain(secret.slice(4, 12));
    expect(tokenDisplayPrefix(secret)).toBe(secret.slice(0, 12));
  });

  it("reject what is not a token before any lookup", () => {
    expect(looksLikeToken("gbt_short")).toBe(false);
    expect(looksLikeToken(`xyz_${"a".repeat(43)}`)).toBe(false);
    expect(looksLikeToken(`gbt_${"a".repeat(43)} `)).toBe(false);
  });
});

describe("bearerToken", () => {
  it("reads `Bearer <token>` case-insensitively and nothing else", () => {
    expect(bearerToken("Bearer gbt_abc")).toBe("gbt_abc");
    expect(bearerToken("bearer   gbt_abc  ")).toBe("gbt_abc");
    expect(bearerToken("Basic dXNlcjpwYXNz")).toBeNull();
    expect(bearerToken("Bearer")).toBeNull();
    expect(bearerToken("Bearer a b")).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });
});
