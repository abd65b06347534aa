/**
 * An agent's lifecycle. `idle`, `busy` and `paused` are live: the agent heartbeats in them.
 * `stopped` (the agent said goodbye) and `crashed` (it went silent, or its supervisor said
 * so) are ends: only registering again under the same name brings it back, as a respawn.
 */
export const AGENT_STATES = ["idle", "busy", "paused", "stopped", "crashed"] as const;
export type AgentState = (typeof AGENT_STATES)[number];

export const LIVE_AGENT_STATES = ["idle", "busy", "paused"] as const satisfies readonly AgentState[];
export type LiveAgentState = (typeof LIVE_AGENT_STATES)[number];

export function isAgentState(value: string): value is AgentState {
  return (AGENT_STATES as readonly string[]).includes(value);
}

export function isLive(state: string): state is LiveAgentState {
  return (LIVE_AGENT_STATES as readonly string[]).includes(state);
}

/** Whether a crashed or stopped agent of this name may come back by registering. */
export function isRespawnable(state: string): boolean {
  return state === "stopped" || state === "crashed";
}

/**
 * Where a heartbeat may take an agent from each state. Staying put is always fine for a live
 * agent (the plain "still alive" heartbeat). Nothing leaves `stopped` or `crashed` by
 * heartbeat: the agent registers again, which counts the respawn.
 */
const HEARTBEAT_TRANSITIONS: Record<AgentState, readonly AgentState[]> = {
  idle: ["idle", "busy", "paused", "stopped", "crashed"],
  busy: ["busy", "idle", "paused", "stopped", "crashed"],
  paused: ["paused", "idle", "busy", "stopped", "crashed"],
  stopped: [],
  crashed: [],
};

export type TransitionCheck = { allowed: true } | { allowed: false; message: string; allowedTargets: AgentState[] };

/** Whether a heartbeat may move an agent from `from` to `to`, and if not, what to do instead. */
export function checkHeartbeatTransition(agentName: string, from: AgentState, to: AgentState): TransitionCheck {
  const targets = HEARTBEAT_TRANSITIONS[from];
  if (targets.includes(to)) return { allowed: true };
  if (!isLive(from)) {
    return {
      allowed: false,
      allowedTargets: [],
      message: `Agent ${agentName} is ${from}: a heartbeat cannot bring it back. Register again (POST /api/v1/agents with the same name) to respawn it.`,
    };
  }
  return { allowed: false, allowedTargets: [...targets], message: `Agent ${agentName} cannot go from ${from} to ${to}. From ${from} it can go to: ${targets.join(", ")}.` };
}
