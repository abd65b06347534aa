import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadWorkflows } from "./workflows";

describe("loadWorkflows", () => {
  it("loads every shipped workflow file", () => {
    const workflows = loadWorkflows(path.resolve(__dirname, "../../workflows"));
    expect([...workflows.keys()]).toContain("software-development");
  });

  it("stops with every error of every bad file, each naming its file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gateboard-workflows-"));
    writeFileSync(path.join(dir, "a.yaml"), "name: A\nphases: []\ntransitions: []\n");
    writeFileSync(path.join(dir, "b.yml"), "name: [unclosed\n");
    expect(() => loadWorkflows(dir)).toThrow(/workflows\/a\.yaml: phases: a workflow needs at least two phases[\s\S]*workflows\/b\.yml: invalid YAML/);
  });

  it("refuses an empty folder", () => {
    expect(() => loadWorkflows(mkdtempSync(path.join(tmpdir(), "gateboard-empty-")))).toThrow(/No workflow files/);
  });
});
