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
  const found = canonicalJsonValueAt(text, 0);
  if (found === null) return null;
  const scanner = new Scanner(text);
  scanner.position = found.end;
  scanner.skipWhitespace();
  return scanner.position === text.length ? found.json : null;
}

/**
 * The same for the one JSON value that starts at `start` (after optional whitespace) inside
 * a longer text, with the index just past it; null where canonicalJsonText would be.
 */
export function canonicalJsonValueAt(text: string, start: number): { json: string; end: number } | null {
  const scanner = new Scanner(text);
  scanner.position = start;
  try {
    const json = scanner.value();
    return json === null ? null : { json, end: scanner.position };
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

/**
 * Sorts keys and members together by key; false on a duplicate key (JSON.parse keeps the
 * last of them: not worth imitating). Insertion sort for the handful of keys audit objects
 * have, the library sort beyond.
 */
function sortMembers(names: string[], members: string[]): boolean {
  if (names.length > 16) {
    const order = names.map((_, index) => index).sort((a, b) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0));
    const sortedNames = order.map((index) => names[index]!);
    const sortedMembers = order.map((index) => members[index]!);
    for (let i = 0; i < order.length; i += 1) {
      if (i > 0 && sortedNames[i] === sortedNames[i - 1]) return false;
      names[i] = sortedNames[i]!;
      members[i] = sortedMembers[i]!;
    }
    return true;
  }
  for (let i = 1; i < names.length; i += 1) {
    const name = names[i]!;
    const member = members[i]!;
    let j = i - 1;
    while (j >= 0 && names[j]! > name) {
      names[j + 1] = names[j]!;
      members[j + 1] = members[j]!;
      j -= 1;
    }
    if (j >= 0 && names[j] === name) return false;
    names[j + 1] = name;
    members[j + 1] = member;
  }
  return true;
}

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
    // Parallel arrays, sorted together only when the keys come out of order.
    const names: string[] = [];
    const members: string[] = [];
    let sorted = true;
    for (;;) {
      this.skipWhitespace();
      const name = this.keyName();
      if (name === null) return null;
      this.skipWhitespace();
      if (this.text.charCodeAt(this.position) !== COLON) return null;
      this.position += 1;
      const item = this.value();
      if (item === null) return null;
      // Without escapes the text between the quotes is the key itself, and compares like it.
      const count = names.length;
      if (count > 0 && name <= names[count - 1]!) sorted = false;
      names.push(name);
      members.push(`"${name}":${item}`);
      this.skipWhitespace();
      const next = this.text.charCodeAt(this.position);
      this.position += 1;
      if (next === 0x7d) break;
      if (next !== COMMA) return null;
    }
    if (!sorted && !sortMembers(names, members)) return null;
    let out = "{";
    for (let i = 0; i < members.length; i += 1) out += (i === 0 ? "" : ",") + members[i]!;
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
    const start = this.position;
    const end = this.stringEnd();
    return end < 0 ? null : this.text.slice(start, end + 1);
  }

  /** A key's text between its quotes, for a key string() accepts. */
  private keyName(): string | null {
    const start = this.position;
    const end = this.stringEnd();
    return end < 0 ? null : this.text.slice(start + 1, end);
  }

  /** Moves past a string string() accepts and returns its closing quote's index, or -1. */
  private stringEnd(): number {
    const text = this.text;
    if (text.charCodeAt(this.position) !== QUOTE) return -1;
    let at = this.position + 1;
    for (;;) {
      if (at >= text.length) return -1;
      const code = text.charCodeAt(at);
      if (code === QUOTE) break;
      if (code === BACKSLASH || code < 0x20) return -1;
      if (code >= 0xd800 && code <= 0xdfff) {
        const low = text.charCodeAt(at + 1);
        if (code > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) return -1;
        at += 1;
      }
      at += 1;
    }
    this.position = at + 1;
    return at;
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
