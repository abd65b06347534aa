import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseWorkflowYaml } from "./parse-workflow";

const shipped = readFileSync(path.resolve(__dirname, "../../../workflows/software-development.yaml"), "utf8");

const minimal = (body: string) => `name: Tiny\n${body}`;
const twoPhases = `phases:
  - { key: todo, name: To do }
  - { key: done, name: Done }
`;

function errorsOf(source: string): string[] {
  const result = parseWorkflowYaml(source, "workflows/tiny.yaml");
  if (result.ok) throw new Error("expected the workflow to be refused");
  return result.errors;
}

describe("parseWorkflowYaml", () => {
  it("accepts the shipped software-development workflow with its phases, limits and gates", () => {
    const result = parseWorkflowYaml(shipped, "workflows/software-development.yaml");
    if (!result.ok) throw new Error(result.errors.join("\n"));
    const { phases, transitions } = result.workflow;
    expect(phases.map((phase) => phase.name)).toEqual(["Backlog", "Analyzing", "Building", "Testing", "Review", "Deploying", "Done"]);
    expect(phases.map((phase) => [phase.key, phase.wip.policy, phase.wip.max ?? null])).toEqual([
      ["backlog", "none", null],
      ["analyzing", "hard", 5],
      ["building", "hard", 10],
      ["testing", "hard", 8],
      ["review", "none", null],
      ["deploying", "hard", 3],
      ["done", "none", null],
    ]);
    for (const phase of phases.filter((p) => p.key !== "done")) {
      expect(phase.doneDefinitions.length, phase.key).toBeGreaterThan(0);
      expect(phase.expectedOutputs.length, phase.key).toBeGreaterThan(0);
      expect(phase.prompt.length, phase.key).toBeGreaterThan(80);
    }
    const gateOf = (from: string, to: string) => transitions.find((t) => t.from === from && t.to.includes(to))?.gates.map((g) => g.kind);
    expect(gateOf("building", "testing")).toEqual(["tests"]);
    expect(gateOf("review", "deploying")).toEqual(["approval"]);
    expect(gateOf("deploying", "done")).toEqual(["hard-stop"]);
    expect(gateOf("backlog", "analyzing")).toEqual([]);
  });

  it("names the file when the YAML itself is broken", () => {
    const [error] = errorsOf("name: Tiny\nphases: [ { key: todo\n");
    expect(error).toMatch(/^workflows\/tiny\.yaml: invalid YAML/);
  });

  it("names a missing required field", () => {
    expect(errorsOf(`phases: []\ntransitions: []\n`)).toContainEqual(expect.stringMatching(/^workflows\/tiny\.yaml: name: /));
  });

  it("names the phase and field of a bad WIP setting", () => {
    const errors = errorsOf(minimal(`phases:
  - { key: todo, name: To do, wip: { policy: hard } }
  - { key: done, name: Done, wip: { policy: soft, min: 5, max: 2 } }
transitions:
  - { from: todo, to: done }
`));
    expect(errors).toContainEqual("workflows/tiny.yaml: phases[0] (todo).wip.max: a hard WIP policy needs a max");
    expect(errors).toContainEqual("workflows/tiny.yaml: phases[1] (done).wip.min: min (5) is above max (2)");
  });

  it("refuses an unknown WIP policy with the allowed values", () => {
    const errors = errorsOf(minimal(`phases:
  - { key: todo, name: To do, wip: { policy: strict, max: 3 } }
  - { key: done, name: Done }
transitions: [ { from: todo, to: done } ]
`));
    expect(errors[0]).toMatch(/phases\[0\] \(todo\)\.wip\.policy: .*"none"\|"soft"\|"hard"|phases\[0\] \(todo\)\.wip\.policy: .*none.*soft.*hard/);
  });

  it("refuses duplicate phase keys and transitions to unknown phases", () => {
    const errors = errorsOf(minimal(`phases:
  - { key: todo, name: To do }
  - { key: todo, name: Again }
transitions:
  - { from: todo, to: [shipped] }
`));
    expect(errors).toContainEqual('workflows/tiny.yaml: phases[1] (todo).key: duplicate phase key "todo"');
    expect(errors).toContainEqual(expect.stringContaining('transitions[0].to[0]: unknown phase "shipped"'));
  });

  it("refuses a typo in a field name instead of ignoring it", () => {
    const errors = errorsOf(minimal(`${twoPhases}transitions:
  - { from: todo, to: done, gate: [ { kind: approval } ] }
`));
    expect(errors[0]).toMatch(/transitions\[0\].*gate/);
  });

  it("refuses an unknown gate kind and a malformed gate", () => {
    const errors = errorsOf(minimal(`${twoPhases}transitions:
  - from: todo
    to: done
    gates:
      - { kind: vibes }
      - { kind: approval, approvals: 0 }
`));
    expect(errors.some((error) => error.includes("transitions[0].gates[0]"))).toBe(true);
    expect(errors.some((error) => error.includes("transitions[0].gates[1].approvals"))).toBe(true);
  });

  it("refuses a self-transition and a duplicate transition", () => {
    const errors = errorsOf(minimal(`${twoPhases}transitions:
  - { from: todo, to: [done, todo] }
  - { from: todo, to: done }
`));
    expect(errors).toContainEqual(expect.stringContaining('a phase cannot transition to itself ("todo")'));
    expect(errors).toContainEqual(expect.stringContaining("transition todo→done is declared twice"));
  });

  it("refuses a phase key that could not be used in a URL", () => {
    const errors = errorsOf(minimal(`phases:
  - { key: "To Do", name: To do }
  - { key: done, name: Done }
transitions: [ { from: done, to: done } ]
`));
    expect(errors[0]).toMatch(/phases\[0\] \(To Do\)\.key: must be lower-case/);
  });
});
