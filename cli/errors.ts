// How a failed command reads on stderr, and the exit code it ends with.
import { ApiError, CliError } from "./http";

/** 1: the API refused or failed; 2: bad configuration, input file or network on this side. */
export const EXIT_API = 1;
export const EXIT_LOCAL = 2;

type Issue = { path: string; message: string };

/** The lines to print for a failure: the API's code and message first, then each problem. */
export function formatError(error: unknown): { text: string; exitCode: number } {
  if (error instanceof ApiError) {
    const lines = [`gateboard: ${error.code} (HTTP ${error.status}): ${error.message}`, ...detailLines(error.details)];
    return { text: lines.join("\n"), exitCode: EXIT_API };
  }
  if (error instanceof CliError) return { text: `gateboard: ${error.message}`, exitCode: EXIT_LOCAL };
  return { text: `gateboard: ${error instanceof Error ? error.message : String(error)}`, exitCode: EXIT_API };
}

/** `details` as the API sends it: field issues, line errors, or a few named facts. */
export function detailLines(details: unknown): string[] {
  if (details === undefined || details === null || typeof details !== "object") return [];
  const record = details as Record<string, unknown>;
  const lines: string[] = [];
  const issues = issueList(record.issues);
  for (const issue of issues) lines.push(`  - ${issue.path || "input"}: ${issue.message}`);
  if (Array.isArray(record.errors)) {
    for (const entry of record.errors as Array<{ line?: unknown; message?: unknown }>) {
      lines.push(`  - ${typeof entry.line === "number" ? `line ${entry.line}` : "input"}: ${String(entry.message ?? JSON.stringify(entry))}`);
    }
  }
  // Empty lists (`warnings: []`) say nothing worth a line.
  const rest = Object.entries(record).filter(([key, value]) => key !== "issues" && key !== "errors" && !(Array.isArray(value) && value.length === 0));
  for (const [key, value] of rest) lines.push(`  ${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`);
  return lines;
}

/**
 * Field issues come as a list (`[{path, message}]`) from the API's validation, or as zod's
 * tree (`{errors, properties: {field: {errors}}}`) from some use cases; both become a list.
 */
export function issueList(value: unknown, prefix = ""): Issue[] {
  if (Array.isArray(value)) {
    return value
      .filter((entry): entry is { path?: unknown; message?: unknown } => typeof entry === "object" && entry !== null && "message" in entry)
      .map((entry) => ({ path: String(entry.path ?? ""), message: String(entry.message) }));
  }
  if (typeof value !== "object" || value === null) return [];
  const tree = value as { errors?: unknown; properties?: Record<string, unknown>; items?: unknown[] };
  const own = Array.isArray(tree.errors) ? tree.errors.map((message) => ({ path: prefix, message: String(message) })) : [];
  const properties = Object.entries(tree.properties ?? {}).flatMap(([key, child]) => issueList(child, prefix ? `${prefix}.${key}` : key));
  const items = (tree.items ?? []).flatMap((child, index) => (child ? issueList(child, `${prefix}.${index}`.replace(/^\./, "")) : []));
  return [...own, ...properties, ...items];
}
