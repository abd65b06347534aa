import type { TestsGateSpec } from "@/lib/schemas/gate";
import { compareToBaseline } from "./baseline";
import type { GateEvidence, TestGateSummary } from "./gate-evidence";
import { formatList, plural, withArticle } from "./gate-wording";
import { latestArtifact } from "./latest-artifact";

export interface TestsGateResult {
  needs: string[];
  summary?: TestGateSummary;
}

/**
 * Judges the latest report of the gate's artifact kind. With allowBaseline and a recorded
 * baseline (even an empty one), failures listed there are tolerated; otherwise every failed or
 * errored case blocks. A report where nothing passed never satisfies the gate: an all-skipped
 * run proves nothing.
 */
export function evaluateTestsGate(spec: TestsGateSpec, evidence: GateEvidence): TestsGateResult {
  const artifact = latestArtifact(evidence.artifacts, spec.artifact);
  if (artifact === undefined) return { needs: [`attach ${withArticle(spec.artifact)} test report`] };
  if (artifact.junit === undefined) {
    return { needs: [`tests: the latest ${spec.artifact} artifact (${artifact.id}) is not a parsed JUnit XML report`] };
  }
  if (!artifact.junit.ok) {
    return {
      needs: [`tests: the latest ${spec.artifact} report (${artifact.id}) could not be read: ${artifact.junit.error}`],
    };
  }

  const report = artifact.junit.report;
  const baselineUsed = spec.allowBaseline && evidence.baseline != null;
  const comparison = compareToBaseline(report, baselineUsed ? (evidence.baseline ?? []) : []);
  const summary: TestGateSummary = {
    artifactId: artifact.id,
    tests: report.tests,
    failures: report.failures,
    errors: report.errors,
    skipped: report.skipped,
    passed: report.passed,
    ...(report.durationSec !== undefined ? { durationSec: report.durationSec } : {}),
    baselineUsed,
    newFailures: comparison.newFailures.map((c) => c.id),
    knownFailures: comparison.knownFailures.map((c) => c.id),
    fixedSinceBaseline: comparison.fixedSinceBaseline,
    warnings: report.warnings,
  };

  const needs: string[] = [];
  if (!comparison.pass) {
    const what = baselineUsed
      ? `${plural(comparison.newFailures.length, "new failure")} beyond baseline`
      : plural(comparison.newFailures.length, "failing test");
    needs.push(`tests: ${what}: ${formatList(summary.newFailures)}`);
  }
  if (report.passed === 0) {
    needs.push(`tests: no test passed in report ${artifact.id} (${plural(report.skipped, "skipped test")})`);
  }
  return { needs, summary };
}
