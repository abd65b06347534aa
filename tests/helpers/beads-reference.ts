// beads' blocked/ready rule written the slow, obvious way, straight on the raw JSONL
// records: the oracle the library (lib/domain/dependencies) and the import are checked against.

export type RawIssue = Record<string, unknown> & {
  id: string;
  status?: string;
  issue_type?: string;
  _type?: string;
  defer_until?: string | null;
  dependencies?: Array<{ depends_on_id: string; type: string; metadata?: unknown }> | null;
};

/**
 * The blocked/ready rule written the slow, obvious way: direct causes, then repeat
 * "child of a blocked parent" until nothing changes.
 */
/** Straight from the file, without the library: what a reader of the JSONL would count. */
export function rawFacts(text: string) {
  const live: RawIssue[] = [];
  let tombstone = 0;
  let nonIssue = 0;
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const record = JSON.parse(line) as RawIssue;
    if (record._type !== undefined && record._type !== "issue") nonIssue += 1;
    else if (record.status === "tombstone") tombstone += 1;
    else live.push(record);
  }
  const liveIds = new Set(live.map((r) => r.id));
  const edgeKeys = new Set<string>();
  const depsByType: Record<string, number> = {};
  let withParent = 0;
  for (const record of live) {
    let hasParent = false;
    for (const dep of record.dependencies ?? []) {
      const type = dep.type === "blocked-by" ? "blocks" : dep.type;
      const key = `${record.id} ${dep.depends_on_id} ${type}`;
      if (!edgeKeys.has(key)) depsByType[type] = (depsByType[type] ?? 0) + 1;
      edgeKeys.add(key);
      if (type === "parent-child" && liveIds.has(dep.depends_on_id)) hasParent = true;
    }
    if (hasParent) withParent += 1;
  }
  return { live, tombstone, nonIssue, depsByType, withParent };
}

export function rawReadiness(live: RawIssue[], now: Date) {
  const byId = new Map(live.map((r) => [r.id, r]));
  const statusOf = (id: string) => byId.get(id)?.status ?? "open";
  const parentsOf = (r: RawIssue) =>
    (r.dependencies ?? []).filter((d) => d.type === "parent-child" && byId.has(d.depends_on_id)).map((d) => d.depends_on_id);
  const childrenOf = (id: string) => live.filter((r) => parentsOf(r).includes(id));
  const done = (status: string) => status === "closed" || status === "pinned";

  const blocked = new Set<string>();
  for (const r of live) {
    if (r.status === "closed") continue;
    for (const d of r.dependencies ?? []) {
      if (!byId.has(d.depends_on_id)) continue;
      const target = statusOf(d.depends_on_id);
      if (["blocks", "blocked-by", "conditional-blocks"].includes(d.type) && !done(target)) blocked.add(r.id);
      if (d.type === "waits-for") {
        const kids = childrenOf(d.depends_on_id).map((k) => k.status ?? "open");
        const meta = typeof d.metadata === "string" ? JSON.parse(d.metadata || "{}") : d.metadata;
        const anyGate = (meta as { gate?: string } | null)?.gate === "any-children";
        if (kids.some((s) => !done(s)) && !(anyGate && kids.includes("closed"))) blocked.add(r.id);
      }
    }
  }
  const deferred = new Set(live.filter((r) => r.defer_until && Date.parse(r.defer_until) > now.getTime()).map((r) => r.id));
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of live) {
      const parents = parentsOf(r);
      if (r.status !== "closed" && !blocked.has(r.id) && parents.some((p) => blocked.has(p))) {
        blocked.add(r.id);
        changed = true;
      }
      if (!deferred.has(r.id) && parents.some((p) => deferred.has(p))) {
        deferred.add(r.id);
        changed = true;
      }
    }
  }
  const nonWork = ["gate", "molecule", "message", "agent", "role", "rig", "merge-request"];
  const ready = live
    .filter((r) => ["open", "in_progress"].includes(r.status ?? "open"))
    .filter((r) => !blocked.has(r.id) && !deferred.has(r.id) && !nonWork.includes(r.issue_type ?? "task"))
    .map((r) => r.id);
  return { blocked, ready: new Set(ready) };
}
