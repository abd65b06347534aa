// Shapes of the audit view. Free of zod and Prisma so client components can import them.

export type AuditActorKind = "user" | "agent" | "system";

export type AuditRow = {
  seq: number;
  /** UTC, ISO 8601. */
  at: string;
  actor: { kind: AuditActorKind; id: string; role: string; name: string | null };
  action: string;
  entityType: string;
  entityId: string;
  boardKey: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  requestId: string | null;
};

export type AuditPage = { items: AuditRow[]; nextCursor: number | null };
