/**
 * How long an agent may stay silent. Missing three heartbeats in a row makes it `stale` (shown
 * as a warning: maybe a long GC pause or a network blip); missing six makes it `crashed`
 * (its process is presumed gone and its claimed tickets are flagged). Three more intervals
 * between the two give a slow agent the chance to report back before anything is flagged.
 */
export const STALE_AFTER_INTERVALS = 3;
export const CRASHED_AFTER_INTERVALS = 6;

export type Liveness = "alive" | "stale" | "crashed";

export type LivenessInput = {
  /** The last sign of life: the last heartbeat, or the registration when none came yet. */
  lastHeartbeatAt: Date;
  heartbeatIntervalSec: number;
  now: Date;
};

export type LivenessVerdict = {
  liveness: Liveness;
  silentMs: number;
  /** When the agent becomes (or became) stale and crashed if it stays silent. */
  staleAt: Date;
  crashedAt: Date;
};

/** Liveness of a live agent (idle, busy, paused); a pure function of its last heartbeat and the time. */
export function judgeLiveness({ lastHeartbeatAt, heartbeatIntervalSec, now }: LivenessInput): LivenessVerdict {
  const intervalMs = Math.max(1, heartbeatIntervalSec) * 1000;
  const last = lastHeartbeatAt.getTime();
  const silentMs = Math.max(0, now.getTime() - last);
  const staleAt = new Date(last + STALE_AFTER_INTERVALS * intervalMs);
  const crashedAt = new Date(last + CRASHED_AFTER_INTERVALS * intervalMs);
  const liveness: Liveness = silentMs > CRASHED_AFTER_INTERVALS * intervalMs ? "crashed" : silentMs > STALE_AFTER_INTERVALS * intervalMs ? "stale" : "alive";
  return { liveness, silentMs, staleAt, crashedAt };
}

/** "2 min", "45 s", "3 h": how long, as people say it. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 90) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 36) return `${hours} h`;
  return `${Math.round(hours / 24)} d`;
}
