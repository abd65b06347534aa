import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseJunitXml, type JunitReport } from "./junit";

function fixture(name: string): string {
  return readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), "utf8");
}

function parseOk(xml: string): JunitReport {
  const result = parseJunitXml(xml);
  if (!result.ok) throw new Error(`expected a report, got: ${result.error}`);
  return result.report;
}

function counts(report: JunitReport) {
  const { tests, failures, errors, skipped, passed, durationSec } = report;
  return { tests, failures, errors, skipped, passed, durationSec };
}

describe("parseJunitXml on real-world reports", () => {
  it("reads pytest --junitxml output", () => {
    const report = parseOk(fixture("pytest-junit.xml"));
    expect(counts(report)).toEqual({ tests: 8, failures: 2, errors: 1, skipped: 1, passed: 4, durationSec: 3.412 });
    expect(report.warnings).toEqual([]);
    const byId = new Map(report.cases.map((c) => [c.id, c]));
    expect(byId.get("tests.core.unit.domain.test_health::test_readiness_degraded_when_lag_exceeds_threshold")).toMatchObject({
      suite: "pytest",
      classname: "tests.core.unit.domain.test_health",
      name: "test_readiness_degraded_when_lag_exceeds_threshold",
      status: "failed",
      timeSec: 0.004,
    });
    expect(byId.get("tests.core.unit.domain.test_health::test_readiness_degraded_when_lag_exceeds_threshold")?.message).toBe(
      "AssertionError: assert <HealthStatus.HEALTHY: 'healthy'> == <HealthStatus.DEGRADED: 'degraded'>\n" +
        " +  where <HealthStatus.HEALTHY: 'healthy'> = ReadinessResult(lag_seconds=45, threshold=30).status",
    );
    expect(byId.get("tests.core.integration.docker.test_multi_node_cluster::test_replica_catches_up")).toMatchObject({
      status: "error",
      message: expect.stringMatching(/^failed on setup with "docker\.errors\.DockerException/),
    });
    expect(byId.get("tests.django_adapter.unit.test_middleware::test_forwarding_disabled_on_replica")).toMatchObject({
      status: "skipped",
      message: "requires LiteFS FUSE mount",
    });
    expect(byId.get("tests.core.unit.domain.test_health::test_readiness_result_reports_lag[30]")?.status).toBe("passed");
    expect(byId.get("tests.django_adapter.unit.test_middleware.TestForwarding::test_write_forwarded_to_primary")).toMatchObject({
      status: "passed",
    });
  });

  it("reads jest-junit output, taking a failure's message from its stack text", () => {
    const report = parseOk(fixture("jest-junit.xml"));
    expect(counts(report)).toEqual({ tests: 8, failures: 2, errors: 1, skipped: 1, passed: 4, durationSec: 4.187 });
    expect(report.warnings).toEqual([]);
    expect(report.cases.map((c) => c.suite)).toEqual([
      "BoardColumn",
      "BoardColumn",
      "BoardColumn",
      "BoardColumn",
      "ticketId",
      "ticketId",
      "ticketId",
      "lib/domain/audit/hash-chain.test.ts",
    ]);
    expect(report.cases[2]).toMatchObject({
      id: "BoardColumn::refuses a drop over a hard limit",
      status: "failed",
      message: "Error: expect(received).toHaveTextContent()",
    });
    expect(report.cases[4]?.name).toBe("parses child ids & keeps the prefix");
    expect(report.cases[5]?.id).toBe('ticketId::rejects "gb-" without a hash');
    expect(report.cases[6]?.name).toBe("sorts children numerically (gb-a3f8.2 < gb-a3f8.10)");
    expect(report.cases[7]).toMatchObject({ status: "error", message: "● Test suite failed to run" });
  });

  it("reads Vitest's junit reporter output", () => {
    const report = parseOk(fixture("vitest-junit.xml"));
    expect(counts(report)).toEqual({ tests: 9, failures: 2, errors: 0, skipped: 1, passed: 6, durationSec: 1.284 });
    expect(report.warnings).toEqual([]);
    expect(report.cases.filter((c) => c.status === "failed").map((c) => c.id)).toEqual([
      "lib/domain/wip/wip-policy.test.ts::wip policy > hard limit > refuses the 11th card",
      "lib/domain/graph/ready-queue.test.ts::ready queue > conditional-blocks unblocks on failure",
    ]);
    expect(report.cases[2]?.message).toBe("expected true to be false // Object.is equality");
    expect(report.cases[7]?.message).toBe("expected [ 'gb-a3f8.2' ] to deeply equal [ 'gb-a3f8.2', 'gb-a3f8.3' ]");
    expect(report.cases[3]).toMatchObject({ name: "wip policy > none > never refuses", status: "skipped" });
    expect(report.cases[3]).not.toHaveProperty("message");
  });

  it("reads a single-suite surefire report: DOCTYPE, comments, single quotes, CDATA, reruns", () => {
    const report = parseOk(fixture("surefire-cdata.xml"));
    expect(counts(report)).toEqual({ tests: 5, failures: 2, errors: 0, skipped: 0, passed: 3, durationSec: 2.05 });
    expect(report.cases.map((c) => [c.name, c.status])).toEqual([
      ["countsDistinctReviewers", "passed"],
      ["rejectsSelfApproval", "failed"],
      ["parsesEntities \u2013 \u2014 <ok>", "passed"],
      // A <flakyFailure> records a retry; the test itself passed.
      ["flakyNetworkCall", "passed"],
      ["hardStopNeedsHuman", "failed"],
    ]);
    expect(report.cases[1]?.message).toBe("org.opentest4j.AssertionFailedError: expected: <false> but was: <true>");
    expect(report.cases[4]?.message).toBe('HARD STOP & "automation" must not satisfy');
    expect(report.cases[0]?.suite).toBe("com.example.gate.ApprovalTest");
  });
});

describe("parseJunitXml details", () => {
  it("decodes entities, character references and CDATA, and normalises attribute whitespace", () => {
    const report = parseOk(
      `<testsuite name="s"><testcase classname="a&amp;b" name="x&#x41;&#66;&lt;&gt;&quot;&apos;
      y"><failure><![CDATA[<not markup> & raw]]> tail</failure></testcase></testsuite>`,
    );
    expect(report.cases[0]).toMatchObject({ classname: "a&b", name: "xAB<>\"'       y", message: "<not markup> & raw tail" });
  });

  it("counts from the test cases and warns when summary attributes disagree", () => {
    const report = parseOk(
      `<testsuites tests="10" failures="0"><testsuite name="s" tests="2" errors="0">
        <testcase classname="c" name="a"/><testcase classname="c" name="b"><error message="boom"/></testcase>
      </testsuite></testsuites>`,
    );
    expect(counts(report)).toMatchObject({ tests: 2, failures: 0, errors: 1, passed: 1 });
    expect(report.warnings).toEqual([
      '<testsuite name="s"> declares errors="0" but contains 1',
      '<testsuites> declares tests="10" but contains 2',
    ]);
  });

  it("uses the innermost suite for nested suites and falls back to it when classname is missing", () => {
    const report = parseOk(
      `<testsuites><testsuite name="outer" time="1.5"><testsuite name="inner" tests="1" time="1.5">
        <testcase name="solo" time="0.25"/></testsuite><testcase name="top"/></testsuite>
        <testsuite name="second" time="0.5"><testcase classname="k" name="z"/></testsuite></testsuites>`,
    );
    expect(report.cases.map((c) => [c.id, c.suite])).toEqual([
      ["inner::solo", "inner"],
      ["outer::top", "outer"],
      ["k::z", "second"],
    ]);
    expect(report.durationSec).toBe(2);
    expect(report.warnings).toEqual([]);
  });

  it("ranks error over failure over skipped when a case has several outcomes", () => {
    const report = parseOk(
      `<testsuite name="s"><testcase classname="c" name="t"><failure message="assert"/><error message="teardown"/></testcase>
       <testcase classname="c" name="u" status="notrun"/></testsuite>`,
    );
    expect(report.cases.map((c) => [c.status, c.message])).toEqual([
      ["error", "teardown"],
      ["skipped", undefined],
    ]);
  });

  it("warns about duplicate ids because baselines cannot tell them apart", () => {
    const report = parseOk(`<testsuite name="s"><testcase classname="c" name="t"/><testcase classname="c" name="t"/></testsuite>`);
    expect(report.tests).toBe(2);
    expect(report.warnings).toEqual(['test id "c::t" appears 2 times; baselines cannot tell these cases apart']);
  });

  it("accepts a byte-order mark, an XML declaration and processing instructions", () => {
    const report = parseOk(`\uFEFF<?xml version="1.0"?>\n<?xml-stylesheet href="x.xsl"?>\n<testsuite><testcase name="t"/></testsuite>\n<!-- done -->\n`);
    expect(report.cases[0]).toMatchObject({ id: "::t", status: "passed" });
  });

  it("truncates very long messages", () => {
    const report = parseOk(`<testsuite><testcase name="t"><failure message="${"x".repeat(5000)}"/></testcase></testsuite>`);
    expect(report.cases[0]?.message).toHaveLength(1000);
  });
});
