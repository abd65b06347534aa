import type { z } from "zod";
import { issueLineSchema, KNOWN_DEPENDENCY_KEYS, KNOWN_ISSUE_KEYS } from "./beads-line-schema";
import type { IssueLine } from "./beads-line-schema";
import { nearestTicketStatus } from "./beads-status";
import type { TicketStatus } from "./beads-status";
import type { BeadsDependency, BeadsIssue, BeadsParseResult } from "./beads-types";

export interface ParseBeadsOptions {
  /** Raw status → Gateboard status, for custom statuses the built-in guess gets wrong. */
  statusOverrides?: Readonly<Record<string, TicketStatus>>;
}

/**
 * Parses a beads JSONL export line by line. A bad line becomes an error naming the line and
 * the field, and never stops the others. Tombstones and non-issue records (`_type` other
 * than "issue", e.g. memories) are counted, not returned.
 */
export function parseBeadsJsonl(text: string, options: ParseBeadsOptions = {}): BeadsParseResult {
  const result: BeadsParseResult = { issues: [], skipped: { tombstone: 0, nonIssue: 0 }, errors: [] };
  const firstLineOf = new Map<string, number>();
  const lines = text.split(/\r?\n/);

  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "") return;
    const fail = (message: string): void => {
      result.errors.push({ line, message });
    };

    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      fail(`invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      fail("expected a JSON object");
      return;
    }
    const record = value as Record<string, unknown>;
    if (record._type !== undefined && record._type !== "issue") {
      result.skipped.nonIssue += 1;
      return;
    }
    if (record.status === "tombstone") {
      result.skipped.tombstone += 1;
      return;
    }

    const parsed = issueLineSchema.safeParse(record);
    if (!parsed.success) {
      fail(formatIssues(parsed.error.issues));
      return;
    }
    const issue = toIssue(parsed.data, record, line, options);
    const mismatch = issue.dependencies.find((dep) => dep.issueId !== issue.id);
    if (mismatch) {
      fail(`dependencies: issue_id "${mismatch.issueId}" differs from the issue's id "${issue.id}"`);
      return;
    }
    const firstLine = firstLineOf.get(issue.id);
    if (firstLine !== undefined) {
      fail(`id "${issue.id}" already appeared on line ${firstLine}`);
      return;
    }
    firstLineOf.set(issue.id, line);
    result.issues.push(issue);
  });
  return result;
}

function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.map(String).join(".");
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join("; ");
}

function toIssue(
  data: IssueLine,
  record: Record<string, unknown>,
  line: number,
  options: ParseBeadsOptions,
): BeadsIssue {
  const rawDependencies = Array.isArray(record.dependencies) ? (record.dependencies as unknown[]) : [];
  return {
    id: data.id,
    title: data.title,
    description: data.description,
    design: data.design,
    acceptanceCriteria: data.acceptance_criteria,
    notes: data.notes,
    status: nearestTicketStatus(data.status, options.statusOverrides),
    rawStatus: data.status,
    priority: data.priority,
    issueType: data.issue_type,
    assignee: data.assignee,
    labels: data.labels,
    createdAt: data.created_at,
    createdBy: data.created_by,
    updatedAt: data.updated_at,
    closedAt: data.closed_at,
    closeReason: data.close_reason,
    deferUntil: data.defer_until,
    dueAt: data.due_at,
    externalRef: data.external_ref,
    dependencies: data.dependencies.map(
      (dep, i): BeadsDependency => ({
        issueId: dep.issue_id || data.id,
        dependsOnId: dep.depends_on_id,
        type: dep.type,
        createdAt: dep.created_at,
        createdBy: dep.created_by,
        metadata: dep.metadata,
        extra: extraFields(rawDependencies[i], KNOWN_DEPENDENCY_KEYS),
      }),
    ),
    comments: data.comments.map((comment) => ({
      id: String(comment.id),
      issueId: comment.issue_id || data.id,
      author: comment.author ?? "",
      text: comment.text,
      createdAt: comment.created_at,
    })),
    metadata: data.metadata ?? null,
    extra: extraFields(record, KNOWN_ISSUE_KEYS),
    line,
  };
}

function extraFields(value: unknown, known: ReadonlySet<string>): Record<string, unknown> {
  if (value === null || typeof value !== "object") return {};
  const extra: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    // defineProperty keeps a hostile "__proto__" key as plain data.
    if (!known.has(key)) Object.defineProperty(extra, key, { value: field, enumerable: true, writable: true, configurable: true });
  }
  return extra;
}
