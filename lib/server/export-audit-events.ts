import "server-only";
import { csvHeader, toCsvRows, toJsonLines, type AuditExportFormat } from "@/lib/domain/audit/export-format";
import type { AuditPage } from "@/lib/domain/audit/audit-row";
import type { Actor } from "@/lib/domain/permissions";
import { AUDIT_PAGE_MAX, type AuditFilter } from "@/lib/schemas/audit";
import { authorize } from "@/lib/server/authorize";
import { listAuditEvents } from "@/lib/server/list-audit-events";

/**
 * The filtered audit view as export text, one page at a time (newest first), so a route
 * can stream 100k events without holding them. Permission is checked before the first
 * chunk so a refusal is an error response, not a half-written file.
 */
export async function exportAuditEvents(actor: Actor | null, filter: AuditFilter, format: AuditExportFormat): Promise<AsyncGenerator<string>> {
  const reader = await authorize(actor, "audit.read");
  // The first page is read here too, so a bad filter (unknown board) fails before streaming starts.
  const first = await listAuditEvents(reader, { ...filter, limit: AUDIT_PAGE_MAX });
  return pages(reader, filter, format, first);
}

async function* pages(actor: Actor, filter: AuditFilter, format: AuditExportFormat, first: AuditPage): AsyncGenerator<string> {
  if (format === "csv") yield csvHeader();
  let page = first;
  for (;;) {
    if (page.items.length > 0) yield format === "csv" ? toCsvRows(page.items) : toJsonLines(page.items);
    if (page.nextCursor === null) return;
    page = await listAuditEvents(actor, { ...filter, after: page.nextCursor, limit: AUDIT_PAGE_MAX });
  }
}
