import { stripEmphasis } from "./markdown-blocks";
import { toYesNo } from "./status-words";
import type { CheckCell, PlanItemRef } from "./types";

const ID = /^[A-Za-z0-9][\w.\-/#]*$/;

export function looksLikeId(text: string): boolean {
  return ID.test(text) && /[\d.\-_]/.test(text);
}

/** Splits "title (note)" at a final parenthesis group. */
export function splitTrailingNote(text: string): { main: string; note: string | null } {
  const m = /^(.*?)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*$/s.exec(text);
  if (!m || !m[1]) return { main: text.trim(), note: null };
  return { main: m[1].trim(), note: (m[2] ?? "").trim() };
}

/** `id: title (note)` → reference; null when the text does not start with an id. */
export function parseItemRef(text: string, checked: boolean | null): PlanItemRef | null {
  const m = /^\s*([^\s:]+)\s*(?::|\s[-–—])\s*(.*)$/s.exec(text);
  if (!m?.[1]) return null;
  const id = stripEmphasis(m[1]);
  if (!looksLikeId(id)) return null;
  const { main, note } = splitTrailingNote(m[2] ?? "");
  return {
    id,
    title: main,
    checked,
    note,
    taskCount: note ? readNumberBefore(note, /tasks?\b/) : null,
    remainingCount: note ? readNumberBefore(note, /remaining\b/) : null,
  };
}

export function renderItemRef(ref: PlanItemRef): string {
  const box = ref.checked === null ? "" : ref.checked ? "[x] " : "[ ] ";
  const note = ref.note !== null ? ` (${ref.note})` : "";
  return `${box}${ref.id}: ${ref.title}${note}`;
}

/** The integer written right before a word, e.g. 4 in "4 tasks completed". */
export function readNumberBefore(text: string, word: RegExp): number | null {
  const m = new RegExp(`(\\d[\\d,]*)\\s+(?:[\\w-]+\\s+)?${word.source}`, "i").exec(text);
  return m?.[1] ? Number(m[1].replace(/,/g, "")) : null;
}

/** Leading integer of a cell ("1 (duplicate fixtures)" → 1); null when there is none. */
export function leadingInt(text: string): number | null {
  const m = /^\s*(\d+)/.exec(stripEmphasis(text));
  return m?.[1] ? Number(m[1]) : null;
}

/** Splits "[a, b (closed)]" or "a, b" into items, keeping commas inside parentheses. */
export function splitList(text: string): string[] {
  const inner = text.trim().replace(/^\[/, "").replace(/\]$/, "");
  const items: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of inner) {
    if (ch === "(" || ch === "[") depth++;
    if (ch === ")" || ch === "]") depth = Math.max(0, depth - 1);
    if (ch === "," && depth === 0) {
      items.push(current.trim());
      current = "";
    } else current += ch;
  }
  items.push(current.trim());
  return items.map((s) => s.replace(/^`+|`+$/g, "").trim()).filter((s) => s !== "");
}

export function toCheckCell(text: string): CheckCell {
  const t = text.trim();
  const m = /^(\d+)\s*\/\s*(\d+)/.exec(t);
  if (m?.[1] && m[2]) {
    const passed = Number(m[1]);
    const total = Number(m[2]);
    return { text: t, ok: passed === total, passed, total };
  }
  return { text: t, ok: toYesNo(t), passed: null, total: null };
}

const TIMESTAMP =
  /^\s*(?:\*\*|\[|`)?(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:\s*(?:Z|UTC|[+-]\d{2}:?\d{2}))?)(?:\*\*|\]|`)?\s*(?:[:\-–—|]\s*)?(.*)$/s;

/** "2025-12-26T23:20:00: Plan initialized" → timestamp and message. */
export function readTimestamped(text: string): { at: string; message: string } | null {
  const m = TIMESTAMP.exec(text);
  if (!m?.[1]) return null;
  return { at: m[1].trim(), message: (m[2] ?? "").trim() };
}

/** ISO-8601 for the timestamp shapes orchestrators write; "Z" only when a zone is given. */
export function toIsoTimestamp(at: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/.exec(at.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (h === undefined) return `${y}-${mo}-${d}`;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? "0") > 59) return null;
  const z = zone === undefined ? "" : zone === "Z" || zone === "UTC" ? "Z" : zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return `${y}-${mo}-${d}T${h}:${mi}:${s ?? "00"}${frac ?? ""}${z}`;
}
