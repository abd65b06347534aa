import { describe, expect, it } from "vitest";
import { DEV_AUTH_SECRET, parseEnv } from "./env";

describe("sign-in and API settings", () => {
  it("uses a development secret outside production", () => {
    expect(parseEnv({}).BETTER_AUTH_SECRET).toBe(DEV_AUTH_SECRET);
    expect(parseEnv({ NODE_ENV: "test" }).GATEBOARD_RATE_LIMIT_PER_MINUTE).toBe(600);
  });

  it("refuses to run production on the development secret", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/BETTER_AUTH_SECRET: must be set in production/);
    expect(parseEnv({ NODE_ENV: "production", BETTER_AUTH_SECRET: "x".repeat(32) }).BETTER_AUTH_SECRET).toBe("x".repeat(32));
  });

  it("never echoes a secret in the error", () => {
    let message = "";
    try {
      parseEnv({ BETTER_AUTH_SECRET: "short-but-secret" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("BETTER_AUTH_SECRET: must be at least 32 characters");
    expect(message).not.toContain("short-but-secret");
  });

  it("checks BETTER_AUTH_URL and the rate limit", () => {
    expect(parseEnv({ BETTER_AUTH_URL: "https://gb.example.com" }).BETTER_AUTH_URL).toBe("https://gb.example.com");
    expect(() => parseEnv({ BETTER_AUTH_URL: "gb.example.com" })).toThrow(/BETTER_AUTH_URL/);
    expect(() => parseEnv({ GATEBOARD_RATE_LIMIT_PER_MINUTE: "0" })).toThrow(/GATEBOARD_RATE_LIMIT_PER_MINUTE/);
  });
});
