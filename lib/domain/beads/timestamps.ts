// beads writes Go RFC 3339 times: nanosecond fractions, local offsets (-08:00) or Z.

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * The same instant as ISO 8601 UTC with milliseconds ("2026-01-17T12:18:04.793Z"), or null
 * when `value` is not a timestamp. Sub-millisecond digits are truncated; no offset means UTC.
 */
export function normaliseTimestamp(value: string): string | null {
  const match = TIMESTAMP.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h = "0", mi = "0", s = "0", fraction = "", zone = "Z"] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;

  const ms = Number(fraction.slice(0, 3).padEnd(3, "0"));
  let utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC silently rolls 31 February into March; refuse it instead.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  if (zone !== "Z" && zone !== "z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0");
    utc -= sign * offsetMinutes * 60_000;
  }
  const date = new Date(utc);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
