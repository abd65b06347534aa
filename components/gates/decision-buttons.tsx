"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { decideGateAction } from "@/app/inbox/actions";
import { inboxKey } from "./inbox-list";

/** One click approves; rejecting asks for the comment the rule requires. */
export function DecisionButtons({ requestId, ticketId }: { requestId: string; ticketId: string }) {
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [comment, setComment] = useState("");
  const decide = useMutation({
    mutationFn: async (input: { decision: "approve" | "reject"; comment?: string }) => {
      const result = await decideGateAction(requestId, input);
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    onSuccess: (result, input) => {
      if (input.decision === "reject") toast.success(`Rejected: ${ticketId} stays where it is`);
      else if (result.advance === "moved") toast.success(`Approved: ${ticketId} moved on`);
      else if (result.advance === "waiting_for_capacity") toast.info(`Approved: ${ticketId} waits for room in the next column`);
      else toast.success(`Approval recorded; the gate still needs: ${result.needs.join("; ")}`);
      void queryClient.invalidateQueries({ queryKey: inboxKey });
      void queryClient.invalidateQueries({ queryKey: ["board"] });
    },
    onError: (error) => toast.error("The decision was not recorded", { description: error.message }),
  });

  if (rejecting) {
    return (
      <form
        className="flex flex-col gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          decide.mutate({ decision: "reject", comment });
        }}
      >
        <label className="text-sm font-medium" htmlFor={`reject-${requestId}`}>
          Why is it rejected? What must change?
        </label>
        <textarea
          id={`reject-${requestId}`}
          required
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          className="min-h-20 rounded-md border border-zinc-300 bg-white p-2 text-sm dark:border-zinc-700 dark:bg-zinc-950"
        />
        <div className="flex gap-2">
          <button type="submit" disabled={decide.isPending || comment.trim() === ""} className="rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-700 disabled:opacity-50">
            Reject {ticketId}
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
        disabled={decide.isPending}
        onClick={() => decide.mutate({ decision: "approve" })}
        className="rounded-md bg-green-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-green-800 disabled:opacity-50"
      >
        Approve {ticketId}
      </button>
      <button
        type="button"
        disabled={decide.isPending}
        onClick={() => setRejecting(true)}
        className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        Reject…
      </button>
    </div>
  );
}
