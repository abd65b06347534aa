import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compareToBaseline, normaliseBaselineEntry } from "./baseline";
import { parseJunitXml, type JunitReport } from "./junit";

function report(xml: string): JunitReport {
  const result = parseJunitXml(xml);
  if (!result.ok) throw new Error(result.error);
  return result.report;
}

function fixture(name: string): JunitReport {
  return report(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), "utf8"));
}

const ids = (cases: readonly { id: string }[]) => cases.map((c) => c.id);

const DEGRADED = "tests.core.unit.domain.test_health::test_readiness_degraded_when_lag_exceeds_threshold";
const ELECTION = "tests.core.integration.docker.test_multi_node_cluster::test_primary_election";
const CATCH_UP = "tests.core.integration.docker.test_multi_node_cluster::test_replica_catches_up";

describe("compareToBaseline", () => {
  const pytest = fixture("pytest-junit.xml");

  it("fails on every failure and error when the baseline is empty", () => {
    const result = compareToBaseline(pytest, []);
    expect(result.pass).toBe(false);
    expect(ids(result.newFailures)).toEqual([DEGRADED, ELECTION, CATCH_UP]);
    expect(result.knownFailures).toEqual([]);
  });

  it("tolerates a whole file recorded as a plan's pre-existing failures, but not a new failure elsewhere", () => {
    const result = compareToBaseline(pytest, ["tests/core/integration/docker/test_multi_node_cluster.py (all failures)"]);
    expect(result.pass).toBe(false);
    expect(ids(result.knownFailures)).toEqual([ELECTION, CATCH_UP]);
    expect(ids(result.newFailures)).toEqual([DEGRADED]);
  });

  it("passes when every failure is known, by pytest node id, exact id or bare name", () => {
    const result = compareToBaseline(pytest, [
      "tests/core/unit/domain/test_health.py::test_readiness_degraded_when_lag_exceeds_threshold",
      ELECTION,
      "test_replica_catches_up",
    ]);
    expect(result.pass).toBe(true);
    expect(ids(result.knownFailures)).toEqual([DEGRADED, ELECTION, CATCH_UP]);
    expect(result.newFailures).toEqual([]);
  });

  it("reports baseline entries that pass now, and entries the report does not contain", () => {
    const result = compareToBaseline(pytest, [
      ELECTION,
      "tests/core/unit/domain/test_health.py::test_liveness_result_is_frozen",
      "tests/test_gone.py::test_removed",
    ]);
    expect(result.fixedSinceBaseline).toEqual(["tests/core/unit/domain/test_health.py::test_liveness_result_is_frozen"]);
    expect(result.notInReport).toEqual(["tests/test_gone.py::test_removed"]);
  });

  it("reads pytest class node ids and relative paths", () => {
    const failing = report(
      `<testsuite name="pytest"><testcase classname="tests.django_adapter.unit.test_middleware.TestForwarding" name="test_write">
       <failure message="x"/></testcase></testsuite>`,
    );
    expect(compareToBaseline(failing, ["tests/django_adapter/unit/test_middleware.py::TestForwarding::test_write"]).pass).toBe(true);
    expect(compareToBaseline(failing, ["unit/test_middleware.py::TestForwarding::test_write"]).pass).toBe(true);
    expect(compareToBaseline(failing, ["test_middleware.py"]).pass).toBe(true);
    expect(compareToBaseline(failing, ["other/test_middleware.py::TestForwarding::test_write"]).pass).toBe(false);
  });

  it("lets one entry cover every parameter of a pytest test, or just one when the entry names it", () => {
    const params = report(
      `<testsuite name="pytest">
        <testcase classname="tests.test_lag" name="test_lag[0]"><failure message="a"/></testcase>
        <testcase classname="tests.test_lag" name="test_lag[30]"><failure message="b"/></testcase>
      </testsuite>`,
    );
    expect(compareToBaseline(params, ["tests/test_lag.py::test_lag"]).pass).toBe(true);
    expect(compareToBaseline(params, ["test_lag"]).pass).toBe(true);
    const one = compareToBaseline(params, ["tests/test_lag.py::test_lag[0]"]);
    expect(ids(one.newFailures)).toEqual(["tests.test_lag::test_lag[30]"]);
  });

  it("does not guess when a bare name or suffix could mean several tests", () => {
    const twins = report(
      `<testsuite name="pytest">
        <testcase classname="tests.a.test_io" name="test_read"><failure message="a"/></testcase>
        <testcase classname="tests.b.test_io" name="test_read"/>
      </testsuite>`,
    );
    for (const entry of ["test_read", "test_io.py::test_read"]) {
      const result = compareToBaseline(twins, [entry]);
      expect(result.pass).toBe(false);
      expect(result.ambiguous).toEqual([entry]);
    }
    expect(compareToBaseline(twins, ["tests/a/test_io.py::test_read"]).pass).toBe(true);
  });

  it("matches suffixes only at a name boundary", () => {
    const single = report(`<testsuite><testcase classname="abc" name="t"><failure/></testcase></testsuite>`);
    expect(compareToBaseline(single, ["bc::t"]).pass).toBe(false);
    expect(compareToBaseline(single, ["abc::t"]).pass).toBe(true);
  });

  it("works with Vitest and jest ids, whole test files and Java's Class#method", () => {
    const vitest = fixture("vitest-junit.xml");
    expect(
      compareToBaseline(vitest, ["wip-policy.test.ts::wip policy > hard limit > refuses the 11th card", "lib/domain/graph/ready-queue.test.ts"])
        .pass,
    ).toBe(true);
    const jest = fixture("jest-junit.xml");
    const jestResult = compareToBaseline(jest, ["BoardColumn::refuses a drop over a hard limit", 'ticketId::rejects "gb-" without a hash']);
    expect(ids(jestResult.newFailures)).toEqual(["Test suite failed to run::lib/domain/audit/hash-chain.test.ts"]);
    const surefire = fixture("surefire-cdata.xml");
    expect(compareToBaseline(surefire, ["ApprovalTest#rejectsSelfApproval", "hardStopNeedsHuman"]).pass).toBe(true);
  });
});

describe("normaliseBaselineEntry", () => {
  it.each([
    ["  - `tests/test_x.py::test_y`  ", "tests/test_x.py::test_y"],
    ["tests/core/integration/docker/test_multi_node_cluster.py (all failures)", "tests/core/integration/docker/test_multi_node_cluster.py"],
    ["./tests/test_x.py", "tests/test_x.py"],
    ["test_y[(1, 2)]", "test_y[(1, 2)]"],
  ])("%j → %j", (raw, expected) => {
    expect(normaliseBaselineEntry(raw)).toBe(expected);
  });
});
