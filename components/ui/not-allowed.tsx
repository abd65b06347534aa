import { ShieldX } from "lucide-react";
import Link from "next/link";

/** The face of a FORBIDDEN page: what is refused, why, and where to go instead. */
export function NotAllowed({ what, need }: { what: string; need?: string }) {
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <ShieldX aria-hidden className="mx-auto size-8 text-zinc-400" />
      <h1 className="mt-3 text-lg font-semibold tracking-tight">Not allowed</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        Your role does not let you open {what}.{need ? ` It needs ${need}.` : ""} Ask an admin if you need access.
      </p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-zinc-900 underline underline-offset-4 dark:text-zinc-100">
        Back to boards
      </Link>
    </main>
  );
}
