"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { decidePlanHardStopAction } from "@/app/plans/actions";
import { ApproveReject } from "@/components/gates/approve-reject";

/** One-click approval (or a rejection with its reason) of a plan's HARD STOP. */
export function HardStopDecision({ planId, gate }: { planId: string; gate: string }) {
  const router = useRouter();
  const decide = useMutation({
    mutationFn: async (input: { decision: "approve" | "reject"; comment?: string }) => {
      const result = await decidePlanHardStopAction(planId, input);
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    onSuccess: (_view, input) => {
      toast.success(input.decision === "approve" ? `Approved: ${gate}. The orchestrator may go on.` : `Rejected: ${gate}. The orchestrator must revise the plan.`);
      router.refresh();
    },
    onError: (error) => toast.error("The decision was not recorded", { description: error.message }),
  });
  return <ApproveReject subject={gate} pending={decide.isPending} onDecide={(input) => decide.mutate(input)} idPrefix={`plan-${planId}`} />;
}
