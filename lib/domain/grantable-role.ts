import { can, PERMISSIONS, type Actor, type Role } from "@/lib/domain/permissions";

/**
 * Whether `actor` may hand out `role` (to a token or a person): only when the actor holds
 * every permission of that role, so nobody can mint a credential stronger than their own
 * (a lead cannot create an admin token).
 */
export function canGrantRole(actor: Actor, role: Role): boolean {
  const probe: Actor = { kind: "system", id: "probe", role };
  return PERMISSIONS.every((permission) => !can(probe, permission) || can({ ...actor, boardScope: null }, permission));
}
