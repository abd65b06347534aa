export type DecodeResult = { ok: true; value: string } | { ok: false; message: string; offset: number };

const NAMED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
// Longest reference we accept is "&#x10FFFF;"; looking further would make a run of bare '&' quadratic.
const MAX_REFERENCE_LENGTH = 10;

function isAllowedCodePoint(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

function decodeReference(body: string): string | null {
  const named = Object.hasOwn(NAMED, body) ? NAMED[body] : undefined;
  if (named !== undefined) return named;
  let cp: number;
  if (/^#x[0-9a-fA-F]{1,6}$/.test(body)) cp = Number.parseInt(body.slice(2), 16);
  else if (/^#[0-9]{1,7}$/.test(body)) cp = Number.parseInt(body.slice(1), 10);
  else return null;
  return isAllowedCodePoint(cp) ? String.fromCodePoint(cp) : null;
}

/**
 * Decodes the five XML entities and character references in input[start, end).
 * Attribute values get XML's whitespace normalisation so a literal newline reads as a space.
 */
export function decodeXmlText(input: string, start: number, end: number, isAttribute: boolean): DecodeResult {
  // Work on the segment alone: an indexOf("&") over the rest of the input per segment would be quadratic.
  const segment = input.slice(start, end);
  const literal = (from: number, to: number): string => {
    const chunk = segment.slice(from, to);
    return isAttribute ? chunk.replace(/[\t\n\r]/g, " ") : chunk;
  };
  let out = "";
  let pos = 0;
  for (;;) {
    const amp = segment.indexOf("&", pos);
    if (amp === -1) return { ok: true, value: out + literal(pos, segment.length) };
    out += literal(pos, amp);
    let semi = -1;
    const limit = Math.min(segment.length, amp + 1 + MAX_REFERENCE_LENGTH);
    for (let j = amp + 1; j < limit; j++) {
      if (segment.charCodeAt(j) === 0x3b /* ; */) {
        semi = j;
        break;
      }
    }
    if (semi === -1) {
      return { ok: false, message: "unescaped '&' (write &amp; for a literal ampersand)", offset: start + amp };
    }
    const body = segment.slice(amp + 1, semi);
    const decoded = decodeReference(body);
    if (decoded === null) return { ok: false, message: `unknown or invalid entity &${body};`, offset: start + amp };
    out += decoded;
    pos = semi + 1;
  }
}
