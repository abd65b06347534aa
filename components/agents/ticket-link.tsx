import Link from "next/link";

/** A ticket id linking to its page on its board (plain text when the board is unknown). */
export function TicketLink({ id, boardKey, className = "" }: { id: string; boardKey: string | null; className?: string }) {
  const classes = `font-mono text-xs ${className}`;
  if (!boardKey) return <span className={classes}>{id}</span>;
  return (
    <Link href={`/boards/${boardKey}/tickets/${encodeURIComponent(id)}`} className={`${classes} underline-offset-2 hover:underline`}>
      {id}
    </Link>
  );
}
