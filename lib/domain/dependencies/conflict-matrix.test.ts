import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildConflictMatrix, planParallelBatches } from "./conflict-matrix";
import type { ConflictTicket } from "./conflict-matrix";
import { pathsOverlap, normaliseFilePath } from "./file-paths";

describe("buildConflictMatrix", () => {
  it("pairs tickets on exact paths and directory prefixes, with the shared files", () => {
    const pairs = buildConflictMatrix([
      { id: "t1", files: ["./src/a/"] },
      { id: "t2", files: ["src\\a\\b.ts", "README.md"] },
      { id: "t3", files: ["README.md"] },
      { id: "t4", files: ["src/ab.ts"] },
      { id: "t5", files: [] },
    ]);
    expect(pairs).toEqual([
      { a: "t1", b: "t2", files: ["src/a/b.ts"] },
      { a: "t2", b: "t3", files: ["README.md"] },
    ]);
  });

  it("lists several shared files once each", () => {
    const pairs = buildConflictMatrix([
      { id: "b", files: ["lib/x.ts", "lib/y.ts", "lib/x.ts"] },
      { id: "a", files: ["lib"] },
    ]);
    expect(pairs).toEqual([{ a: "a", b: "b", files: ["lib/x.ts", "lib/y.ts"] }]);
  });
});

describe("planParallelBatches", () => {
  it("keeps conflicting tickets apart and everything else together", () => {
    const batches = planParallelBatches([
      { id: "t1", files: ["src/a"], priority: 2 },
      { id: "t2", files: ["src/a/b.ts"], priority: 1 },
      { id: "t3", files: ["src/a/c.ts"], priority: 0 },
      { id: "t4", files: ["docs/x.md"], priority: 3 },
    ]);
    // t1 conflicts with t2 and t3 (degree 2) so it goes first; t2/t3 share nothing with each other.
    expect(batches).toEqual([["t1", "t4"], ["t3", "t2"]]);
  });

  it("is empty for no tickets", () => {
    expect(planParallelBatches([])).toEqual([]);
  });

  const segment = fc.constantFrom("src", "lib", "a", "b", "c.ts", "d.ts");
  const path = fc
    .tuple(fc.array(segment, { minLength: 1, maxLength: 3 }), fc.constantFrom("", "/", "./"), fc.boolean())
    .map(([parts, decoration, backslash]) => {
      const joined = (decoration === "./" ? "./" : "") + parts.join(backslash ? "\\" : "/");
      return decoration === "/" ? `${joined}/` : joined;
    });
  const tickets = fc.uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      files: fc.array(path, { maxLength: 4 }),
      priority: fc.integer({ min: 0, max: 4 }),
    }),
    { selector: (t) => t.id, maxLength: 25 },
  );

  const conflicts = (x: ConflictTicket, y: ConflictTicket): boolean =>
    x.files.some((p) =>
      y.files.some((q) => {
        const [a, b] = [normaliseFilePath(p), normaliseFilePath(q)];
        return a !== "" && b !== "" && pathsOverlap(a, b);
      }),
    );

  it("never puts a conflicting pair in one batch and places every ticket exactly once", () => {
    fc.assert(
      fc.property(tickets, (input) => {
        const batches = planParallelBatches(input);
        const placed = batches.flat();
        expect(placed.slice().sort()).toEqual(input.map((t) => t.id).sort());
        const byId = new Map(input.map((t) => [t.id, t]));
        for (const batch of batches) {
          expect(batch.length).toBeGreaterThan(0);
          for (let i = 0; i < batch.length; i += 1) {
            for (let j = i + 1; j < batch.length; j += 1) {
              const x = byId.get(batch[i] as string) as ConflictTicket;
              const y = byId.get(batch[j] as string) as ConflictTicket;
              expect(conflicts(x, y)).toBe(false);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("matrix agrees with a brute-force pairwise check", () => {
    fc.assert(
      fc.property(tickets, (input) => {
        const found = new Set(buildConflictMatrix(input).map((p) => `${p.a}|${p.b}`));
        for (const x of input) {
          for (const y of input) {
            if (x.id >= y.id) continue;
            expect(found.has(`${x.id}|${y.id}`)).toBe(conflicts(x, y));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
