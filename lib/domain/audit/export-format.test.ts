import { describe, expect, it } from "vitest";
import type { AuditRow } from "./audit-row";
import { CSV_COLUMNS, csvCell, csvHeader, exportFileName, toCsvRows, toJsonLines } from "./export-format";

function row(overrides: Partial<AuditRow> = {}): AuditRow {
  return {
    seq: 7,
    at: "2026-11-23T12:00:00.000Z",
    actor: { kind: "user", id: "u1", role: "lead", name: "Lee Lead" },
    action: "ticket.updated",
    entityType: "ticket",
    entityId: "gb-a3f8",
    boardKey: "gb",
    before: { title: "Old" },
    after: { title: "New" },
    reason: null,
    requestId: "req-1",
    ...overrides,
  };
}

/** A small RFC 4180 reader, enough to prove the writer round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { cells.push(cell); cell = ""; }
    else if (c === "\r" && text[i + 1] === "\n") { cells.push(cell); rows.push(cells); cells = []; cell = ""; i += 1; }
    else cell += c;
  }
  return rows;
}

describe("audit export: CSV", () => {
  it("has a header row naming every column, CRLF-terminated", () => {
    expect(csvHeader()).toBe(`${CSV_COLUMNS.join(",")}\r\n`);
    expect(parseCsv(csvHeader())[0]).toHaveLength(14);
  });

  it("quotes commas, quotes and newlines and round-trips them", () => {
    const tricky = 'He said "no", then\nleft\r\nagain';
    const text = csvHeader() + toCsvRows([row({ reason: tricky, after: { title: 'a,"b"' } })]);
    const [header, first] = parseCsv(text);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(first![CSV_COLUMNS.indexOf("reason")]).toBe(tricky);
    expect(JSON.parse(first![CSV_COLUMNS.indexOf("after")]!)).toEqual({ title: 'a,"b"' });
    expect(first![0]).toBe("7");
    expect(first![CSV_COLUMNS.indexOf("actor_name")]).toBe("Lee Lead");
  });

  it("leaves empty cells for nulls", () => {
    const [line] = parseCsv(toCsvRows([row({ before: null, reason: null, boardKey: null })]));
    expect(line![CSV_COLUMNS.indexOf("before")]).toBe("");
    expect(line![CSV_COLUMNS.indexOf("board")]).toBe("");
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell(-5)).toBe("-5");
    const [line] = parseCsv(toCsvRows([row({ reason: "=cmd|' /C calc'!A0" })]));
    expect(line![CSV_COLUMNS.indexOf("reason")]).toBe("'=cmd|' /C calc'!A0");
  });
});

describe("audit export: JSONL", () => {
  it("writes one parseable object per line, newlines inside values escaped", () => {
    const rows = [row(), row({ seq: 6, reason: "two\nlines" })];
    const lines = toJsonLines(rows).split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe("");
    expect(JSON.parse(lines[0]!)).toEqual(rows[0]);
    expect(JSON.parse(lines[1]!).reason).toBe("two\nlines");
  });

  it("names the file after the time and format", () => {
    expect(exportFileName("csv", new Date("2026-11-23T12:34:56.789Z"))).toBe("gateboard-audit-2026-11-23-12-34-56.csv");
  });
});
