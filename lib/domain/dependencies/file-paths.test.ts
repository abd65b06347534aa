import { describe, expect, it } from "vitest";
import { normaliseFilePath, pathAndAncestors, pathsOverlap } from "./file-paths";

describe("normaliseFilePath", () => {
  it.each([
    ["./src/a/", "src/a"],
    ["src\\a\\b.ts", "src/a/b.ts"],
    ["src//a/./b.ts", "src/a/b.ts"],
    ["  lib/x.ts ", "lib/x.ts"],
    ["/abs/path/", "/abs/path"],
    ["./", ""],
    ["/", ""],
  ])("%j → %j", (input, expected) => {
    expect(normaliseFilePath(input)).toBe(expected);
  });
});

describe("pathsOverlap", () => {
  it("matches exact paths and directory prefixes, not name prefixes", () => {
    expect(pathsOverlap("src/a", "src/a")).toBe(true);
    expect(pathsOverlap("src/a", "src/a/b.ts")).toBe(true);
    expect(pathsOverlap("src/a/b.ts", "src/a")).toBe(true);
    expect(pathsOverlap("src/a", "src/ab.ts")).toBe(false);
    expect(pathsOverlap("src/a/b.ts", "src/a/c.ts")).toBe(false);
  });
});

describe("pathAndAncestors", () => {
  it("lists the path then each containing directory", () => {
    expect(pathAndAncestors("a/b/c.ts")).toEqual(["a/b/c.ts", "a/b", "a"]);
    expect(pathAndAncestors("/x/y")).toEqual(["/x/y", "/x"]);
  });
});
