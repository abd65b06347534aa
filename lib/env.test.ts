import { describe, expect, it } from "vitest";
import { EnvError, databaseKind, parseEnv } from "./env";

describe("parseEnv", () => {
  it("defaults to the embedded SQLite file and port 3000", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe("file:./data/gateboard.db");
    expect(databaseKind(env.DATABASE_URL)).toBe("sqlite");
    expect(env.PORT).toBe(3000);
    expect(env.GATEBOARD_DEMO_SEED).toBe("auto");
  });

  it("treats an empty value like an unset one", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });

  it("accepts PostgreSQL URLs and coerces numbers", () => {
    const env = parseEnv({ DATABASE_URL: "postgresql://u@127.0.0.1:5432/gb", PORT: "8080", PG_POOL_MAX: "20" });
    expect(databaseKind(env.DATABASE_URL)).toBe("postgresql");
    expect(env.PORT).toBe(8080);
    expect(env.PG_POOL_MAX).toBe(20);
  });

  it("stops with a message naming each bad variable and its value", () => {
    let error: unknown;
    try {
      parseEnv({ DATABASE_URL: "mysql://localhost/x", PORT: "eighty", GATEBOARD_DEMO_SEED: "yes" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    expect(message).toContain('DATABASE_URL (got "mysql://localhost/x"): must start with file: (SQLite) or postgresql:// (PostgreSQL)');
    expect(message).toMatch(/PORT \(got "eighty"\): /);
    expect(message).toMatch(/GATEBOARD_DEMO_SEED \(got "yes"\): .*auto.*never/);
    expect(message).toContain(".env.example");
  });

  it("refuses a file: URL without a path and an out-of-range port", () => {
    expect(() => parseEnv({ DATABASE_URL: "file:" })).toThrow(/DATABASE_URL .*file: needs a path/);
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/PORT \(got "70000"\)/);
  });
});
