import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseJunitXml } from "./junit";

// Fragments that steer random strings towards the parser's interesting paths.
const fragment = fc.constantFrom(
  "<testsuites>",
  "</testsuites>",
  "<testsuite name='s'>",
  "</testsuite>",
  '<testcase classname="c" name="n">',
  "<testcase/>",
  "</testcase>",
  "<failure message='m'>",
  "</failure>",
  "<skipped/>",
  "<error/>",
  "<![CDATA[",
  "]]>",
  "<!--",
  "-->",
  "<?xml version='1.0'?>",
  "<!DOCTYPE x [",
  "]>",
  "&amp;",
  "&#x1F600;",
  "&#xD800;",
  "&",
  ";",
  "<",
  ">",
  "/>",
  "'",
  '"',
  "=",
  "\n",
  " ",
);

function expectWellFormedResult(input: string): void {
  const result = parseJunitXml(input);
  if (result.ok) {
    const { report } = result;
    expect(report.tests).toBe(report.cases.length);
    expect(report.passed + report.failures + report.errors + report.skipped).toBe(report.tests);
  } else {
    expect(result.error).toBeTypeOf("string");
    expect(result.error.length).toBeGreaterThan(0);
  }
}

describe("parseJunitXml never throws", () => {
  it("on arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), expectWellFormedResult), { numRuns: 2000 });
  });

  it("on strings built from XML and JUnit fragments", () => {
    const xmlish = fc
      .array(fc.oneof(fragment, fc.string({ maxLength: 5 })), { maxLength: 60 })
      .map((parts) => parts.join(""));
    fc.assert(fc.property(xmlish, expectWellFormedResult), { numRuns: 3000 });
  });
});
