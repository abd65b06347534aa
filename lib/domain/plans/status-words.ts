import type { StatusValue, WorkStatus } from "./types";

// Emoji are checked before words because orchestrators write "✅ done" but also
// "✅ **Completed**" or a bare "✅"; the first recognised emoji wins.
const EMOJI: [string, WorkStatus][] = [
  ["✅", "done"],
  ["✔", "done"],
  ["✓", "done"],
  ["☑", "done"],
  ["🎉", "done"],
  ["⏳", "pending"],
  ["⌛", "pending"],
  ["🕐", "pending"],
  ["☐", "pending"],
  ["🔄", "in_progress"],
  ["🚧", "in_progress"],
  ["🟡", "in_progress"],
  ["🟢", "in_progress"],
  ["▶", "in_progress"],
  ["❌", "failed"],
  ["✗", "failed"],
  ["✘", "failed"],
  ["🔴", "failed"],
  ["💥", "failed"],
  ["⚠", "blocked"],
  ["🚫", "blocked"],
  ["⛔", "blocked"],
  ["🛑", "blocked"],
  ["⏭", "skipped"],
];

// Longer phrases first so "not started" is not read as "started".
const WORDS: [RegExp, WorkStatus][] = [
  [/\b(?:not[ _-]started|not[ _-]done|to[ _-]?do|not[ _-]yet)\b/, "pending"],
  [/\b(?:in[ _-]progress|under[ _-]way|wip)\b/, "in_progress"],
  [/\b(?:on[ _-]hold|blocked|stuck|waiting[ _-]on)\b/, "blocked"],
  [/\b(?:won'?t[ _-]?fix|n\/a|not[ _-]applicable|skipped|skip|cancell?ed|deferred)\b/, "skipped"],
  [/\b(?:failed|failing|fail|failure|error|errored|broken|rejected)\b/, "failed"],
  [/\b(?:done|complete|completed|closed|pass|passed|passing|success|successful|succeeded|resolved|merged|finished|approved|ok|valid)\b/, "done"],
  [/\b(?:running|active|started|ongoing|working|partial)\b/, "in_progress"],
  [/\b(?:pending|open|ready|queued|waiting|awaiting|planned|new)\b/, "pending"],
];

/** Maps status words or emoji ("✅ done", "PASS", "⏳ pending", "ready") to the status enum. */
export function toWorkStatus(text: string): WorkStatus {
  let best: { index: number; status: WorkStatus } | null = null;
  for (const [emoji, status] of EMOJI) {
    const index = text.indexOf(emoji);
    if (index >= 0 && (best === null || index < best.index)) best = { index, status };
  }
  if (best) return best.status;
  const plain = text.toLowerCase().replace(/[*_`~]+/g, " ");
  for (const [pattern, status] of WORDS) {
    if (pattern.test(plain)) return status;
  }
  return "unknown";
}

export function toStatusValue(text: string): StatusValue {
  const trimmed = text.trim();
  return { status: toWorkStatus(trimmed), text: trimmed };
}

/** Reads "yes"/"no"/"✅"/"❌" as a boolean; null when it says neither. */
export function toYesNo(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (t === "") return null;
  if (/^(?:yes|y|true|ok|pass|passed)\b/.test(t)) return true;
  if (/^(?:no|n|false|fail|failed)\b/.test(t)) return false;
  const status = toWorkStatus(text);
  if (status === "done") return true;
  if (status === "failed" || status === "blocked") return false;
  return null;
}
