import { Download } from "lucide-react";
import { auditQueryString, type AuditFilterValues } from "./audit-query-string";

/** Plain download links: the browser streams the file straight from the export route. */
export function ExportButtons({ filter }: { filter: AuditFilterValues }) {
  const button =
    "inline-flex items-center gap-1.5 rounded-md border border-zinc-200 px-2.5 py-1 text-xs font-medium hover:bg-zinc-50 dark:border-zinc-800 dark:hover:bg-zinc-900";
  return (
    <div className="flex items-center gap-2">
      {(["jsonl", "csv"] as const).map((format) => (
        <a key={format} href={`/api/v1/audit/export${auditQueryString(filter, { format })}`} download className={button}>
          <Download aria-hidden className="size-3.5" />
          Export {format.toUpperCase()}
        </a>
      ))}
    </div>
  );
}
