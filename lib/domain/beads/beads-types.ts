// Parsed beads (`bd`) JSONL records. Field names are camelCase; values are normalised
// (ISO UTC timestamps, alias-free edge types) but nothing beads wrote is dropped.

import type { TicketStatus } from "./beads-status";

export interface BeadsDependency {
  /** The dependent issue (for parent-child: the child). */
  issueId: string;
  dependsOnId: string;
  /** Verbatim except aliases resolved (`blocked-by` → `blocks`). */
  type: string;
  createdAt: string | null;
  createdBy: string | null;
  metadata: Record<string, unknown> | null;
  /** Fields beads may add to edges (thread_id, …), verbatim. */
  extra: Record<string, unknown>;
}

export interface BeadsComment {
  /** beads writes integers, some tools strings; always a string here. */
  id: string;
  issueId: string;
  author: string;
  text: string;
  createdAt: string;
}

export interface BeadsIssue {
  id: string;
  title: string;
  description: string;
  design: string | null;
  acceptanceCriteria: string | null;
  notes: string | null;
  /** Nearest Gateboard status; `rawStatus` keeps what beads wrote (pinned, hooked, custom). */
  status: TicketStatus;
  rawStatus: string;
  priority: number;
  issueType: string;
  assignee: string | null;
  labels: string[];
  createdAt: string | null;
  createdBy: string | null;
  updatedAt: string | null;
  closedAt: string | null;
  closeReason: string | null;
  deferUntil: string | null;
  dueAt: string | null;
  externalRef: string | null;
  dependencies: BeadsDependency[];
  comments: BeadsComment[];
  /** beads' own free-form issue metadata (any JSON), Gateboard's export block included. */
  metadata: unknown;
  /** Every other field of the line (owner, content_hash, await_*, …), verbatim. */
  extra: Record<string, unknown>;
  /** 1-based line in the source file. */
  line: number;
}

export interface BeadsLineError {
  line: number;
  message: string;
}

export interface BeadsParseResult {
  issues: BeadsIssue[];
  skipped: { tombstone: number; nonIssue: number };
  errors: BeadsLineError[];
}
