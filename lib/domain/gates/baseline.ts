import type { JunitCase, JunitReport } from "./junit";

/**
 * Compares a report with a baseline of known failures. Baseline entries are either exact case
 * ids or the loose strings work plans record ("tests/test_x.py::test_y", "test_y",
 * "tests/integration/test_cluster.py (all failures)"). Each entry is resolved against the
 * report in this order, stopping at the first step that finds something:
 *   1. exact case id;
 *   2. "classname::name" suffix (pytest node ids are converted: path/to/mod.py::Class::test
 *      becomes path.to.mod.Class::test; "Class#test" is read as "Class::test");
 *   3. a whole test file or module, when the entry is a path without "::";
 *   4. the test name alone.
 * Steps 2 and 4 must be unambiguous (one test, counting pytest parameters of one test as the
 * same test); an ambiguous entry matches nothing, so a failure it might cover counts as new.
 */

export type BaselineMatch = "exact" | "suffix" | "file" | "name";

export interface BaselineComparison {
  /** No failed or errored case beyond the baseline. */
  pass: boolean;
  newFailures: JunitCase[];
  knownFailures: JunitCase[];
  /** Baseline entries whose tests ran and no longer fail. */
  fixedSinceBaseline: string[];
  /** Baseline entries that match no test in this report (renamed, deleted or not run). */
  notInReport: string[];
  /** Baseline entries that could mean several tests; they excuse nothing until made precise. */
  ambiguous: string[];
}

interface IndexedCase {
  entry: JunitCase;
  // The name without pytest's "[param]" suffix, so one baseline entry covers every parameter.
  baseName: string;
  baseId: string;
}

const PATH_EXTENSIONS = /\.(py|ts|tsx|mts|cts|js|jsx|mjs|cjs|java|kt|rb|go|rs|cs)$/;
const BOUNDARY = new Set([".", "/", "\\", ":", " "]);

function stripParams(name: string): string {
  const bracket = name.indexOf("[");
  return bracket > 0 && name.endsWith("]") ? name.slice(0, bracket) : name;
}

