// Plain-text helpers for full-text search over imported plans and summaries. The same
// code runs on SQLite and PostgreSQL: the database narrows by substring, these shape it.

/** Lower-cased text with Markdown punctuation flattened: what summary search compares against. */
export function toSearchText(markdown: string): string {
  return markdown
    .replace(/[#*_`>|~[\]]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

export interface Snippet {
  before: string;
  match: string;
  after: string;
}

/**
 * The first case-insensitive hit of `query` in `text`, with about `radius` characters of
 * context either side, whitespace collapsed and cut at word edges. Plain strings, so the
 * UI highlights `match` without ever rendering the document as HTML.
 */
export function snippetAround(text: string, query: string, radius = 80): Snippet | null {
  // Emphasis and code markers are noise in a one-line preview.
  const flat = text.replace(/\*\*|__|`/g, "").replace(/\s+/g, " ");
  const needle = query.replace(/\s+/g, " ").trim().toLowerCase();
  if (needle === "") return null;
  const at = flat.toLowerCase().indexOf(needle);
  if (at < 0) return null;
  let start = Math.max(0, at - radius);
  let end = Math.min(flat.length, at + needle.length + radius);
  if (start > 0) start = flat.indexOf(" ", start) + 1 || start;
  if (end < flat.length) end = Math.max(at + needle.length, flat.lastIndexOf(" ", end));
  return {
    before: `${start > 0 ? "…" : ""}${flat.slice(start, at)}`,
    match: flat.slice(at, at + needle.length),
    after: `${flat.slice(at + needle.length, end)}${end < flat.length ? "…" : ""}`,
  };
}
