import { lineColumnAt, scanXml, type XmlAttributes } from "./xml-scanner";

export type JunitCaseStatus = "passed" | "failed" | "error" | "skipped";

export interface JunitCase {
  /** "classname::name", or "suite::name" when the report has no classname. Baselines key on it. */
  id: string;
  suite: string;
  classname: string;
  name: string;
  status: JunitCaseStatus;
  message?: string;
  timeSec?: number;
}

export interface JunitReport {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  passed: number;
  durationSec?: number;
  cases: JunitCase[];
  /** Non-fatal oddities, e.g. summary attributes that disagree with the test cases. */
  warnings: string[];
}

export type JunitParseError = { ok: false; error: string; line?: number; column?: number };
export type JunitParseResult = { ok: true; report: JunitReport } | JunitParseError;

export const MAX_JUNIT_REPORT_CHARS = 20 * 1024 * 1024;
const MAX_MESSAGE_CHARS = 1000;
const MAX_WARNINGS = 20;

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

interface SuiteFrame {
  element: string;
  name: string;
  offset: number;
  attributes: XmlAttributes;
  // Innermost <testsuite> name, inherited through <testsuites> wrappers, so a case finds it in O(1).
  suiteName: string;
  counted: Counts;
  // Sum of direct child suites' time, used when the root omits its own time.
  childTimeSec: number | undefined;
}

interface CaseBuilder {
  suite: string;
  classname: string;
  name: string;
  timeSec: number | undefined;
  depth: number;
  failure: boolean;
  error: boolean;
  skipped: boolean;
  message: string | undefined;
  messageSeverity: number;
}

interface Capture {
  depth: number;
  severity: number;
  text: string;
}

// Higher is worse; the message shown is the first one of the worst outcome.
const RESULT_SEVERITY: ReadonlyMap<string, number> = new Map([
  ["skipped", 1],
  ["failure", 2],
  ["error", 3],
]);
const SKIPPED_STATUS_VALUES = new Set(["skipped", "skip", "notrun", "disabled", "ignored"]);

function emptyCounts(): Counts {
  return { tests: 0, failures: 0, errors: 0, skipped: 0 };
}

