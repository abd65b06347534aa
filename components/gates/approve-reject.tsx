"use client";

import { useState } from "react";

type Props = {
  /** Names what is decided, on the buttons: "Approve gb-12". */
  subject: string;
  pending: boolean;
  onDecide: (input: { decision: "approve" | "reject"; comment?: string }) => void;
  /** Keeps element ids unique when several controls share a page. */
  idPrefix: string;
};

/** One click approves; rejecting asks for the comment the rule requires. */
export function ApproveReject({ subject, pending, onDecide, idPrefix }: Props) {
  const [rejecting, setRejecting] = useState(false);
  const [comment, setComment] = useState("");

  if (rejecting) {
    return (
      <form
        className="flex flex-col gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          onDecide({ decision: "reject", comment });
        }}
      >
        <label className="text-sm font-medium" htmlFor={`reject-${idPrefix}`}>
          Why is it rejected? What must change?
        </label>
        <textarea
          id={`reject-${idPrefix}`}
          required
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          className="min-h-20 rounded-md border border-zinc-300 bg-white p-2 text-sm dark:border-zinc-700 dark:bg-zinc-950"
        />
        <div className="flex gap-2">
          <button type="submit" disabled={pending || comment.trim() === ""} className="rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-700 disabled:opacity-50">
            Reject {subject}
          </button>
          <button type="button" onClick={() => setRejecting(false)} className="rounded-md px-3 py-1.5 text-sm text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
            Cancel
          </button>
        </div>
      </form>
    );
  }
  return (
    <div className="flex gap-2">
      <button
        type="button"
        disabled={pending}
        onClick={() => onDecide({ decision: "approve" })}
        className="rounded-md bg-green-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-green-800 disabled:opacity-50"
      >
        Approve {subject}
      </button>
      <button
        type="button"
        disabled={pending}
        onClick={() => setRejecting(true)}
        className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        Reject…
      </button>
    </div>
  );
}
