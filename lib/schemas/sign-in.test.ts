import { describe, expect, it } from "vitest";
import { safeNextPath, signInSchema } from "./sign-in";

describe("safeNextPath", () => {
  it("keeps paths on this site", () => {
    expect(safeNextPath("/boards/gb")).toBe("/boards/gb");
    expect(safeNextPath("/admin/users?x=1")).toBe("/admin/users?x=1");
  });

  it("refuses anything that could leave the site, and loops back to sign-in", () => {
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "evil", "", null, undefined, "/sign-in?next=/", "/api/v1/me"]) {
      expect(safeNextPath(bad)).toBe("/");
    }
  });
});

describe("signInSchema", () => {
  it("normalises the email and says what is missing", () => {
    expect(signInSchema.parse({ email: " Lead@Gateboard.Local ", password: "x" }).email).toBe("lead@gateboard.local");
    const result = signInSchema.safeParse({ email: "nope", password: "" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(["Enter the email address you were invited with", "Enter your password"]);
  });
});