function parseSeconds(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  // Some reporters write "1,234.5" for long runs.
  const value = Number(raw.replace(/,/g, "").trim());
  return raw.trim() !== "" && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function parseCount(raw: string | undefined): number | undefined {
  if (raw === undefined || !/^\s*\d{1,9}\s*$/.test(raw)) return undefined;
  return Number(raw);
}

function truncate(text: string): string {
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS - 1)}…` : text;
}

function firstLine(text: string): string | undefined {
  for (const line of text.split("\n", 50)) {
    const trimmed = line.trim();
    if (trimmed !== "") return trimmed;
  }
  return undefined;
}

function statusOf(builder: CaseBuilder): JunitCaseStatus {
  // pytest can attach both <failure> and a teardown <error> to one case; the error is the worse news.
  if (builder.error) return "error";
  if (builder.failure) return "failed";
  if (builder.skipped) return "skipped";
  return "passed";
}

function addCounts(into: Counts, from: Counts): void {
  into.tests += from.tests;
  into.failures += from.failures;
  into.errors += from.errors;
  into.skipped += from.skipped;
}

function compareDeclared(frame: SuiteFrame, warn: (message: string) => void): void {
  const checks: Array<[string, number]> = [
    ["tests", frame.counted.tests],
    ["failures", frame.counted.failures],
    ["errors", frame.counted.errors],
    ["skipped", frame.counted.skipped],
  ];
  for (const [attribute, counted] of checks) {
    const declared = parseCount(frame.attributes.get(attribute));
    if (declared !== undefined && declared !== counted) {
      const label = frame.name === "" ? `<${frame.element}>` : `<${frame.element} name="${frame.name}">`;
      warn(`${label} declares ${attribute}="${declared}" but contains ${counted}`);
    }
  }
}

function errorAt(input: string, message: string, offset: number): JunitParseError {
  const { line, column } = lineColumnAt(input, offset);
  return { ok: false, error: `${message} at line ${line}, column ${column}`, line, column };
}

/**
 * Parses a JUnit XML report. Counts come from the test cases themselves; summary attributes
 * are only cross-checked (into warnings) because reporters disagree on what they mean.
 * Never throws: every problem with the input is returned as an error value with a position.
 */
export function parseJunitXml(input: string): JunitParseResult {
  if (typeof input !== "string") return { ok: false, error: "report must be text" };
  if (input.length > MAX_JUNIT_REPORT_CHARS) {
    const megabytes = (input.length / (1024 * 1024)).toFixed(1);
    return { ok: false, error: `report is too large (${megabytes} MB; the limit is 20 MB)` };
  }
  if (input.trim() === "") return { ok: false, error: "report is empty", line: 1, column: 1 };

  const cases: JunitCase[] = [];
  const warnings: string[] = [];
  const warn = (message: string): void => {
    if (warnings.length < MAX_WARNINGS) warnings.push(message);
    else if (warnings.length === MAX_WARNINGS) warnings.push("further warnings omitted");
  };
  const suites: SuiteFrame[] = [];
  let root: SuiteFrame | undefined;
  let topLevelSuiteTime: number | undefined;
  let caseTimeTotal: number | undefined;
  let current: CaseBuilder | undefined;
  let capture: Capture | undefined;
  let depth = 0;

  const scanError = scanXml(input, {
    open(name, attributes, offset) {
      depth++;
      if (depth === 1 && name !== "testsuites" && name !== "testsuite") {
        return `root element is <${name}>, expected <testsuites> or <testsuite>`;
      }
      if (name === "testsuites" || name === "testsuite") {
        if (current !== undefined) return `<${name}> is not allowed inside <testcase>`;
        const suiteName = attributes.get("name") ?? "";
        const frame: SuiteFrame = {
          element: name,
          name: suiteName,
          offset,
          attributes,
          suiteName: name === "testsuite" ? suiteName : (suites.at(-1)?.suiteName ?? ""),
          counted: emptyCounts(),
          childTimeSec: undefined,
        };
        if (depth === 1) root = frame;
        suites.push(frame);
        return;
      }
      if (name === "testcase") {
        if (current !== undefined) return "<testcase> is not allowed inside another <testcase>";
        const status = attributes.get("status")?.trim().toLowerCase();
        current = {
          suite: suites.at(-1)?.suiteName ?? "",
          classname: attributes.get("classname") ?? attributes.get("class") ?? "",
          name: attributes.get("name") ?? "",
          timeSec: parseSeconds(attributes.get("time")),
          depth,
          failure: false,
          error: false,
          skipped: status !== undefined && SKIPPED_STATUS_VALUES.has(status),
          message: undefined,
          messageSeverity: 0,
        };
        return;
      }
      // Only direct children decide the outcome: surefire's <rerunFailure>/<flakyFailure> describe retries.
      const severity = RESULT_SEVERITY.get(name);
      if (current !== undefined && depth === current.depth + 1 && severity !== undefined) {
        if (name === "failure") current.failure = true;
        else if (name === "error") current.error = true;
        else current.skipped = true;
        if (severity <= current.messageSeverity) return;
        const message = attributes.get("message")?.trim();
        if (message !== undefined && message !== "") {
          current.message = truncate(message);
          current.messageSeverity = severity;
        } else {
          // No message attribute: fall back to the first line of the element's text (stack trace, reason).
          capture = { depth, severity, text: "" };
        }
      }
    },
    text(value) {
      if (capture !== undefined && capture.text.length < MAX_MESSAGE_CHARS * 4) capture.text += value;
    },
    close(name) {
      if (capture !== undefined && depth === capture.depth) {
        const line = firstLine(capture.text);
        if (current !== undefined && line !== undefined && capture.severity > current.messageSeverity) {
          current.message = truncate(line);
          current.messageSeverity = capture.severity;
        }
        capture = undefined;
      }
      if (current !== undefined && depth === current.depth && name === "testcase") {
        const builder = current;
        current = undefined;
        const status = statusOf(builder);
        const caseEntry: JunitCase = {
          id: `${builder.classname || builder.suite}::${builder.name}`,
          suite: builder.suite,
          classname: builder.classname,
          name: builder.name,
          status,
          ...(builder.message !== undefined && status !== "passed" ? { message: builder.message } : {}),
          ...(builder.timeSec !== undefined ? { timeSec: builder.timeSec } : {}),
        };
        cases.push(caseEntry);
        if (builder.timeSec !== undefined) caseTimeTotal = (caseTimeTotal ?? 0) + builder.timeSec;
        const counted = suites.at(-1)?.counted;
        if (counted !== undefined) {
          counted.tests++;
          if (status === "failed") counted.failures++;
          else if (status === "error") counted.errors++;
          else if (status === "skipped") counted.skipped++;
        }
      } else if (name === "testsuites" || name === "testsuite") {
        const frame = suites.pop();
        if (frame !== undefined) {
          compareDeclared(frame, warn);
          const parent = suites.at(-1);
          const time = parseSeconds(frame.attributes.get("time")) ?? frame.childTimeSec;
          if (parent !== undefined) {
            addCounts(parent.counted, frame.counted);
            if (time !== undefined) parent.childTimeSec = (parent.childTimeSec ?? 0) + time;
          } else {
            topLevelSuiteTime = time;
          }
        }
      }
      depth--;
    },
  });

  if (scanError !== null) return errorAt(input, scanError.message, scanError.offset);
  if (cases.length === 0) {
    const where = root === undefined ? 0 : root.offset;
    return errorAt(input, "report contains no <testcase> elements", where);
  }

  const seen = new Map<string, number>();
  for (const entry of cases) seen.set(entry.id, (seen.get(entry.id) ?? 0) + 1);
  for (const [id, count] of seen) {
    if (count > 1) warn(`test id "${id}" appears ${count} times; baselines cannot tell these cases apart`);
  }

  const failures = cases.filter((entry) => entry.status === "failed").length;
  const errors = cases.filter((entry) => entry.status === "error").length;
  const skipped = cases.filter((entry) => entry.status === "skipped").length;
  const durationSec = topLevelSuiteTime ?? caseTimeTotal;
  return {
    ok: true,
    report: {
      tests: cases.length,
      failures,
      errors,
      skipped,
      passed: cases.length - failures - errors - skipped,
      ...(durationSec !== undefined ? { durationSec: Math.round(durationSec * 1000) / 1000 } : {}),
      cases,
      warnings,
    },
  };
}
