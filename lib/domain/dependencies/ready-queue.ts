import { blockReasonsByTicket } from "./blocking";
import type { BlockReason } from "./blocking";
import { buildGraphIndex } from "./graph-index";
import type { GraphIndex } from "./graph-index";
import { compareByPriorityThenId, compareIds, NON_WORK_TYPES, WORKABLE_STATUSES } from "./graph-types";
import type { GraphEdge, GraphTicket } from "./graph-types";
import { propagateDown } from "./propagate-down";

/** Why a ticket is not in the ready queue; several can hold at once. */
export type NotReadyReason =
  | { kind: "closed" }
  | { kind: "status"; status: string }
  | { kind: "non-work-type"; type: string }
  | { kind: "deferred"; until: string }
  | { kind: "ancestor-deferred"; ancestorId: string; until: string }
  | BlockReason;

export interface ReadyQueue {
  /** Ready ticket ids by priority, then id. */
  ready: string[];
  /** Ready, open and unassigned: what an agent may claim now. */
  claimable: string[];
  /** Blocked ticket ids, sorted. */
  blocked: string[];
  /** Every ticket that is not ready, with all the reasons. */
  explain: Record<string, NotReadyReason[]>;
}

export interface ReadyQueueOptions {
  /** Injected so the result is reproducible; deferral is judged against it. */
  now: Date | string | number;
  nonWorkTypes?: readonly string[];
}

export function computeReadyQueue(
  tickets: readonly GraphTicket[],
  edges: readonly GraphEdge[],
  options: ReadyQueueOptions,
): ReadyQueue {
  const index = buildGraphIndex(tickets, edges);
  const blocked = blockReasonsByTicket(index);
  const deferred = deferralByTicket(index, toMillis(options.now));
  const nonWork = new Set(options.nonWorkTypes ?? NON_WORK_TYPES);

  const ready: GraphTicket[] = [];
  const explain = new Map<string, NotReadyReason[]>();
  for (const ticket of index.tickets.values()) {
    const reasons = notReadyReasons(ticket, nonWork, deferred.get(ticket.id), blocked.get(ticket.id));
    if (reasons.length === 0) ready.push(ticket);
    else explain.set(ticket.id, reasons);
  }
  ready.sort(compareByPriorityThenId);

  return {
    ready: ready.map((t) => t.id),
    claimable: ready.filter((t) => t.status === "open" && !t.assignee?.trim()).map((t) => t.id),
    blocked: [...blocked.keys()].sort(compareIds),
    explain: Object.fromEntries([...explain].sort(([a], [b]) => compareIds(a, b))),
  };
}

function notReadyReasons(
  ticket: GraphTicket,
  nonWork: ReadonlySet<string>,
  deferral: Deferral | undefined,
  blockReasons: BlockReason[] | undefined,
): NotReadyReason[] {
  if (ticket.status === "closed") return [{ kind: "closed" }];
  const reasons: NotReadyReason[] = [];
  if (!WORKABLE_STATUSES.includes(ticket.status)) reasons.push({ kind: "status", status: ticket.status });
  if (nonWork.has(ticket.type)) reasons.push({ kind: "non-work-type", type: ticket.type });
  if (deferral) {
    reasons.push(
      deferral.ancestorId === ticket.id
        ? { kind: "deferred", until: deferral.until }
        : { kind: "ancestor-deferred", ancestorId: deferral.ancestorId, until: deferral.until },
    );
  }
  if (blockReasons) reasons.push(...blockReasons);
  return reasons;
}

interface Deferral {
  ancestorId: string;
  until: string;
}

/** A ticket's own future deferUntil wins; otherwise it inherits the nearest deferred ancestor's. */
function deferralByTicket(index: GraphIndex, nowMs: number): Map<string, Deferral> {
  const own = new Map<string, Deferral>();
  for (const ticket of index.tickets.values()) {
    const until = ticket.deferUntil;
    if (until && Date.parse(until) > nowMs) own.set(ticket.id, { ancestorId: ticket.id, until });
  }
  return propagateDown(index, own, () => true);
}

function toMillis(now: Date | string | number): number {
  const ms = now instanceof Date ? now.getTime() : typeof now === "number" ? now : Date.parse(now);
  if (Number.isNaN(ms)) throw new RangeError(`now is not a valid time: ${String(now)}`);
  return ms;
}
