// What an evidence file is, from its content: the API needs the format (junit, json, text)
// to parse it; the kind (what it is evidence of) is the caller's to say.

export type ArtifactFormat = "junit" | "json" | "text";

/**
 * JUnit XML when the first element is <testsuites> or <testsuite> (after an optional BOM,
 * XML declaration, comments and doctype); JSON when the whole file parses as an object or
 * array; text otherwise, including XML that is not a JUnit report.
 */
export function detectArtifactFormat(content: string): ArtifactFormat {
  const text = content.replace(/^\uFEFF/, "").trimStart();
  if (text.startsWith("<")) return firstElement(text) === "testsuites" || firstElement(text) === "testsuite" ? "junit" : "text";
  if (text.startsWith("{") || text.startsWith("[")) {
    try {
      JSON.parse(text);
      return "json";
    } catch {
      return "text";
    }
  }
  return "text";
}

function firstElement(xml: string): string | null {
  // Skips the prolog: <?xml …?>, <!-- … -->, <!DOCTYPE …>, then reads the root's name.
  const prolog = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*/i;
  const rest = xml.replace(prolog, "");
  const match = /^<([A-Za-z_][\w.:-]*)/.exec(rest);
  return match ? match[1]!.replace(/^.*:/, "") : null;
}
