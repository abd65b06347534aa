const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];
const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto", style: "narrow" });

/** "2026-11-23 12:04:05 UTC" with a relative hint ("3 h ago") against the read time. */
export function AuditTime({ at, now }: { at: string; now: number }) {
  const diff = Date.parse(at) - now;
  const [unit, size] = UNITS.find(([, ms]) => Math.abs(diff) >= ms) ?? ["second", 1_000];
  return (
    <time dateTime={at} title={at} className="whitespace-nowrap tabular-nums">
      {at.slice(0, 10)} {at.slice(11, 19)}
      <span className="text-zinc-400"> UTC</span>
      <span className="block text-[11px] text-zinc-500">{relative.format(Math.round(diff / size), unit)}</span>
    </time>
  );
}
