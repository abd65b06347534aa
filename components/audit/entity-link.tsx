import Link from "next/link";

/** A ticket links to its card on the board; other entities show their type and id. */
export function EntityLink({ type, id, boardKey }: { type: string; id: string; boardKey: string | null }) {
  const label = (
    <>
      <span className="text-zinc-500">{type} </span>
      <span className="font-mono">{id.length > 24 ? `${id.slice(0, 8)}…` : id}</span>
    </>
  );
  if (type === "ticket" && boardKey) {
    return (
      <Link href={`/boards/${boardKey}/tickets/${encodeURIComponent(id)}`} className="whitespace-nowrap hover:underline" title={`Open ${id}`}>
        {label}
      </Link>
    );
  }
  if (type === "board" && boardKey) {
    return (
      <Link href={`/boards/${boardKey}`} className="whitespace-nowrap hover:underline">
        {label}
      </Link>
    );
  }
  if (type === "plan") {
    return (
      <Link href={`/plans/${encodeURIComponent(id)}`} className="whitespace-nowrap hover:underline" title={`Open plan ${id}`}>
        {label}
      </Link>
    );
  }
  return (
    <span className="whitespace-nowrap" title={id}>
      {label}
    </span>
  );
}
