import { describe, expect, it } from "vitest";
import { detectArtifactFormat } from "@/cli/artifact-format";

describe("detectArtifactFormat", () => {
  it("knows a JUnit report by its root element, after a BOM, declaration, comments and doctype", () => {
    expect(detectArtifactFormat('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites tests="3"><testsuite name="a"/></testsuites>')).toBe("junit");
    expect(detectArtifactFormat('\uFEFF<!-- vitest -->\n<testsuite name="unit" tests="1"><testcase name="x"/></testsuite>')).toBe("junit");
    expect(detectArtifactFormat('<?xml version="1.0"?><!DOCTYPE testsuites><ns:testsuites/>')).toBe("junit");
  });

  it("treats other XML as text: it is evidence, not a test report", () => {
    expect(detectArtifactFormat('<?xml version="1.0"?><coverage line-rate="0.9"/>')).toBe("text");
    expect(detectArtifactFormat("<testsuitesummary/>")).toBe("text");
  });

  it("knows JSON when the whole file parses as an object or an array", () => {
    expect(detectArtifactFormat('  {"errors": 0, "files": 12}\n')).toBe("json");
    expect(detectArtifactFormat("[1, 2]")).toBe("json");
    expect(detectArtifactFormat('{"cut off": ')).toBe("text");
  });

  it("falls back to text for logs, Markdown and bare JSON scalars", () => {
    expect(detectArtifactFormat("tsc: 0 errors\n")).toBe("text");
    expect(detectArtifactFormat("# Review notes\n- looks good")).toBe("text");
    expect(detectArtifactFormat("42")).toBe("text");
  });
});
