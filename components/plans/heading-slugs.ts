// Heading ids for the summary reader's table of contents. The TOC reads headings from the
// Markdown, the renderer from the rendered text; both go through the same slugger in
// document order, so the same text gets the same id (duplicates get -2, -3, …).

export type TocEntry = { level: number; text: string; id: string };

export function createSlugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base =
      text
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s-]/gu, "")
        .trim()
        .replace(/\s+/g, "-")
        .replace(/-+/g, "-")
        .replace(/^-|-$/g, "") || "section";
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  };
}

/** Plain text of a heading's inline Markdown, as react-markdown will render it. */
function inlineText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, "")
    .replace(/[*_`~]/g, "")
    .trim();
}

/** ATX headings outside fenced code, up to `maxLevel`, with the ids the renderer gives them. */
export function extractToc(markdown: string, maxLevel = 3): TocEntry[] {
  const slug = createSlugger();
  const entries: TocEntry[] = [];
  let fence: string | null = null;
  for (const line of markdown.split(/\r?\n/)) {
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (fence === null) fence = marker[0]!;
      else if (marker[0] === fence) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const heading = /^ {0,3}(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (!heading) continue;
    const level = heading[1]!.length;
    const text = inlineText(heading[2]!);
    const id = slug(text);
    if (level <= maxLevel) entries.push({ level, text, id });
  }
  return entries;
}
