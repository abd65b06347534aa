// Number extraction for the metrics panel. Orchestrators write counts in many ways
// ("146/146", "All 141 tests passing", "107 tests executed"); these helpers read the common ones.

export interface TestCounts {
  passed: number;
  total: number | null;
}

const RATIO = /(\d[\d,]*)\s*\/\s*(\d[\d,]*)/g;

function num(text: string): number {
  return Number(text.replace(/,/g, ""));
}

/** Counts in one line of text about tests, or null. */
export function readTestCountsInLine(line: string): TestCounts | null {
  const text = line.replace(/\*\*|__/g, "");
  if (!/\btests?\b|\bpass/i.test(text)) return null;
  for (const m of text.matchAll(RATIO)) {
    const after = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 24);
    // "(1/5 components)" is not a test count.
    if (/^\s*(?:components?|tasks?|phases?|files?|steps?|roles?)\b/i.test(after)) continue;
    if (m[1] && m[2]) return { passed: num(m[1]), total: num(m[2]) };
  }
  const all = /\ball\s+(\d[\d,]*)\s+(?:[\w-]+\s+)?tests?\s+(?:are\s+)?pass/i.exec(text);
  if (all?.[1]) return { passed: num(all[1]), total: num(all[1]) };
  const passed = /(\d[\d,]*)\s+(?:[\w-]+\s+)?(?:tests?\s+)?passed\b|(\d[\d,]*)\s+tests?\s+passing\b/i.exec(text);
  const n = passed?.[1] ?? passed?.[2];
  return n ? { passed: num(n), total: null } : null;
}

/** The ratio with the largest total among the lines (the overall figure, not one phase's). */
export function readOverallTestCounts(lines: string[]): TestCounts | null {
  const counts = lines.map(readTestCountsInLine).filter((c): c is TestCounts => c !== null);
  const ratios = counts.filter((c) => c.total !== null);
  const pool = ratios.length > 0 ? ratios : counts;
  return pool.reduce<TestCounts | null>((best, c) => (best === null || (c.total ?? c.passed) > (best.total ?? best.passed) ? c : best), null);
}

const UNIT_MINUTES: [RegExp, number][] = [
  [/^d(?:ays?)?$/, 24 * 60],
  [/^h(?:rs?|ours?)?$/, 60],
  [/^m(?:in(?:ute)?s?)?$/, 1],
  [/^s(?:ec(?:ond)?s?)?$/, 1 / 60],
];

/** "~2 hours", "1h 30m", "21.75 seconds" → minutes; null when no unit is recognised. */
export function durationToMinutes(text: string): number | null {
  let total = 0;
  let found = false;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)\s*([a-z]+)/gi)) {
    const unit = (m[2] ?? "").toLowerCase();
    const factor = UNIT_MINUTES.find(([re]) => re.test(unit))?.[1];
    if (factor === undefined) continue;
    total += Number(m[1]) * factor;
    found = true;
  }
  return found ? Math.round(total * 100) / 100 : null;
}

export function minutesToText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return h > 0 ? `${h}h ${m}m` : `${m}m`;
}

/** First "… completion: 85%" figure in the lines. */
export function readCompletionPercent(lines: string[]): number | null {
  for (const line of lines) {
    const m = /completion[^:\n]*:\s*~?(\d+(?:\.\d+)?)\s*%/i.exec(line.replace(/\*\*|__/g, ""));
    if (m?.[1]) return Number(m[1]);
  }
  return null;
}

export function readPercent(text: string): number | null {
  const m = /(\d+(?:\.\d+)?)\s*%/.exec(text);
  return m?.[1] ? Number(m[1]) : null;
}
