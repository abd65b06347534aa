import type { NotReadyReason } from "@/lib/domain/dependencies/ready-queue";

/** One sentence per reason, naming the edge or ancestor, as a person would say it. */
export function reasonText(reason: NotReadyReason): string {
  switch (reason.kind) {
    case "closed":
      return "Closed";
    case "status":
      return `Status is ${reason.status}`;
    case "non-work-type":
      return `A ${reason.type}, not work to pick up`;
    case "deferred":
      return `Deferred until ${reason.until.slice(0, 10)}`;
    case "ancestor-deferred":
      return `Parent ${reason.ancestorId} is deferred until ${reason.until.slice(0, 10)}`;
    case "blocked-by":
      return `${reason.edgeType === "blocks" ? "Blocked" : "Conditionally blocked"} by ${reason.blockerId} (${reason.blockerStatus})`;
    case "waits-for":
      return `Waits for ${reason.spawnerId}: ${reason.openChildIds.length} child${reason.openChildIds.length === 1 ? "" : "ren"} still open (${reason.gate})`;
    case "parent-blocked":
      return reason.blockedAncestorId === reason.parentId
        ? `Parent ${reason.parentId} is blocked`
        : `Parent ${reason.parentId} is blocked because ${reason.blockedAncestorId} is`;
  }
}
