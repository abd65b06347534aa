import { Option, type Command } from "commander";
import { detectArtifactFormat, type ArtifactFormat } from "../artifact-format";
import { CliError, segment } from "../http";
import { clientFor, printJson, readUserFile } from "../io";

type AttachResult = {
  id: string;
  kind: string;
  summary: { ok?: boolean; report?: { tests: number; failures: number; errors: number; skipped: number } } | null;
  gates: Array<{ requestId: string; advance: "moved" | "waiting_for_capacity" | "pending" | "cancelled" }>;
};

type AddOptions = { kind: string; file?: string; url?: string; format?: ArtifactFormat; name?: string; json?: boolean };

export function registerArtifact(program: Command): void {
  program
    .command("artifact")
    .description("Evidence on tickets")
    .command("add")
    .description("Attach evidence to a ticket: a file (JUnit XML, JSON or text, detected) or a link")
    .argument("<id>", "the ticket, e.g. gb-a3f8")
    .requiredOption("--kind <kind>", 'what it is evidence of: junit, typecheck, review-notes, diff-summary, log, link, …')
    .option("--file <path>", "the file to attach")
    .option("--url <url>", "a link to attach instead of a file")
    .addOption(new Option("--format <format>", "override the detected format").choices(["junit", "json", "text"]))
    .option("--name <name>", "a label (default: the file name)")
    .option("--json", "print the API's JSON")
    .action(async (id: string, options: AddOptions, command: Command) => {
      if (!options.file === !options.url) throw new CliError("Pass exactly one of --file <path> and --url <url>.");
      const body = options.file ? await fileArtifact(options.file, options) : { kind: options.kind, format: "link", url: options.url, name: options.name };
      const result = await clientFor(command).post<AttachResult>(`/api/v1/tickets/${segment(id)}/artifacts`, body);
      if (options.json) return printJson(result);
      const report = result.summary?.report;
      const counts = report ? `: ${report.tests} tests, ${report.failures} failures, ${report.errors} errors, ${report.skipped} skipped` : "";
      console.log(`Attached ${body.format} evidence "${result.kind}" to ${id} (artifact ${result.id})${counts}.`);
      for (const gate of result.gates) console.log(`Gate request ${gate.requestId}: ${ADVANCE[gate.advance]}`);
    });
}

async function fileArtifact(file: string, options: AddOptions) {
  const { name, content } = await readUserFile(file);
  if (content.trim() === "") throw new CliError(`${file} is empty: there is nothing to attach.`);
  return { kind: options.kind, format: options.format ?? detectArtifactFormat(content), name: options.name ?? name, content };
}

const ADVANCE: Record<AttachResult["gates"][number]["advance"], string> = {
  moved: "met; the ticket moved on.",
  waiting_for_capacity: "met; the ticket moves on when the next column has room.",
  pending: "still waiting for more evidence or approvals.",
  cancelled: "no longer applies (the ticket moved elsewhere).",
};
