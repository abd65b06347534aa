import { describe, expect, it } from "vitest";
import { parseBeadsJsonl } from "./parse-beads-jsonl";
import { detectTicketChange, ticketContentHash } from "./ticket-change";
import { mapBeadsIssues } from "./ticket-import";
import type { TicketImport } from "./ticket-import";

function mapOne(record: Record<string, unknown>): TicketImport {
  const [ticket] = mapBeadsIssues(parseBeadsJsonl(JSON.stringify(record)).issues).tickets;
  if (!ticket) throw new Error("record did not map");
  return ticket;
}

const record = {
  id: "bd-1",
  title: "Title",
  status: "open",
  priority: 2,
  issue_type: "task",
  labels: ["a", "b"],
  created_at: "2026-01-17T04:18:04.793974-08:00",
  dependencies: [
    { issue_id: "bd-1", depends_on_id: "bd-2", type: "blocks" },
    { issue_id: "bd-1", depends_on_id: "bd-3", type: "related" },
  ],
};

describe("detectTicketChange", () => {
  it("reports created, then unchanged on re-import", () => {
    const first = mapOne(record);
    expect(detectTicketChange(null, first).kind).toBe("created");
    expect(detectTicketChange(first, mapOne(record))).toEqual({ kind: "unchanged", contentHash: ticketContentHash(first) });
    expect(detectTicketChange({ contentHash: ticketContentHash(first) }, mapOne(record)).kind).toBe("unchanged");
  });

  it("ignores key order, label order, dependency order and timestamp spelling", () => {
    const reordered = {
      dependencies: [...record.dependencies].reverse(),
      labels: ["b", "a"],
      created_at: "2026-01-17T12:18:04.793Z",
      issue_type: "task",
      priority: 2,
      status: "open",
      title: "Title",
      id: "bd-1",
    };
    expect(ticketContentHash(mapOne(reordered))).toBe(ticketContentHash(mapOne(record)));
  });

  it("names the fields that changed", () => {
    const before = mapOne(record);
    const after = mapOne({ ...record, title: "New title", status: "closed", closed_at: "2026-01-18T00:00:00Z" });
    const change = detectTicketChange(before, after);
    expect(change.kind).toBe("updated");
    expect(change.kind === "updated" && change.changedFields).toEqual(["closedAt", "phase", "source", "status", "title"]);
    expect(detectTicketChange({ contentHash: ticketContentHash(before) }, after)).toMatchObject({ kind: "updated", changedFields: null });
  });

  it("notices a new dependency and a changed comment", () => {
    const before = mapOne(record);
    const withEdge = mapOne({ ...record, dependencies: [...record.dependencies, { depends_on_id: "bd-4", type: "blocks" }] });
    expect(detectTicketChange(before, withEdge)).toMatchObject({ kind: "updated", changedFields: ["dependencies"] });
    const withComment = mapOne({ ...record, comments: [{ id: 1, author: "a", text: "x", created_at: "2026-01-01T00:00:00Z" }] });
    expect(detectTicketChange(before, withComment)).toMatchObject({ kind: "updated", changedFields: ["source"] });
  });
});
