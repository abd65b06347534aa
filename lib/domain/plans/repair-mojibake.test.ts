import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readSharedFixture } from "./__fixtures__/shared-fixtures";
import { countMojibake, repairMojibake } from "./repair-mojibake";

// Node's TextDecoder treats "windows-1252" as Latin-1, so the test spells the table out.
const CP1252_80_9F = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

/** What a Windows-1252 reader makes of UTF-8 bytes (undefined bytes kept as C1 controls). */
function asCp1252(text: string): string {
  return Array.from(new TextEncoder().encode(text), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80] : String.fromCharCode(b))).join("");
}

function asLatin1(text: string): string {
  return Array.from(new TextEncoder().encode(text), (b) => String.fromCharCode(b)).join("");
}

describe("repairMojibake on the session-summary fixture", () => {
  const original = readSharedFixture("session-summary-worker-lifecycle.md");
  const { text, repaired, unresolved } = repairMojibake(original);

  it("finds mojibake before and none after", () => {
    expect(original).toContain("âœ…");
    expect(original).toContain("ðŸŽ¯");
    expect(countMojibake(original)).toBe(46);
    expect(repaired).toBe(46);
    expect(unresolved).toBe(0);
    expect(countMojibake(text)).toBe(0);
    expect(text).not.toMatch(/â[œ€‰]|ðŸ/);
  });

  it("restores the intended emoji and symbols", () => {
    expect(text.match(/✅/g)).toHaveLength(29);
    expect(text).toContain("## 🎯 Achievements");
    expect(text).toContain("## 📊 Framework Status Update");
    expect(text).toContain("## 🚀 Next Steps");
    expect(text).toContain("## 📈 Progress Metrics");
    expect(text).toContain("## 🎓 Key Insights");
    expect(text).toContain("## 💡 Recommendations");
    expect(text).toContain("- [x] Pass rate ≥95% (100%)");
    expect(text).toContain("✨ **New - 39 tests**");
    expect(text).toContain("**Confidence**: VERY HIGH 🟢");
  });

  it("recovers characters whose undefined cp1252 byte was dropped", () => {
    // ❌ (E2 9D 8C), ⏳ (E2 8F B3), 🏆 (…8F 86), 📁/📝 (…93 81 / …93 9D) each lost one byte.
    expect(text).toContain("- ❌ Tests were missing");
    expect(text).toContain("- ⏳ **PH-NEXT-003**: PENDING (Integration)");
    expect(text).toContain("## 🏆 Success Criteria Met");
    expect(text).toContain("## 📁 Files Created/Modified");
    expect(text).toContain("2. 📝 **Consider pytest venv fix**");
  });

  it("only changes the garbled characters (line count and ASCII text stay the same)", () => {
    expect(text.split("\n")).toHaveLength(original.split("\n").length);
    const ascii = (s: string) => s.replace(/[^\x00-\x7f]/g, "");
    expect(ascii(text)).toBe(ascii(original));
  });
});

describe("repairMojibake leaves correct text alone", () => {
  it.each(["beads-work-plan-health-probes.md", "beads-work-plan-split-brain.md", "progress-log-phase-streams.md"] as const)(
    "%s is returned unchanged",
    (name) => {
      const text = readSharedFixture(name);
      expect(repairMojibake(text)).toEqual({ text, repaired: 0, unresolved: 0 });
    },
  );

  it.each(["café naïve résumé", "Ünïcödé 中文 Ελληνικά русский", "“quotes” — dash – 20 °C ±1 ©", "🎉 ✅ ⏳ 🟢 ❌ ≥ → ↔", "Ça coûte 5 €"])(
    "%s is returned unchanged",
    (text) => {
      expect(repairMojibake(text).text).toBe(text);
      expect(countMojibake(text)).toBe(0);
    },
  );
});

describe("repairMojibake on generated mojibake", () => {
  it("repairs cp1252 mojibake that kept undefined bytes as C1 controls", () => {
    const original = "📁 files ❌ failed ⏳ waiting 🏆 won “quoted” — done ✅";
    expect(repairMojibake(asCp1252(original)).text).toBe(original);
  });

  it("repairs Latin-1 mojibake and text garbled twice", () => {
    const original = "✅ déjà vu 🎯";
    expect(asCp1252(original)).toBe("âœ… dÃ©jÃ\u00a0 vu ðŸŽ¯");
    expect(repairMojibake(asLatin1(original)).text).toBe(original);
    expect(repairMojibake(asCp1252(asCp1252(original))).text).toBe(original);
    expect(repairMojibake(asLatin1(asLatin1(original))).text).toBe(original);
  });

  it("guesses the character when the undefined byte was dropped, preferring common emoji", () => {
    const dropped = (text: string) => asCp1252(text).replace(/[\u0081\u008d\u008f\u0090\u009d]/g, "");
    expect(dropped("❌ ⏳ 🏆")).toBe("âŒ â³ ðŸ†");
    expect(repairMojibake(dropped("❌ no ⏳ wait 🏆 win")).text).toBe("❌ no ⏳ wait 🏆 win");
    expect(repairMojibake(dropped("📁 Files")).text).toBe("📁 Files");
    expect(repairMojibake(dropped("📝 Notes")).text).toBe("📝 Notes");
  });

  it("round-trips any text through cp1252 mojibake (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 40 }).filter((s) => countMojibake(s) === 0 && !/[\u0080-\u009f]/.test(s)),
        (s) => {
          expect(repairMojibake(asCp1252(s)).text).toBe(s);
          expect(repairMojibake(s).text).toBe(s);
        },
      ),
      { numRuns: 300 },
    );
  });
});
