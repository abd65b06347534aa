import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJsonText } from "./canonical-json-text";
import { canonicalJson } from "./hash-chain";

/** What the shortcut must equal whenever it answers at all. */
const reference = (text: string) => canonicalJson(JSON.parse(text) as unknown);

describe("canonicalJsonText", () => {
  it("sorts keys at every depth and drops whitespace, as canonicalJson does", () => {
    const text = '{"title": "Ship", "priority": 2, "labels": ["b", "a"], "nested": {"z": [{"y": 1, "x": null}], "a": true}}';
    expect(canonicalJsonText(text)).toBe('{"labels":["b","a"],"nested":{"a":true,"z":[{"x":null,"y":1}]},"priority":2,"title":"Ship"}');
    expect(canonicalJsonText(text)).toBe(reference(text));
  });

  it("orders keys by the key, not by the quoted token", () => {
    // '"' sorts after ' ' and '!', so comparing tokens would put "a b" before "a".
    const text = '{"a b":1,"a":2,"a!":3}';
    expect(canonicalJsonText(text)).toBe(reference(text));
  });

  it("sorts many keys, and defers duplicates among few or many", () => {
    const keys = Array.from({ length: 40 }, (_, i) => `k${String(i).padStart(2, "0")}`);
    const reversed = `{${keys.map((key, i) => `"${key}": ${i}`).reverse().join(", ")}}`;
    expect(canonicalJsonText(reversed)).toBe(reference(reversed));
    expect(canonicalJsonText(reversed.replace('"k07"', '"k31"'))).toBeNull();
    expect(canonicalJsonText('{"b":1,"c":2,"a":3,"b":4}')).toBeNull();
  });

  it("answers scalars and empty containers", () => {
    for (const text of ["null", "true", "false", "0", "-12", '"x"', "{}", "[]", " [ ] ", '{"a":{}}']) expect(canonicalJsonText(text)).toBe(reference(text));
  });

  it("defers what it does not reproduce byte for byte", () => {
    for (const text of ['"a\\"b"', '"\\u00e9"', "1.5", "1e3", "-0", "1234567890123456", '{"a":1,"a":2}', '"\ud800"']) expect(canonicalJsonText(text)).toBeNull();
  });

  it("defers invalid JSON instead of guessing", () => {
    for (const text of ["", "{", '{"a":1 "b":2}', '{"a":1,}', "[1,]", "[1 2]", "01", "tru", "truex", '{"a"}', "{a:1}", '"open', '"tab\there"', "1 2", "[".repeat(100_000)]) {
      expect(canonicalJsonText(text)).toBeNull();
    }
  });

  it("equals canonicalJson(JSON.parse(text)) whenever it answers, for any JSON in any layout", () => {
    const json = fc.jsonValue();
    fc.assert(
      fc.property(json, fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const fast = canonicalJsonText(text);
        if (fast !== null) expect(fast).toBe(reference(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("answers for the plain objects audit events carry", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: "grapheme" }).filter((key) => !/["\\\p{Cc}]/u.test(key)), fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string({ unit: "grapheme" }).filter((s) => !/["\\\p{Cc}]/u.test(s))))), (value) => {
        const text = JSON.stringify(value);
        expect(canonicalJsonText(text)).toBe(reference(text));
      }),
      { numRuns: 1000 },
    );
  });
});
