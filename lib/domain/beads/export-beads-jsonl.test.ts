import { describe, expect, it } from "vitest";
import { exportBeadsJsonl } from "./export-beads-jsonl";
import type { ExportTicket } from "./export-beads-jsonl";
import { parseBeadsJsonl } from "./parse-beads-jsonl";
import { mapBeadsIssues } from "./ticket-import";

const native: ExportTicket = {
  id: "gb-a3f8.1",
  title: "Wire the board",
  description: "",
  status: "in_progress",
  priority: 1,
  type: "feature",
  assignee: "agent-3",
  labels: ["board"],
  parentId: "gb-a3f8",
  phase: "testing",
  files: ["components/board/column.tsx"],
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-02T00:00:00.000Z",
  gateboard: { rank: "a1", version: 4 },
};

describe("exportBeadsJsonl", () => {
  it("writes beads' shape: _type first, snake_case, edges on the dependent, Gateboard data in metadata", () => {
    const text = exportBeadsJsonl(
      [native, { id: "gb-a3f8", title: "Epic", status: "open", priority: 2, type: "epic", createdAt: "2026-01-01T00:00:00.000Z" }],
      [
        { issueId: "gb-a3f8.1", dependsOnId: "gb-0001", type: "blocked-by", metadata: { why: "api first" } },
        { issueId: "gb-ghost", dependsOnId: "gb-a3f8", type: "blocks" },
      ],
    );
    const lines = text.trimEnd().split("\n");
    expect(text.endsWith("\n")).toBe(true);
    expect(lines).toHaveLength(2);
    const [epic, child] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(Object.keys(epic ?? {})[0]).toBe("_type");
    expect(epic).toEqual({
      _type: "issue",
      id: "gb-a3f8",
      title: "Epic",
      status: "open",
      priority: 2,
      issue_type: "epic",
      created_at: "2026-01-01T00:00:00.000Z",
    });
    expect(child).toEqual({
      _type: "issue",
      id: "gb-a3f8.1",
      title: "Wire the board",
      status: "in_progress",
      priority: 1,
      issue_type: "feature",
      assignee: "agent-3",
      created_at: "2026-01-01T00:00:00.000Z",
      updated_at: "2026-01-02T00:00:00.000Z",
      labels: ["board"],
      dependencies: [
        { issue_id: "gb-a3f8.1", depends_on_id: "gb-0001", type: "blocks", metadata: '{"why":"api first"}' },
        { issue_id: "gb-a3f8.1", depends_on_id: "gb-a3f8", type: "parent-child", created_at: "2026-01-01T00:00:00.000Z" },
      ],
      metadata: { gateboard: { rank: "a1", version: 4, phase: "testing", files: ["components/board/column.tsx"] } },
    });
  });

  it("writes closed_at only on closed issues, defaulting it so bd accepts the line", () => {
    const text = exportBeadsJsonl(
      [
        { id: "a", title: "A", status: "closed", priority: 2, type: "task", updatedAt: "2026-01-05T00:00:00.000Z" },
        { id: "b", title: "B", status: "open", priority: 2, type: "task", closedAt: "2026-01-05T00:00:00.000Z" },
      ],
      [],
    );
    const [a, b] = text.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(a?.closed_at).toBe("2026-01-05T00:00:00.000Z");
    expect(b).not.toHaveProperty("closed_at");
  });

  it("gives back beads-only statuses while Gateboard has not changed them", () => {
    const { issues } = parseBeadsJsonl(
      JSON.stringify({ id: "bd-1", title: "t", status: "hooked", priority: 2, issue_type: "task", comments: [{ id: 7, author: "a", text: "x", created_at: "2026-01-01T00:00:00Z" }] }),
    );
    const [ticket] = mapBeadsIssues(issues).tickets;
    if (!ticket) throw new Error("no ticket");
    const unchanged = JSON.parse(exportBeadsJsonl([ticket], [])) as Record<string, unknown>;
    expect(unchanged.status).toBe("hooked");
    expect(unchanged.comments).toEqual([{ id: 7, issue_id: "bd-1", author: "a", text: "x", created_at: "2026-01-01T00:00:00.000Z" }]);
    const moved = JSON.parse(exportBeadsJsonl([{ ...ticket, status: "closed" }], [])) as Record<string, unknown>;
    expect(moved.status).toBe("closed");
  });

  it("round-trips a Gateboard-born ticket through parse and map", () => {
    const [ticket] = mapBeadsIssues(parseBeadsJsonl(exportBeadsJsonl([native], [])).issues, { knownIds: ["gb-a3f8"] }).tickets;
    expect(ticket).toMatchObject({
      id: native.id,
      status: "in_progress",
      phase: "testing",
      parentId: "gb-a3f8",
      files: ["components/board/column.tsx"],
      labels: ["board"],
      source: { gateboard: { rank: "a1", version: 4 }, metadata: null },
    });
  });

  it("is empty for nothing", () => {
    expect(exportBeadsJsonl([], [])).toBe("");
  });
});
