import { readLabel, tryParseYaml, type Block, type ListItem } from "./markdown-blocks";
import type { SectionInput, SectionOutput } from "./plan-section-input";
import { looksLikeId, parseItemRef, splitList, splitTrailingNote } from "./plan-values";
import { toStatusValue } from "./status-words";
import type { ConflictGroup, FileSymbols, PlanBaseline, PlanConflictMatrix, PlanDependencyContext, PlanItemRef } from "./types";

/** Bullets of `id: title (note)` — epics in scope, epics found, target tasks. */
export function parseItemRefs({ blocks, warnings }: SectionInput): SectionOutput<PlanItemRef[]> {
  const value: PlanItemRef[] = [];
  const leftover: Block[] = [];
  for (const block of blocks) {
    if (block.kind !== "list") {
      leftover.push(block);
      continue;
    }
    const rest: ListItem[] = [];
    for (const item of block.items) {
      const ref = parseItemRef(item.text, item.checked);
      if (ref && item.children.length === 0) value.push(ref);
      else {
        warnings.push({ line: item.line, message: `expected "id: title", kept as text: ${item.text.slice(0, 60)}` });
        rest.push(item);
      }
    }
    if (rest.length > 0) leftover.push({ kind: "list", line: block.line, items: rest });
  }
  return { value, leftover };
}

type ConflictKind = keyof PlanConflictMatrix;

function conflictKind(label: string): ConflictKind | null {
  if (/parallel/i.test(label)) return "parallelSafe";
  if (/sequential|serial|conflict/i.test(label)) return "sequentialRequired";
  return null;
}

/** "(reason)" → "reason", only when the outer parentheses enclose the whole text. */
function unwrapParens(text: string): string {
  let t = text.trim();
  while (t.startsWith("(") && t.endsWith(")")) {
    let depth = 0;
    let closesEarly = false;
    for (let i = 0; i < t.length - 1; i++) {
      if (t[i] === "(") depth++;
      else if (t[i] === ")") depth--;
      if (depth === 0) closesEarly = true;
    }
    if (closesEarly || depth !== 1) break;
    t = t.slice(1, -1).trim();
  }
  return t;
}

function parseGroup(text: string): ConflictGroup | null {
  const t = text.trim();
  if (t === "" || /^none\b/i.test(t)) return null;
  const bracket = /^\[([^\]]*)\]\s*(?:[-–—:]\s*)?(.*)$/s.exec(t);
  if (bracket) {
    return { taskIds: splitList(bracket[1] ?? ""), reason: unwrapParens(bracket[2] ?? "") };
  }
  // Without brackets only a plain list of ids counts as ids; anything else is the reason.
  const ids = splitList(t);
  return ids.every(looksLikeId) ? { taskIds: ids, reason: "" } : { taskIds: [], reason: unwrapParens(t) };
}

/** PARALLEL_SAFE / SEQUENTIAL_REQUIRED groups, as bold labels with bullets or inline bullets. */
export function parseConflictMatrix({ blocks, warnings }: SectionInput): SectionOutput<PlanConflictMatrix> {
  const value: PlanConflictMatrix = { parallelSafe: [], sequentialRequired: [] };
  const leftover: Block[] = [];
  let current: ConflictKind | null = null;
  const addGroup = (kind: ConflictKind, text: string) => {
    const group = parseGroup(text);
    if (group) value[kind].push(group);
  };
  for (const block of blocks) {
    if (block.kind === "paragraph") {
      const label = readLabel(block.lines.map((l) => l.text).join(" "));
      const kind = label ? conflictKind(label.label) : null;
      if (label && kind) {
        current = kind;
        addGroup(kind, label.value);
      } else leftover.push(block);
      continue;
    }
    if (block.kind !== "list") {
      leftover.push(block);
      continue;
    }
    for (const item of block.items) {
      const label = readLabel(item.text);
      const inlineKind = label && !label.label.startsWith("[") ? conflictKind(label.label) : null;
      if (label && inlineKind) {
        current = inlineKind;
        addGroup(inlineKind, label.value);
        for (const child of item.children) addGroup(inlineKind, child.text);
      } else if (current) {
        addGroup(current, item.text);
      } else {
        warnings.push({ line: item.line, message: "conflict matrix entry outside PARALLEL_SAFE/SEQUENTIAL_REQUIRED" });
        leftover.push({ kind: "list", line: item.line, items: [item] });
      }
    }
  }
  return { value, leftover };
}

