import { describe, expect, it } from "vitest";
import { cell, formatTable } from "@/cli/table";

describe("formatTable", () => {
  const rows = [
    { id: "gb-a3f8", priority: 1, title: "Idempotent payment creation", assignee: null },
    { id: "gb-a3f8.12", priority: 0, title: "Store keys\nwith expiry", assignee: "claude-worker-1" },
  ];
  const columns = [
    { header: "ID", value: (row: (typeof rows)[number]) => row.id },
    { header: "P", value: (row: (typeof rows)[number]) => row.priority, align: "right" as const },
    { header: "ASSIGNEE", value: (row: (typeof rows)[number]) => row.assignee },
    { header: "TITLE", value: (row: (typeof rows)[number]) => row.title, max: 16 },
  ];

  it("aligns columns two spaces apart, numbers to the right, with no trailing blanks", () => {
    expect(formatTable(rows, columns)).toBe(
      [
        "ID          P  ASSIGNEE         TITLE",
        "gb-a3f8     1  -                Idempotent paym…",
        "gb-a3f8.12  0  claude-worker-1  Store keys with…",
      ].join("\n"),
    );
  });

  it("prints the empty message when there are no rows", () => {
    expect(formatTable([], columns, "No tickets in Testing.")).toBe("No tickets in Testing.");
  });

  it("counts characters, not UTF-16 units, so emoji and accents keep the columns straight", () => {
    const table = formatTable([{ a: "✅ done", b: "x" }, { a: "ok", b: "y" }], [
      { header: "A", value: (row: { a: string; b: string }) => row.a },
      { header: "B", value: (row: { a: string; b: string }) => row.b },
    ]);
    expect(table.split("\n")).toEqual(["A       B", "✅ done  x", "ok      y"]);
  });
});

describe("cell", () => {
  it("shows a dash for nothing, one line for many, and cuts at the limit with an ellipsis", () => {
    expect(cell(null)).toBe("-");
    expect(cell("")).toBe("-");
    expect(cell(0)).toBe("0");
    expect(cell(false)).toBe("false");
    expect(cell("a\tb\n  c")).toBe("a b c");
    expect(cell("abcdef", 4)).toBe("abc…");
    expect(cell("abcd", 4)).toBe("abcd");
  });
});
