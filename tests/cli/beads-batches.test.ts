import { describe, expect, it } from "vitest";
import { planBeadsBatches } from "@/cli/beads-batches";

const issue = (id: string, parent?: string, pad = 0) =>
  JSON.stringify({ id, title: `Issue ${id}`, padding: "x".repeat(pad), dependencies: parent ? [{ issue_id: id, depends_on_id: parent, type: "parent-child" }] : [] });

describe("planBeadsBatches", () => {
  it("sends a file that fits as one batch, in its own order, numbering its lines as in the file", () => {
    const text = [issue("bd-1.1", "bd-1"), "", issue("bd-1")].join("\n");
    expect(planBeadsBatches(text, 10_000)).toEqual({ batches: [{ jsonl: [issue("bd-1.1", "bd-1"), issue("bd-1")].join("\n"), lines: [1, 3] }], tooLarge: [] });
  });

  it("splits a larger file under the limit, parents before children, keeping each line's number", () => {
    const lines = [issue("bd-2.1.1", "bd-2.1", 300), issue("bd-2.1", "bd-2", 300), issue("bd-2", undefined, 300), "not json at all", issue("bd-3", undefined, 300)];
    const limit = 2 * Buffer.byteLength(JSON.stringify(lines[0]!)) + 10;
    const { batches, tooLarge } = planBeadsBatches(lines.join("\n"), limit);
    expect(tooLarge).toEqual([]);
    expect(batches.flatMap((batch) => batch.lines)).toEqual([3, 4, 5, 2, 1]);
    for (const batch of batches) {
      expect(Buffer.byteLength(JSON.stringify({ jsonl: batch.jsonl }))).toBeLessThanOrEqual(limit + 20);
      expect(batch.jsonl.split("\n")).toEqual(batch.lines.map((line) => lines[line - 1]));
    }
  });

  it("reports a line that alone is over the limit instead of sending it", () => {
    const lines = [issue("bd-1"), issue("bd-2", undefined, 5_000), issue("bd-3")];
    const { batches, tooLarge } = planBeadsBatches(lines.join("\n"), 1_000);
    expect(tooLarge).toEqual([{ line: 2, bytes: Buffer.byteLength(JSON.stringify(lines[1])) }]);
    expect(batches.flatMap((batch) => batch.lines)).toEqual([1, 3]);
  });

  it("survives a parent loop in a hand-edited file", () => {
    const lines = [issue("bd-a", "bd-b", 400), issue("bd-b", "bd-a", 400)];
    const { batches } = planBeadsBatches(lines.join("\n"), 600);
    expect(batches.flatMap((batch) => batch.lines).sort()).toEqual([1, 2]);
  });
});
