import type { StatusValue, WorkStatus } from "@/lib/domain/plans/types";
import { STATUS_LABEL, STATUS_TONE } from "./ui-classes";

/** A status word with its meaning's colour; the original wording is kept as a tooltip. */
export function StatusPill({ status, label }: { status: StatusValue | WorkStatus; label?: string }) {
  const value = typeof status === "string" ? status : status.status;
  const title = typeof status === "string" ? undefined : status.text;
  return (
    <span title={title} className={`inline-flex items-center whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_TONE[value]}`}>
      {label ?? STATUS_LABEL[value]}
    </span>
  );
}
