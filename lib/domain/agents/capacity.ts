/**
 * Per-agent WIP: an agent holds at most `capacity` tickets that are not closed. The count is
 * read under a lock on the agent (see claim-ticket) so racing claims cannot exceed it.
 */
export type CapacityCheck = { allowed: true; remainingAfter: number } | { allowed: false; message: string };

export function checkAgentCapacity(agentName: string, capacity: number, held: number): CapacityCheck {
  if (held < capacity) return { allowed: true, remainingAfter: capacity - held - 1 };
  return {
    allowed: false,
    message: `Agent ${agentName} already holds ${held} ticket${held === 1 ? "" : "s"}, its capacity is ${capacity}. Finish or hand one over before claiming another.`,
  };
}
