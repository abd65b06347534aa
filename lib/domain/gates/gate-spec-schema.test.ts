import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { gateSpecSchema } from "@/lib/schemas/gate";

describe("gateSpecSchema", () => {
  it("applies defaults to gates written in workflow YAML", () => {
    const gates = parseYaml(`
- kind: approval
- kind: tests
- kind: hard-stop
  label: User-approved commit
- kind: artifact
  name: Evidence
  artifacts: [review-notes, typecheck]
- kind: checklist
`) as unknown[];
    expect(gates.map((gate) => gateSpecSchema.parse(gate))).toEqual([
      { kind: "approval", approvals: 1, roles: ["reviewer", "lead"] },
      { kind: "tests", artifact: "junit", allowBaseline: true },
      { kind: "hard-stop", label: "User-approved commit" },
      { kind: "artifact", name: "Evidence", artifacts: ["review-notes", "typecheck"] },
      { kind: "checklist" },
    ]);
  });

  it("does not share the default roles array between parses", () => {
    const first = gateSpecSchema.parse({ kind: "approval" });
    const second = gateSpecSchema.parse({ kind: "approval" });
    expect(first.kind === "approval" && second.kind === "approval" && first.roles !== second.roles).toBe(true);
  });

  it.each([
    [{ kind: "aproval" }, ["kind"], "gate kind must be one of: approval, artifact, tests, checklist, hard-stop"],
    [{ kind: "approval", approvls: 2 }, [], 'Unrecognized key: "approvls"'],
    [{ kind: "approval", approvals: 0 }, ["approvals"], "approvals must be at least 1"],
    [{ kind: "approval", approvals: 1.5 }, ["approvals"], "approvals must be a whole number"],
    [{ kind: "approval", roles: ["owner"] }, ["roles", 0], 'Invalid option: expected one of "reviewer"|"lead"|"admin"'],
    [{ kind: "artifact", artifacts: [] }, ["artifacts"], "artifacts must list at least one artifact kind"],
    [{ kind: "artifact", artifacts: ["Review Notes"] }, ["artifacts", 0], 'artifact kind must be a lowercase slug such as "review-notes" or "typecheck"'],
    [{ kind: "checklist", items: [] }, [], 'Unrecognized key: "items"'],
    [{ kind: "hard-stop", name: "" }, ["name"], "gate name must not be empty"],
  ])("refuses %j with a message at the field", (input, path, message) => {
    const result = gateSpecSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path, message });
  });
});
