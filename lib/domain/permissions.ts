/** People's roles, most to least powerful. Agents act with role `agent` (or another). */
export const USER_ROLES = ["admin", "lead", "reviewer", "engineer", "viewer"] as const;
export const ROLES = [...USER_ROLES, "agent"] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: a signed-in person, an agent's token, or Gateboard itself. */
export type Actor = {
  kind: "user" | "agent" | "system";
  id: string;
  role: Role;
  /** Display name for audit views. */
  name?: string;
  /** Set for tokens scoped to one board. */
  boardScope?: string | null;
  requestId?: string;
};

export const SYSTEM_ACTOR: Actor = { kind: "system", id: "system", role: "admin", name: "Gateboard" };

export const PERMISSIONS = [
  "board.read",
  "board.manage",
  "ticket.create",
  "ticket.edit",
  "ticket.move",
  "ticket.claim",
  "wip.override",
  "artifact.attach",
  "gate.request",
  "gate.decide",
  "plan.import",
  "audit.read",
  "agent.register",
  "token.manage",
  "user.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const WORK: Permission[] = ["board.read", "ticket.create", "ticket.edit", "ticket.move", "ticket.claim", "artifact.attach", "gate.request", "plan.import", "audit.read"];

/** The whole role model in one table; use cases ask `can()`, nothing else decides. */
const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set(PERMISSIONS),
  lead: new Set(PERMISSIONS.filter((p) => p !== "user.manage")),
  reviewer: new Set([...WORK, "gate.decide"]),
  engineer: new Set(WORK),
  viewer: new Set(["board.read", "audit.read"]),
  agent: new Set([...WORK, "agent.register"]),
};

export function can(actor: Actor, permission: Permission, boardId?: string): boolean {
  if (!GRANTS[actor.role]?.has(permission)) return false;
  if (boardId && actor.boardScope && actor.boardScope !== boardId) return false;
  return true;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