function readFileSymbols(text: string): FileSymbols {
  const m = /^`?([^`\s:]+)`?\s*:\s*\[(.*)\]\s*$/.exec(text.trim());
  if (!m?.[1]) return { file: text.trim(), symbols: [] };
  return { file: m[1], symbols: splitList(m[2] ?? "") };
}

/** Existing value objects and fakes (`path: [Symbols]` bullets) or a DEPENDENCY_CONTEXT yaml block. */
export function parseDependencyContext({ blocks }: SectionInput): SectionOutput<PlanDependencyContext> {
  const value: PlanDependencyContext = { valueObjects: [], fakes: [], otherGroups: [], codeBlocks: [] };
  const leftover: Block[] = [];
  let label: string | null = null;
  for (const block of blocks) {
    if (block.kind === "code") {
      value.codeBlocks.push({ lang: block.lang, text: block.text, data: tryParseYaml(block.text) });
    } else if (block.kind === "paragraph" && block.lines.length === 1) {
      const l = readLabel(block.lines[0]?.text ?? "");
      if (l && l.value === "") label = l.label;
      else leftover.push(block);
    } else if (block.kind === "list") {
      const texts = block.items.map((i) => i.text);
      // Bullets before any label form an unlabelled group (exported first, so it stays first).
      if (label === null) value.otherGroups.push({ label: "", items: texts });
      else if (/value objects?/i.test(label)) value.valueObjects.push(...texts.map(readFileSymbols));
      else if (/fakes?|test doubles?|stubs?/i.test(label)) value.fakes.push(...texts.map(readFileSymbols));
      else value.otherGroups.push({ label, items: texts });
    } else leftover.push(block);
  }
  return { value, leftover };
}

interface KeyValue {
  key: string;
  value: string;
  details: string[];
}

function keyValuesFromYamlLike(text: string): KeyValue[] {
  const out: KeyValue[] = [];
  for (const raw of text.split("\n")) {
    const detail = /^\s+-\s+(.*)$/.exec(raw);
    const last = out[out.length - 1];
    if (detail && last) {
      last.details.push((detail[1] ?? "").trim());
      continue;
    }
    const kv = /^\s*(?:-\s+)?([^:\s][^:]*?)\s*:(?:\s+(.*)|\s*)$/.exec(raw);
    if (kv?.[1]) out.push({ key: kv[1], value: (kv[2] ?? "").trim(), details: [] });
  }
  return out;
}

// Baseline values are exported one per line, so wrapped text is joined up.
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

const BASE_KEYS = {
  testCount: /^(?:test[ _]?count|tests|total[ _]?tests|count)$/i,
  status: /^(?:baseline[ _]?status|status|result)$/i,
  failures: /^(?:pre[ _-]?existing[ _]?failures|known[ _]?failures|failures)$/i,
};

/** TEST_COUNT / BASELINE_STATUS / PRE_EXISTING_FAILURES, as bullets or as a yaml block. */
export function parseBaseline({ blocks, warnings, line }: SectionInput): SectionOutput<PlanBaseline> {
  const entries: KeyValue[] = [];
  const leftover: Block[] = [];
  let style: PlanBaseline["style"] = "list";
  for (const block of blocks) {
    if (block.kind === "code") {
      style = "yaml";
      entries.push(...keyValuesFromYamlLike(block.text));
    } else if (block.kind === "list") {
      for (const item of block.items) {
        const l = readLabel(item.text);
        if (l) entries.push({ key: l.label, value: oneLine(l.value), details: item.children.map((c) => oneLine(c.text)) });
        else leftover.push({ kind: "list", line: item.line, items: [item] });
      }
    } else if (block.kind === "paragraph") {
      const labels = block.lines.map((l) => readLabel(l.text));
      if (labels.every((l) => l !== null)) {
        entries.push(...labels.map((l) => ({ key: l?.label ?? "", value: oneLine(l?.value ?? ""), details: [] })));
      } else leftover.push(block);
    } else leftover.push(block);
  }
  const value: PlanBaseline = {
    style,
    testCount: null,
    testCountText: null,
    hasTests: true,
    status: null,
    preExistingFailures: null,
    extra: {},
  };
  for (const e of entries) {
    if (BASE_KEYS.testCount.test(e.key) && value.testCountText === null) {
      value.testCountText = e.value;
      const m = /^(\d[\d,]*)\b/.exec(e.value);
      value.testCount = m?.[1] ? Number(m[1].replace(/,/g, "")) : null;
    } else if (BASE_KEYS.status.test(e.key) && value.status === null) {
      value.status = toStatusValue(e.value);
    } else if (BASE_KEYS.failures.test(e.key) && value.preExistingFailures === null) {
      const none = /^(?:none|no\b|0\b|n\/a)/i.test(e.value);
      const m = /^(\d+)\b/.exec(e.value);
      value.preExistingFailures = { text: e.value, none, count: m?.[1] ? Number(m[1]) : none ? 0 : null, details: e.details };
    } else {
      // Sub-bullets of an unknown key are folded into its value rather than dropped.
      value.extra[e.key] = [e.value, ...e.details].filter((x) => x !== "").join("; ");
    }
  }
  const saysNoTests = /\bno[ _]tests?\b|^none\b/i;
  value.hasTests =
    value.testCount !== null
      ? value.testCount > 0
      : !saysNoTests.test(value.testCountText ?? "") && !saysNoTests.test(value.status?.text ?? "");
  if (value.testCountText === null && value.status === null) {
    warnings.push({ line, message: "baseline test status has neither TEST_COUNT nor BASELINE_STATUS" });
  }
  return { value, leftover };
}

/** The trailing "(closed)" of a depends_on entry becomes its note. */
export function parseDependencyRef(text: string): { id: string; note: string | null } {
  const { main, note } = splitTrailingNote(text);
  return { id: main, note };
}
