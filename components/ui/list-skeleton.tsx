/** Placeholder for a page that is a title and a list, while it loads. */
export function ListSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <main aria-busy className="mx-auto max-w-6xl px-4 py-6">
      <div className="mb-4 h-6 w-48 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
      <div className="grid gap-2">
        {Array.from({ length: rows }, (_, index) => (
          <div key={index} className="h-9 animate-pulse rounded bg-zinc-100 dark:bg-zinc-900" />
        ))}
      </div>
    </main>
  );
}
