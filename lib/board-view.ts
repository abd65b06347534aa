// Shapes the board screen receives. Kept free of zod and Prisma so client components can
// import them without pulling either into the browser bundle.

export type WipPolicy = "none" | "soft" | "hard";

export type PhaseView = {
  id: string;
  key: string;
  name: string;
  position: number;
  wipPolicy: WipPolicy;
  wipMin: number | null;
  wipMax: number | null;
  count: number;
  /** Phase keys the workflow lets a ticket move to from here. */
  allowedTargets: string[];
};

export type CardView = {
  id: string;
  title: string;
  type: string;
  priority: number;
  status: string;
  /** Key of the phase (column) it is in. */
  phase: string;
  rank: string;
  version: number;
  labels: string[];
  phaseEnteredAt: string;
  // The fields below are left out when false or unset: most cards have none of them, and
  // the board sends thousands of cards (see getBoard).
  parentId?: string;
  /** Held up by a dependency (beads' rule: blocks, waits-for, a blocked parent). */
  blocked?: boolean;
  /** In the ready queue: open or in progress, nothing blocking, not deferred. */
  ready?: boolean;
  /** An open gate request: waiting for evidence or approval, or approved and waiting for room in `to`. */
  gateWaiting?: { to: string; waitingForCapacity: boolean };
  /** Its agent crashed while holding it: nobody is working on it (cleared when the agent is back or it is reassigned). */
  orphaned?: boolean;
  assignee?: { kind: "user" | "agent"; name: string };
};

export type BoardView = {
  id: string;
  key: string;
  name: string;
  workflowKey: string;
  phases: PhaseView[];
  tickets: CardView[];
  /** When the data was read; card ages are relative to it. */
  asOf: string;
  /** The board's latest change (audit sequence) the view includes: its live stream resumes after it. */
  changeSeq: number;
};
