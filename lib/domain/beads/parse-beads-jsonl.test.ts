import { describe, expect, it } from "vitest";
import { parseBeadsJsonl } from "./parse-beads-jsonl";

const line = (record: Record<string, unknown>) => JSON.stringify(record);
const base = { id: "bd-a3f8", title: "Do the thing", status: "open", priority: 1, issue_type: "task" };

describe("parseBeadsJsonl", () => {
  it("reads lines with and without _type, skips blanks, tombstones and other record types", () => {
    const text = [
      line({ _type: "issue", ...base }),
      "",
      "   ",
      line({ ...base, id: "bd-a3f8.1.2" }),
      line({ _type: "memory", key: "style", value: "terse" }),
      line({ ...base, id: "UI-12", status: "tombstone", deleted_at: "2025-12-25T01:21:01.952723-08:00" }),
      line({ ...base, id: "UI-13" }),
    ].join("\r\n");
    const result = parseBeadsJsonl(text);
    expect(result.errors).toEqual([]);
    expect(result.skipped).toEqual({ tombstone: 1, nonIssue: 1 });
    expect(result.issues.map((i) => [i.id, i.line])).toEqual([
      ["bd-a3f8", 1],
      ["bd-a3f8.1.2", 4],
      ["UI-13", 7],
    ]);
  });

  it("normalises fields and keeps unknown ones verbatim", () => {
    const [issue] = parseBeadsJsonl(
      line({
        ...base,
        status: "hooked",
        description: null,
        design: "",
        notes: "n",
        assignee: null,
        labels: null,
        created_at: "2026-01-17T04:18:04.793974-08:00",
        updated_at: "2025-11-24T13:58:03.677572681Z",
        owner: "steve@example.com",
        await_type: "gh:run",
        timeout: 1800000000000,
      }),
    ).issues;
    expect(issue).toMatchObject({
      status: "in_progress",
      rawStatus: "hooked",
      description: "",
      design: null,
      notes: "n",
      assignee: null,
      labels: [],
      createdAt: "2026-01-17T12:18:04.793Z",
      updatedAt: "2025-11-24T13:58:03.677Z",
      extra: { owner: "steve@example.com", await_type: "gh:run", timeout: 1800000000000 },
    });
  });

  it("applies beads' defaults for missing status, type and priority", () => {
    const [issue] = parseBeadsJsonl(line({ id: "x-1", title: "t" })).issues;
    expect(issue).toMatchObject({ status: "open", rawStatus: "open", issueType: "task", priority: 2 });
  });

  it("carries dependencies on the dependent, resolving blocked-by and string metadata", () => {
    const [issue] = parseBeadsJsonl(
      line({
        ...base,
        dependencies: [
          { issue_id: "bd-a3f8", depends_on_id: "bd-find4", type: "blocked-by", created_at: "2026-01-16T16:07:02.792016-08:00", created_by: "wolf" },
          { depends_on_id: "bd-spawn", type: "waits-for", metadata: '{"gate":"any-children"}', thread_id: "t1" },
          { issue_id: "bd-a3f8", depends_on_id: "bd-x", type: "some-future-type", metadata: {} },
        ],
      }),
    ).issues;
    expect(issue?.dependencies).toEqual([
      { issueId: "bd-a3f8", dependsOnId: "bd-find4", type: "blocks", createdAt: "2026-01-17T00:07:02.792Z", createdBy: "wolf", metadata: null, extra: {} },
      { issueId: "bd-a3f8", dependsOnId: "bd-spawn", type: "waits-for", createdAt: null, createdBy: null, metadata: { gate: "any-children" }, extra: { thread_id: "t1" } },
      { issueId: "bd-a3f8", dependsOnId: "bd-x", type: "some-future-type", createdAt: null, createdBy: null, metadata: {}, extra: {} },
    ]);
  });

  it("accepts comment ids as integers or strings", () => {
    const [issue] = parseBeadsJsonl(
      line({
        ...base,
        comments: [
          { id: 1, issue_id: "bd-a3f8", author: "giles", text: "hi", created_at: "2026-01-12T02:16:51Z" },
          { id: "c-7f", author: "wolf", text: "yo", created_at: "2026-01-12T02:17:00.5Z" },
        ],
      }),
    ).issues;
    expect(issue?.comments).toEqual([
      { id: "1", issueId: "bd-a3f8", author: "giles", text: "hi", createdAt: "2026-01-12T02:16:51.000Z" },
      { id: "c-7f", issueId: "bd-a3f8", author: "wolf", text: "yo", createdAt: "2026-01-12T02:17:00.500Z" },
    ]);
  });

  it("reports bad lines with the line number and the field, and keeps going", () => {
    const text = [
      "{not json",
      line({ ...base, id: "ok-1" }),
      "[1,2]",
      line({ title: "no id" }),
      line({ id: "no-title" }),
      line({ ...base, id: "bad-prio", priority: "high" }),
      line({ ...base, id: "bad-prio-2", priority: 7 }),
      line({ ...base, id: "bad-time", created_at: "yesterday" }),
      line({ ...base, id: "bad-labels", labels: "a,b" }),
      line({ ...base, id: "bad-dep", dependencies: [{ issue_id: "bad-dep", type: "blocks" }] }),
      line({ ...base, id: "bad-meta", dependencies: [{ depends_on_id: "x", type: "blocks", metadata: "{oops" }] }),
      line({ ...base, id: "wrong-owner", dependencies: [{ issue_id: "someone-else", depends_on_id: "x", type: "blocks" }] }),
      line({ ...base, id: "bad-comment", comments: [{ id: 1.5, text: "x", created_at: "2026-01-01T00:00:00Z" }] }),
      line({ ...base, id: "ok-1" }),
      line({ ...base, id: "ok-2" }),
    ].join("\n");
    const result = parseBeadsJsonl(text);
    expect(result.issues.map((i) => i.id)).toEqual(["ok-1", "ok-2"]);
    expect(result.errors.map((e) => e.line)).toEqual([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    const message = (n: number) => result.errors.find((e) => e.line === n)?.message;
    expect(message(1)).toMatch(/^invalid JSON/);
    expect(message(3)).toBe("expected a JSON object");
    expect(message(4)).toBe("id: is required");
    expect(message(5)).toBe("title: is required");
    expect(message(6)).toBe("priority: must be an integer from 0 to 4");
    expect(message(7)).toBe("priority: must be an integer from 0 to 4");
    expect(message(8)).toBe('created_at: is not a valid timestamp: "yesterday"');
    expect(message(9)).toBe("labels: must be an array of strings");
    expect(message(10)).toBe("dependencies.0.depends_on_id: is required");
    expect(message(11)).toBe("dependencies.0.metadata: must be a JSON object or a string holding one");
    expect(message(12)).toMatch(/issue_id "someone-else" differs/);
    expect(message(13)).toBe("comments.0.id: must be an integer or a non-empty string");
    expect(message(14)).toBe('id "ok-1" already appeared on line 2');
  });

  it("lists every wrong field of a line in one message", () => {
    const { errors } = parseBeadsJsonl(line({ id: "", title: 3 }));
    expect(errors).toEqual([{ line: 1, message: "id: must not be empty; title: must be a string" }]);
  });

  it("keeps custom statuses raw with a configurable nearest status", () => {
    const text = [line({ ...base, status: "in_review" }), line({ ...base, id: "b", status: "triage" })].join("\n");
    const guessed = parseBeadsJsonl(text).issues.map((i) => [i.rawStatus, i.status]);
    expect(guessed).toEqual([
      ["in_review", "in_progress"],
      ["triage", "open"],
    ]);
    const overridden = parseBeadsJsonl(text, { statusOverrides: { triage: "deferred" } }).issues;
    expect(overridden[1]?.status).toBe("deferred");
  });
});
