import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_JUNIT_REPORT_CHARS, parseJunitXml } from "./junit";

function fixture(name: string): string {
  return readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), "utf8");
}

function parseError(xml: string) {
  const result = parseJunitXml(xml);
  if (result.ok) throw new Error("expected a parse error");
  return result;
}

describe("parseJunitXml on malformed input", () => {
  it.each([
    ["not-xml.txt", "not an XML document: expected '<' but found '=' at line 1, column 1", 1, 1],
    ["truncated.xml", "unexpected end of input: <failure> opened at line 9, column 13 is not closed at line 10, column 46", 10, 46],
    [
      "mismatched.xml",
      "mismatched closing tag </testsuite>: expected </testcase> (opened at line 4, column 5) at line 5, column 3",
      5,
      3,
    ],
    ["no-testcases.xml", "report contains no <testcase> elements at line 2, column 1", 2, 1],
    ["html-page.xml", "root element is <html>, expected <testsuites> or <testsuite> at line 2, column 1", 2, 1],
    ["bare-ampersand.xml", "unescaped '&' (write &amp; for a literal ampersand) in attribute name at line 3, column 40", 3, 40],
  ])("%s gives a clear error with a position", (name, error, line, column) => {
    expect(parseError(fixture(name))).toEqual({ ok: false, error, line, column });
  });

  it.each([
    ["<testsuite><testcase name='a'></testsuite>", "mismatched closing tag </testsuite>: expected </testcase>"],
    ["<testsuite><testcase name='a'/>", "<testsuite> opened at line 1, column 1 is not closed"],
    ["<testsuite><testcase name='a<b'/></testsuite>", "'<' is not allowed in the value of attribute name"],
    ["<testsuite><testcase name='a></testsuite>", "unterminated value of attribute name in <testcase>"],
    ["<testsuite><testcase name=a/></testsuite>", "expected a quoted value for attribute name"],
    ["<testsuite><testcase name='a' name='b'/></testsuite>", "duplicate attribute name in <testcase>"],
    ["<testsuite><testcase name='a'class='b'/></testsuite>", "expected whitespace, '>' or '/>' in <testcase>"],
    ["<testsuite><testcase name='&nbsp;'/></testsuite>", "unknown or invalid entity &nbsp; in attribute name"],
    ["<testsuite><testcase name='&#0;'/></testsuite>", "unknown or invalid entity &#0;"],
    ["<testsuite><testcase/></testsuite></extra>", "closing tag </extra> has no matching start tag"],
    ["<testsuite><testcase/></testsuite><testsuite/>", "unexpected element <testsuite> after the root element"],
    ["<testsuite><testcase/></testsuite> trailing", "unexpected text after the root element"],
    ["<testsuite><!-- never closed <testcase/></testsuite>", "unclosed comment"],
    ["<testsuite><![CDATA[ open <testcase/></testsuite>", "unclosed CDATA section"],
    ["<?xml version='1.0'", "unclosed processing instruction"],
    ["<testsuite><testcase><testcase/></testcase></testsuite>", "<testcase> is not allowed inside another <testcase>"],
    ["<testsuite>< testcase/></testsuite>", "expected an element name after '<'"],
    ["<testsuite", "unclosed start tag <testsuite>"],
    ["<!-- only a comment -->", "not an XML document: no root element found"],
    ['{"tests": 3}', "not an XML document: expected '<' but found '{'"],
  ])("%s", (xml, message) => {
    const result = parseError(xml);
    expect(result.error).toContain(message);
    expect(result.error).toMatch(/at line \d+, column \d+$/);
  });

  it("reports the line and column of an error deep in a multi-line file", () => {
    const xml = `<testsuite>\n  <testcase name="a"/>\n  <testcase name="b" time=1/>\n</testsuite>`;
    expect(parseError(xml)).toMatchObject({ line: 3, column: 27 });
  });

  it("refuses empty input", () => {
    expect(parseError("  \n")).toEqual({ ok: false, error: "report is empty", line: 1, column: 1 });
  });

  it("refuses reports over 20 MB without scanning them", () => {
    const huge = `<testsuite>${" ".repeat(MAX_JUNIT_REPORT_CHARS)}</testsuite>`;
    expect(parseError(huge).error).toBe("report is too large (20.0 MB; the limit is 20 MB)");
  });

  it("refuses input that is not a string", () => {
    expect(parseJunitXml(undefined as unknown as string)).toEqual({ ok: false, error: "report must be text" });
  });
});
