import { describe, expect, it } from "vitest";
import { AGENT_STATES, checkHeartbeatTransition, isLive, isRespawnable } from "./lifecycle";

describe("agent lifecycle", () => {
  it("lets a live agent move between idle, busy and paused, stay put, stop or be reported crashed", () => {
    for (const from of ["idle", "busy", "paused"] as const) {
      for (const to of AGENT_STATES) expect(checkHeartbeatTransition("w", from, to), `${from} → ${to}`).toEqual({ allowed: true });
    }
  });

  it("refuses any heartbeat for a stopped or crashed agent and says to register again", () => {
    for (const from of ["stopped", "crashed"] as const) {
      for (const to of AGENT_STATES) {
        const check = checkHeartbeatTransition("worker-7", from, to);
        expect(check.allowed).toBe(false);
        if (!check.allowed) expect(check.message).toBe(`Agent worker-7 is ${from}: a heartbeat cannot bring it back. Register again (POST /api/v1/agents with the same name) to respawn it.`);
      }
    }
  });

  it("knows which states are live and which a registration respawns", () => {
    expect(AGENT_STATES.filter(isLive)).toEqual(["idle", "busy", "paused"]);
    expect(AGENT_STATES.filter(isRespawnable)).toEqual(["stopped", "crashed"]);
    expect(isLive("stale")).toBe(false);
  });
});
