import { describe, expect, it } from "vitest";
import { canGrantRole } from "./grantable-role";
import { ROLES, type Actor, type Role } from "./permissions";

const actor = (role: Role, boardScope?: string): Actor => ({ kind: "user", id: "u", role, boardScope });

describe("canGrantRole", () => {
  it("lets an admin hand out every role", () => {
    for (const role of ROLES) expect(canGrantRole(actor("admin"), role)).toBe(true);
  });

  it("never lets a lead mint an admin credential", () => {
    expect(canGrantRole(actor("lead"), "admin")).toBe(false);
    expect(ROLES.filter((role) => canGrantRole(actor("lead"), role))).toEqual(["lead", "reviewer", "engineer", "viewer", "agent"]);
  });

  it("keeps weaker roles to roles no stronger than their own", () => {
    expect(canGrantRole(actor("engineer"), "reviewer")).toBe(false);
    expect(canGrantRole(actor("engineer"), "viewer")).toBe(true);
    expect(canGrantRole(actor("viewer"), "agent")).toBe(false);
  });
});
