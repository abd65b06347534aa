import { parseDocument } from "yaml";
import { workflowDefinitionSchema, type WorkflowDefinition } from "@/lib/schemas/workflow";

export type WorkflowParseResult =
  | { ok: true; workflow: WorkflowDefinition }
  | { ok: false; errors: string[] };

/**
 * Parses and validates one workflow YAML file. Every error names the file and the field
 * (as a dotted path, with the phase key where there is one) so a typo is found at once.
 */
export function parseWorkflowYaml(source: string, fileName: string): WorkflowParseResult {
  const document = parseDocument(source, { prettyErrors: true });
  if (document.errors.length > 0) {
    return {
      ok: false,
      errors: document.errors.map((error) => `${fileName}: invalid YAML: ${error.message.split("\n")[0]}`),
    };
  }
  const data: unknown = document.toJS();
  const result = workflowDefinitionSchema.safeParse(data);
  if (result.success) return { ok: true, workflow: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => `${fileName}: ${describePath(data, issue.path)}: ${issue.message}`),
  };
}

/** "phases[2] (building).wip.max" reads better than "phases.2.wip.max". */
function describePath(data: unknown, path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(top level)";
  let node: unknown = data;
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") {
      out += `[${segment}]`;
      node = Array.isArray(node) ? node[segment] : undefined;
      const key = node && typeof node === "object" && "key" in node ? (node as { key: unknown }).key : undefined;
      if (typeof key === "string") out += ` (${key})`;
    } else {
      out += out ? `.${String(segment)}` : String(segment);
      node = node && typeof node === "object" ? (node as Record<string, unknown>)[String(segment)] : undefined;
    }
  }
  return out;
}
