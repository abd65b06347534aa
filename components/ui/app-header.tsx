import Link from "next/link";

export function AppHeader() {
  return (
    <header className="sticky top-0 z-20 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
      <nav aria-label="Main" className="mx-auto flex h-12 max-w-[1800px] items-center gap-6 px-4 text-sm">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span aria-hidden className="grid size-6 place-items-center rounded bg-zinc-900 text-xs text-white dark:bg-zinc-100 dark:text-zinc-900">
            G
          </span>
          Gateboard
        </Link>
        <Link href="/" className="text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
          Boards
        </Link>
        <span className="ml-auto rounded border border-zinc-200 px-2 py-0.5 text-xs text-zinc-500 dark:border-zinc-800">
          Read-only preview
        </span>
      </nav>
    </header>
  );
}
