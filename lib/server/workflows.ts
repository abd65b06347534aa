import "server-only";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { parseWorkflowYaml } from "@/lib/domain/workflow/parse-workflow";
import type { WorkflowDefinition } from "@/lib/schemas/workflow";
import { AppError } from "@/lib/domain/errors";

export class WorkflowFileError extends Error {
  override name = "WorkflowFileError";
}

/**
 * Reads and validates every workflows/*.yaml. One bad file stops start-up with every error
 * of every file, each naming the file and the field.
 */
export function loadWorkflows(dir: string = path.resolve(env().GATEBOARD_WORKFLOWS_DIR)): Map<string, WorkflowDefinition> {
  let files: string[];
  try {
    files = readdirSync(dir).filter((file) => /\.ya?ml$/.test(file)).sort();
  } catch (error) {
    throw new WorkflowFileError(`Cannot read the workflows folder ${dir}: ${(error as Error).message}`);
  }
  const workflows = new Map<string, WorkflowDefinition>();
  const errors: string[] = [];
  for (const file of files) {
    const result = parseWorkflowYaml(readFileSync(path.join(dir, file), "utf8"), `workflows/${file}`);
    if (result.ok) workflows.set(file.replace(/\.ya?ml$/, ""), result.workflow);
    else errors.push(...result.errors);
  }
  if (errors.length > 0) throw new WorkflowFileError(`Invalid workflow file(s):\n  ${errors.join("\n  ")}`);
  if (workflows.size === 0) throw new WorkflowFileError(`No workflow files (*.yaml) in ${dir}`);
  return workflows;
}

let cached: Map<string, WorkflowDefinition> | undefined;

export function workflows(): Map<string, WorkflowDefinition> {
  cached ??= loadWorkflows();
  return cached;
}

export function getWorkflow(key: string): WorkflowDefinition {
  const workflow = workflows().get(key);
  if (!workflow) {
    throw new AppError("VALIDATION_FAILED", `Unknown workflow "${key}". Available: ${[...workflows().keys()].join(", ")}`, {
      field: "workflow",
    });
  }
  return workflow;
}
