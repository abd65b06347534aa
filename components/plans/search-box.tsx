import { Search } from "lucide-react";
import { fieldClass } from "./ui-classes";

/** A plain GET form: results render on the summaries page, and the URL can be shared. */
export function SearchBox({ defaultValue = "" }: { defaultValue?: string }) {
  return (
    <form action="/summaries" method="get" role="search" className="relative w-full max-w-md">
      <label htmlFor="document-search" className="sr-only">
        Search plans and summaries
      </label>
      <Search aria-hidden className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-zinc-400" />
      <input id="document-search" name="q" type="search" defaultValue={defaultValue} minLength={2} placeholder="Search plans and summaries…" className={`${fieldClass} pl-8`} />
    </form>
  );
}
