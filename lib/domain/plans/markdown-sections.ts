// Splits Markdown into heading-delimited sections. Flat on purpose: a section's body stops at
// the next heading of any level, so the parsers do not care how deeply a writer nested things.

export interface SourceLine {
  text: string;
  /** 1-based line number in the input. */
  line: number;
}

export interface MarkdownSection {
  heading: string;
  level: number;
  line: number;
  body: SourceLine[];
}

export interface SplitMarkdown {
  /** Lines before the first heading. */
  preamble: SourceLine[];
  sections: MarkdownSection[];
}

const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const FENCE_OPEN = /^\s*(`{3,}|~{3,})([^`]*)$/;
const FENCE_CLOSE = /^\s*(`{3,}|~{3,})\s*$/;

/**
 * Opening-fence line index → closing-fence line index. A fence that is never closed is not
 * treated as one: a stray ``` in a hand-edited plan must not swallow every section after it.
 */
export function pairFences(texts: string[]): Map<number, number> {
  const pairs = new Map<number, number>();
  let i = 0;
  while (i < texts.length) {
    const open = FENCE_OPEN.exec(texts[i] ?? "");
    const marker = open?.[1];
    if (!marker) {
      i++;
      continue;
    }
    let close = -1;
    for (let j = i + 1; j < texts.length; j++) {
      const m = FENCE_CLOSE.exec(texts[j] ?? "");
      if (m?.[1] && m[1][0] === marker[0] && m[1].length >= marker.length) {
        close = j;
        break;
      }
    }
    if (close < 0) {
      i++;
      continue;
    }
    pairs.set(i, close);
    i = close + 1;
  }
  return pairs;
}

export function toLines(markdown: string): SourceLine[] {
  return markdown
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .map((text, index) => ({ text, line: index + 1 }));
}

export function splitSections(markdown: string): SplitMarkdown {
  const preamble: SourceLine[] = [];
  const sections: MarkdownSection[] = [];
  const lines = toLines(markdown);
  const fences = pairFences(lines.map((l) => l.text));
  let fenceEnd = -1;
  for (const [index, source] of lines.entries()) {
    const close = fences.get(index);
    if (close !== undefined) fenceEnd = close;
    const heading = index > fenceEnd ? HEADING.exec(source.text) : null;
    if (heading?.[1] && heading[2] !== undefined) {
      sections.push({ heading: heading[2], level: heading[1].length, line: source.line, body: [] });
      continue;
    }
    const current = sections[sections.length - 1];
    if (current) current.body.push(source);
    else preamble.push(source);
  }
  return { preamble, sections };
}

/**
 * Heading text reduced for fuzzy matching: lower case, no emoji, no Markdown emphasis and
 * no leading numbering ("## 3. Execution Log", "## 🚀 Next Steps", "Phase 2: Tasks").
 */
export function normalizeHeading(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s/&+-]/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(?:(?:phase|step|section|part)\s+)?\d+(?:[.-]\d+)*\s*[.):-]?\s+/, "")
    .trim();
}

/** Drops blank lines and `---` rules at both ends of a body. */
export function trimBody(body: SourceLine[]): SourceLine[] {
  const isFiller = (l: SourceLine) => l.text.trim() === "" || /^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/.test(l.text);
  let start = 0;
  let end = body.length;
  while (start < end && isFiller(body[start] as SourceLine)) start++;
  while (end > start && isFiller(body[end - 1] as SourceLine)) end--;
  return body.slice(start, end);
}

export function joinLines(lines: SourceLine[]): string {
  return lines.map((l) => l.text).join("\n");
}
