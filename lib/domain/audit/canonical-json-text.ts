/**
 * canonicalJson(JSON.parse(text)) for the JSON that audit events store, computed from the
 * text without building the value: verification canonicalizes two JSON columns of every
 * event, and parsing them into objects only to serialise them again cost more than the
 * hashing. Handles the plain subset the writers produce (objects, arrays, strings without
 * escapes, safe integers, literals, insignificant whitespace) and returns null for anything
 * else — escapes, fractions, exponents, duplicate keys, invalid JSON — so the caller falls
 * back to canonicalJson, which stays the one definition of the canonical form.
 */
export function canonicalJsonText(text: string): string | null {
  const scanner = new Scanner(text);
  try {
    const value = scanner.value();
    if (value === null) return null;
    scanner.skipWhitespace();
    return scanner.position === text.length ? value : null;
  } catch (error) {
    // Nesting deeper than the stack allows: the fallback's parser copes.
    if (error instanceof RangeError) return null;
    throw error;
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
/** More digits than this may not survive the trip through a double unchanged. */
const MAX_SAFE_DIGITS = 15;

class Scanner {
  position = 0;

  constructor(private readonly text: string) {}

  skipWhitespace(): void {
    const text = this.text;
    let at = this.position;
    for (;;) {
      const code = text.charCodeAt(at);
      if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) break;
      at += 1;
    }
    this.position = at;
  }

  value(): string | null {
    this.skipWhitespace();
    const code = this.text.charCodeAt(this.position);
    if (code === 0x7b) return this.object();
    if (code === 0x5b) return this.array();
    if (code === QUOTE) return this.string();
    if (code === MINUS || (code >= DIGIT_0 && code <= DIGIT_9)) return this.integer();
    return this.literal("true") ?? this.literal("false") ?? this.literal("null");
  }

  private object(): string | null {
    this.position += 1;
    this.skipWhitespace();
    if (this.text.charCodeAt(this.position) === 0x7d) {
      this.position += 1;
      return "{}";
    }
    const members: Array<[key: string, member: string]> = [];
    let sorted = true;
    let previous: string | null = null;
    for (;;) {
      this.skipWhitespace();
      const key = this.string();
      if (key === null) return null;
      this.skipWhitespace();
      if (this.text.charCodeAt(this.position) !== COLON) return null;
      this.position += 1;
      const item = this.value();
      if (item === null) return null;
      // Without escapes the text between the quotes is the key itself, and compares like it.
      const name = key.slice(1, -1);
      if (previous !== null && name <= previous) sorted = false;
      previous = name;
      members.push([name, `${key}:${item}`]);
      this.skipWhitespace();
      const next = this.text.charCodeAt(this.position);
      this.position += 1;
      if (next === 0x7d) break;
      if (next !== COMMA) return null;
    }
    if (!sorted) {
      members.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      // JSON.parse keeps the last of duplicate keys: not worth imitating.
      for (let i = 1; i < members.length; i += 1) if (members[i]![0] === members[i - 1]![0]) return null;
    }
    let out = "{";
    for (let i = 0; i < members.length; i += 1) out += (i === 0 ? "" : ",") + members[i]![1];
    return `${out}}`;
  }

  private array(): string | null {
    this.position += 1;
    this.skipWhitespace();
    if (this.text.charCodeAt(this.position) === 0x5d) {
      this.position += 1;
      return "[]";
    }
    let out = "[";
    for (let first = true; ; first = false) {
      const item = this.value();
      if (item === null) return null;
      out += (first ? "" : ",") + item;
      this.skipWhitespace();
      const next = this.text.charCodeAt(this.position);
      this.position += 1;
      if (next === 0x5d) return `${out}]`;
      if (next !== COMMA) return null;
    }
  }

  /**
   * A string token exactly as JSON.stringify writes it, quotes included. Text without a
   * backslash, control character or unpaired surrogate is written back unchanged.
   */
  private string(): string | null {
    const text = this.text;
    const start = this.position;
    if (text.charCodeAt(start) !== QUOTE) return null;
    let at = start + 1;
    for (;;) {
      if (at >= text.length) return null;
      const code = text.charCodeAt(at);
      if (code === QUOTE) break;
      if (code === BACKSLASH || code < 0x20) return null;
      if (code >= 0xd800 && code <= 0xdfff) {
        const low = text.charCodeAt(at + 1);
        if (code > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) return null;
        at += 1;
      }
      at += 1;
    }
    this.position = at + 1;
    return text.slice(start, at + 1);
  }

  /** Integers whose text is already what JS prints for them; anything else defers. */
  private integer(): string | null {
    const text = this.text;
    const start = this.position;
    let at = start;
    if (text.charCodeAt(at) === MINUS) at += 1;
    const digitsStart = at;
    while (at < text.length && text.charCodeAt(at) >= DIGIT_0 && text.charCodeAt(at) <= DIGIT_9) at += 1;
    const digits = at - digitsStart;
    if (digits === 0 || digits > MAX_SAFE_DIGITS) return null;
    // A leading zero is invalid JSON ("01") or prints differently ("-0" → "0").
    if (text.charCodeAt(digitsStart) === DIGIT_0 && (digits > 1 || digitsStart > start)) return null;
    const next = text.charCodeAt(at);
    if (next === 0x2e || next === 0x65 || next === 0x45) return null;
    this.position = at;
    return text.slice(start, at);
  }

  private literal(word: "true" | "false" | "null"): string | null {
    if (!this.text.startsWith(word, this.position)) return null;
    this.position += word.length;
    return word;
  }
}