/** Removes the decoration plans put around an entry: list markers, backticks, "(all failures)". */
export function normaliseBaselineEntry(raw: string): string {
  let entry = raw.trim().replace(/^[-*+]\s+/, "");
  entry = entry.replace(/\s+\([^()]*\)$/, "").trim();
  if (entry.startsWith("`") && entry.endsWith("`") && entry.length >= 2) entry = entry.slice(1, -1).trim();
  return entry.replace(/^\.\//, "");
}

function endsWithAtBoundary(full: string, suffix: string): boolean {
  if (full === suffix) return true;
  if (suffix === "" || !full.endsWith(suffix)) return false;
  const before = full[full.length - suffix.length - 1];
  return before !== undefined && BOUNDARY.has(before);
}

function pythonModule(path: string): string {
  return path.replace(/\.py$/, "").replace(/[\\/]/g, ".");
}

// Turns the forms people write into the "classname::name" shape of case ids.
function qualifiedCandidates(entry: string): string[] {
  const hashed = !entry.includes("::") && /^[^\s#]+#[^#]+$/.test(entry) ? entry.replace("#", "::") : entry;
  const parts = hashed.split("::");
  const first = parts[0] ?? "";
  if (parts.length >= 2 && first.endsWith(".py")) {
    const name = parts.at(-1) ?? "";
    const classname = [pythonModule(first), ...parts.slice(1, -1)].join(".");
    return [`${classname}::${name}`, hashed];
  }
  return [hashed];
}

function distinctBy(cases: readonly IndexedCase[], key: (c: IndexedCase) => string): number {
  return new Set(cases.map(key)).size;
}

function resolveQualified(entry: string, cases: readonly IndexedCase[]): IndexedCase[] | "ambiguous" {
  for (const candidate of qualifiedCandidates(entry)) {
    const hasParams = candidate.endsWith("]");
    const matches = cases.filter((c) => endsWithAtBoundary(hasParams ? c.entry.id : c.baseId, candidate));
    if (matches.length === 0) continue;
    return distinctBy(matches, (c) => (hasParams ? c.entry.id : c.baseId)) === 1 ? matches : "ambiguous";
  }
  return [];
}

// pytest classnames are "pkg.module" or "pkg.module.Class"; a relative path may omit leading packages.
function ownerIsInModule(owner: string, moduleName: string): boolean {
  return (
    owner === moduleName ||
    owner.startsWith(`${moduleName}.`) ||
    owner.endsWith(`.${moduleName}`) ||
    owner.includes(`.${moduleName}.`)
  );
}

function resolveFile(entry: string, cases: readonly IndexedCase[]): IndexedCase[] {
  const moduleName = entry.endsWith(".py") ? pythonModule(entry) : undefined;
  return cases.filter(({ entry: c }) =>
    [c.classname, c.suite].some(
      (owner) => owner !== "" && (endsWithAtBoundary(owner, entry) || (moduleName !== undefined && ownerIsInModule(owner, moduleName))),
    ),
  );
}

function resolveEntry(
  entry: string,
  cases: readonly IndexedCase[],
  byId: ReadonlyMap<string, IndexedCase[]>,
): { match: BaselineMatch; cases: IndexedCase[] } | "ambiguous" | null {
  const exact = byId.get(entry);
  if (exact !== undefined) return { match: "exact", cases: exact };

  const qualified = resolveQualified(entry, cases);
  if (qualified === "ambiguous") return "ambiguous";
  if (qualified.length > 0) return { match: "suffix", cases: qualified };

  const isPath = !entry.includes("::") && (entry.includes("/") || PATH_EXTENSIONS.test(entry));
  if (isPath) {
    const inFile = resolveFile(entry, cases);
    if (inFile.length > 0) return { match: "file", cases: inFile };
    return null;
  }

  const hasParams = entry.endsWith("]");
  const byName = cases.filter((c) => (hasParams ? c.entry.name : c.baseName) === entry);
  if (byName.length === 0) return null;
  return distinctBy(byName, (c) => (hasParams ? c.entry.id : c.baseId)) === 1 ? { match: "name", cases: byName } : "ambiguous";
}

function isFailing(entry: JunitCase): boolean {
  return entry.status === "failed" || entry.status === "error";
}

export function compareToBaseline(report: JunitReport, baseline: readonly string[]): BaselineComparison {
  const cases: IndexedCase[] = report.cases.map((entry) => {
    const baseName = stripParams(entry.name);
    const owner = entry.classname || entry.suite;
    return { entry, baseName, baseId: `${owner}::${baseName}` };
  });
  const byId = new Map<string, IndexedCase[]>();
  for (const c of cases) {
    const same = byId.get(c.entry.id);
    if (same === undefined) byId.set(c.entry.id, [c]);
    else same.push(c);
  }

  const excused = new Set<JunitCase>();
  const fixedSinceBaseline: string[] = [];
  const notInReport: string[] = [];
  const ambiguous: string[] = [];
  for (const raw of new Set(baseline)) {
    const entry = normaliseBaselineEntry(raw);
    if (entry === "") continue;
    const resolved = resolveEntry(entry, cases, byId);
    if (resolved === "ambiguous") ambiguous.push(raw);
    else if (resolved === null) notInReport.push(raw);
    else {
      const failing = resolved.cases.filter((c) => isFailing(c.entry));
      for (const c of failing) excused.add(c.entry);
      if (failing.length === 0) fixedSinceBaseline.push(raw);
    }
  }

  const newFailures: JunitCase[] = [];
  const knownFailures: JunitCase[] = [];
  for (const entry of report.cases) {
    if (!isFailing(entry)) continue;
    (excused.has(entry) ? knownFailures : newFailures).push(entry);
  }
  return { pass: newFailures.length === 0, newFailures, knownFailures, fixedSinceBaseline, notInReport, ambiguous };
}
