// The audit filters as URL search params: one shape for the page URL, the API and the export.

export const AUDIT_FILTER_KEYS = ["entity", "entityId", "actor", "action", "board", "from", "to"] as const;
export type AuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number];
export type AuditFilterValues = Partial<Record<AuditFilterKey, string>>;

export function auditQueryString(filter: AuditFilterValues, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) if (filter[key]) params.set(key, filter[key]);
  for (const [key, value] of Object.entries(extra)) if (value !== undefined && value !== "") params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}
