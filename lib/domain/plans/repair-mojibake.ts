// Repairs text whose UTF-8 bytes were decoded as Windows-1252 (or Latin-1), e.g. "âœ…" → "✅",
// "ðŸŽ¯" → "🎯". Works sequence by sequence so correct UTF-8 around it is left untouched.

// Windows-1252 puts printable characters on 0x80–0x9F; reading mojibake back to bytes needs
// the reverse of that table. 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined in cp1252: a
// decoder either keeps them as C1 controls (handled by the Latin-1 path) or drops them.
const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86,
  0x2021: 0x87, 0x02c6: 0x88, 0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c,
  0x017d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95,
  0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b,
  0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

const DROPPED_BYTES = [0x81, 0x8d, 0x8f, 0x90, 0x9d] as const;

// When a dropped byte makes a sequence ambiguous ("ðŸ“" is 📁, 📍, 📏, 📐 or 📝), the first
// of these that fits wins: the emoji and punctuation orchestrators actually write.
const PREFERRED = [
  "❌", "❎", "❗", "❓", "❤", "❄", "⏳", "⏸", "⏱", "⏰", "⏭", "⏩", "⏹", "⌛",
  "📝", "📁", "📍", "📏", "📐", "🏆", "🏁", "🏗", "🏃", "🏠", "🏷", "🐛", "🐞", "🐍",
  "🔍", "🔁", "🔐", "🔏", "🔝", "👍", "👏", "👁", "😁", "😍", "😐", "\u201d", "\u201c", "\u2019",
];

function byteOf(ch: string): number {
  const code = ch.codePointAt(0) ?? -1;
  if (code >= 0 && code <= 0xff) return code;
  return CP1252_HIGH[code] ?? -1;
}

function isContinuation(byte: number): boolean {
  return byte >= 0x80 && byte <= 0xbf;
}

function continuationCount(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 1;
  if (lead >= 0xe0 && lead <= 0xef) return 2;
  if (lead >= 0xf0 && lead <= 0xf4) return 3;
  return 0;
}

/** Strict UTF-8 decode of one code point; null for anything overlong, surrogate or malformed. */
function decodeSequence(bytes: number[]): string | null {
  const [b0 = 0, b1 = 0] = bytes;
  const n = continuationCount(b0);
  if (n === 0 || bytes.length !== n + 1) return null;
  if (!bytes.slice(1).every(isContinuation)) return null;
  if (b0 === 0xe0 && b1 < 0xa0) return null;
  if (b0 === 0xed && b1 > 0x9f) return null;
  if (b0 === 0xf0 && b1 < 0x90) return null;
  if (b0 === 0xf4 && b1 > 0x8f) return null;
  let cp = b0 & (n === 1 ? 0x1f : n === 2 ? 0x0f : 0x07);
  for (const b of bytes.slice(1)) cp = (cp << 6) | (b & 0x3f);
  // C1 controls are kept: text garbled twice through Latin-1 passes through them.
  return String.fromCodePoint(cp);
}

function isSymbolLike(s: string): boolean {
  const cp = s.codePointAt(0) ?? 0;
  return (cp >= 0x2000 && cp <= 0x2bff) || (cp >= 0x1f000 && cp <= 0x1faff);
}

function pickCandidate(candidates: string[], rest: string): string | null {
  const set = new Set(candidates);
  // 📁 and 📝 lose the same byte; the words after the emoji are the only clue.
  if (set.has("📁") && set.has("📝")) return /\b(?:files?|folders?|director(?:y|ies))\b/i.test(rest) ? "📁" : "📝";
  return PREFERRED.find((p) => set.has(p)) ?? null;
}

interface Scan {
  text: string;
  repaired: number;
  unresolved: number;
}

function scan(input: string): Scan {
  const chars = Array.from(input);
  let out = "";
  let repaired = 0;
  let unresolved = 0;
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i] ?? "";
    const lead = byteOf(ch);
    const need = continuationCount(lead);
    if (need === 0) {
      out += ch;
      i += 1;
      continue;
    }
    const cont: number[] = [];
    while (cont.length < need) {
      const b = byteOf(chars[i + 1 + cont.length] ?? "");
      if (!isContinuation(b)) break;
      cont.push(b);
    }
    if (cont.length === need) {
      const decoded = decodeSequence([lead, ...cont]);
      if (decoded !== null) {
        out += decoded;
        repaired += 1;
        i += 1 + need;
        continue;
      }
    }
    if (need >= 2 && cont.length === need - 1) {
      const candidates: string[] = [];
      for (let pos = 0; pos <= cont.length; pos++) {
        for (const dropped of DROPPED_BYTES) {
          const bytes = [lead, ...cont.slice(0, pos), dropped, ...cont.slice(pos)];
          const decoded = decodeSequence(bytes);
          if (decoded !== null && isSymbolLike(decoded)) candidates.push(decoded);
        }
      }
      if (candidates.length > 0) {
        const restOfLine = chars.slice(i + need, i + need + 80).join("").split("\n")[0] ?? "";
        const chosen = pickCandidate(candidates, restOfLine);
        if (chosen !== null) {
          out += chosen;
          repaired += 1;
        } else {
          out += chars.slice(i, i + need).join("");
          unresolved += 1;
        }
        i += need;
        continue;
      }
    }
    out += ch;
    i += 1;
  }
  return { text: out, repaired, unresolved };
}

export interface MojibakeRepair {
  text: string;
  /** Sequences turned back into the intended characters. */
  repaired: number;
  /** Sequences that look like mojibake but could not be resolved with confidence. */
  unresolved: number;
}

/** Repairs UTF-8-read-as-cp1252 mojibake; text that is already correct comes back unchanged. */
export function repairMojibake(input: string): MojibakeRepair {
  let text = input;
  let repaired = 0;
  let unresolved = 0;
  // Text that went through the wrong decoding twice needs a second pass; three is plenty.
  for (let pass = 0; pass < 3; pass++) {
    const result = scan(text);
    unresolved = result.unresolved;
    if (result.repaired === 0) break;
    repaired += result.repaired;
    text = result.text;
  }
  return { text, repaired, unresolved };
}

/** Number of mojibake sequences in the text (repairable or not). */
export function countMojibake(input: string): number {
  const result = scan(input);
  return result.repaired + result.unresolved;
}
