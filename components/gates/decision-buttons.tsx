"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { decideGateAction } from "@/app/inbox/actions";
import { ApproveReject } from "./approve-reject";
import { inboxKey } from "./inbox-list";

/** Approve / reject a ticket's gate request from the inbox. */
export function DecisionButtons({ requestId, ticketId }: { requestId: string; ticketId: string }) {
  const queryClient = useQueryClient();
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
  return <ApproveReject subject={ticketId} pending={decide.isPending} onDecide={(input) => decide.mutate(input)} idPrefix={requestId} />;
}
