import { describe, expect, it } from "vitest";
import { parseBeadsJsonl } from "./parse-beads-jsonl";
import { mapBeadsIssues } from "./ticket-import";

const jsonl = (...records: Record<string, unknown>[]) => records.map((r) => JSON.stringify(r)).join("\n");
const issue = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: `Title ${id}`,
  status: "open",
  priority: 2,
  issue_type: "task",
  created_at: "2026-01-01T00:00:00Z",
  updated_at: "2026-01-02T00:00:00Z",
  ...extra,
});
const pc = (child: string, parent: string) => ({ issue_id: child, depends_on_id: parent, type: "parent-child" });

describe("mapBeadsIssues", () => {
  it("maps beads fields onto a ticket with the default phase", () => {
    const { issues } = parseBeadsJsonl(
      jsonl(
        issue("bd-1", {
          description: "desc",
          design: "design",
          acceptance_criteria: "ac",
          notes: "notes",
          status: "closed",
          closed_at: "2026-01-03T00:00:00Z",
          close_reason: "Done",
          priority: 0,
          issue_type: "bug",
          assignee: "alice",
          labels: ["ui", "p0"],
          defer_until: "2026-03-01T00:00:00+01:00",
          external_ref: "gh-9",
          created_by: "bob",
          owner: "o@example.com",
        }),
      ),
    );
    const [ticket] = mapBeadsIssues(issues).tickets;
    expect(ticket).toEqual({
      id: "bd-1",
      title: "Title bd-1",
      description: "desc",
      design: "design",
      acceptanceCriteria: "ac",
      notes: "notes",
      status: "closed",
      phase: "done",
      priority: 0,
      type: "bug",
      assignee: "alice",
      labels: ["ui", "p0"],
      parentId: null,
      files: [],
      createdAt: "2026-01-01T00:00:00.000Z",
      updatedAt: "2026-01-02T00:00:00.000Z",
      closedAt: "2026-01-03T00:00:00.000Z",
      closeReason: "Done",
      deferUntil: "2026-02-28T23:00:00.000Z",
      dueAt: null,
      dependencies: [],
      source: {
        system: "beads",
        rawStatus: "closed",
        mappedStatus: "closed",
        createdBy: "bob",
        externalRef: "gh-9",
        comments: [],
        metadata: null,
        extra: { owner: "o@example.com" },
        gateboard: null,
      },
    });
    expect(JSON.parse(JSON.stringify(ticket))).toEqual(ticket);
  });

  it("maps phases by status with caller overrides", () => {
    const { issues } = parseBeadsJsonl(
      jsonl(issue("a", { status: "in_progress" }), issue("b", { status: "hooked" }), issue("c", { status: "in_review" })),
    );
    expect(mapBeadsIssues(issues).tickets.map((t) => t.phase)).toEqual(["building", "building", "building"]);
    const custom = mapBeadsIssues(issues, { phases: { byStatus: { in_progress: "analyzing" }, byRawStatus: { in_review: "review" } } });
    expect(custom.tickets.map((t) => t.phase)).toEqual(["analyzing", "analyzing", "review"]);
  });

  it("takes the parent from parent-child edges, preferring the hierarchical one", () => {
    const { issues } = parseBeadsJsonl(
      jsonl(
        issue("bd-au0"),
        issue("bd-iz5t"),
        issue("bd-au0.5", { dependencies: [pc("bd-au0.5", "bd-iz5t"), pc("bd-au0.5", "bd-au0")] }),
        issue("bd-x", { dependencies: [pc("bd-x", "bd-iz5t")] }),
        issue("bd-orphan", { dependencies: [pc("bd-orphan", "bd-tombstoned")] }),
        issue("bd-on-board", { dependencies: [pc("bd-on-board", "gb-77")] }),
      ),
    );
    const mapped = mapBeadsIssues(issues, { knownIds: ["gb-77"] });
    expect(Object.fromEntries(mapped.tickets.map((t) => [t.id, t.parentId]))).toEqual({
      "bd-au0": null,
      "bd-iz5t": null,
      "bd-au0.5": "bd-au0",
      "bd-x": "bd-iz5t",
      "bd-orphan": null,
      "bd-on-board": "gb-77",
    });
    expect(mapped.edges).toHaveLength(4);
    expect(mapped.danglingEdges.map((e) => e.dependsOnId)).toEqual(["bd-tombstoned"]);
  });

  it("reads back what a Gateboard export put in metadata", () => {
    const { issues } = parseBeadsJsonl(
      jsonl(
        issue("a", {
          metadata: { tool: "x", gateboard: { phase: "review", files: ["src/a.ts", 3], rank: "a0" } },
        }),
      ),
    );
    const [ticket] = mapBeadsIssues(issues).tickets;
    expect(ticket?.phase).toBe("review");
    expect(ticket?.files).toEqual(["src/a.ts"]);
    expect(ticket?.source.metadata).toEqual({ tool: "x" });
    expect(ticket?.source.gateboard).toEqual({ rank: "a0" });
    expect(mapBeadsIssues(issues, { preferExportedPhase: false }).tickets[0]?.phase).toBe("backlog");
  });
});
