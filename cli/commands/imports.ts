import type { Command } from "commander";
import type { z } from "zod";
import type { importBeadsResultSchema } from "@/lib/schemas/beads";
import type { planImportResultSchema, summaryImportResultSchema } from "@/lib/schemas/plan";
import { BEADS_BATCH_BYTES, planBeadsBatches } from "../beads-batches";
import { ApiError, segment } from "../http";
import { clientFor, printJson, readUserFile } from "../io";

type PlanImportResult = z.infer<typeof planImportResultSchema>;
type SummaryImportResult = z.infer<typeof summaryImportResultSchema>;
type BeadsImportResult = z.infer<typeof importBeadsResultSchema>;

type ParseIssue = { line: number; message: string };

function printWarnings(file: string, warnings: ParseIssue[]): void {
  for (const warning of warnings) console.log(`  warning: ${file}:${warning.line}: ${warning.message}`);
}

export function registerImports(program: Command): void {
  program
    .command("plan")
    .description("Work plans")
    .command("import")
    .description('Import a "Beads Work Plan" Markdown file; the same session again updates it')
    .argument("<file>", "the plan's Markdown file")
    .option("--board <key>", "reconcile the plan's tasks into tickets on this board")
    .option("--json", "print the API's JSON")
    .action(async (file: string, options: { board?: string; json?: boolean }, command: Command) => {
      const { name, content } = await readUserFile(file);
      const result = await clientFor(command).post<PlanImportResult>("/api/v1/plans", { markdown: content, boardKey: options.board });
      if (options.json) return printJson(result);
      console.log(`${result.created ? "Imported" : "Updated"} plan ${result.id} (session ${result.sessionId}) from ${name}.`);
      const reconcile = result.reconcile;
      if (reconcile) {
        console.log(
          `Tickets on ${reconcile.boardKey}: ${reconcile.created.length} created, ${reconcile.updated.length} updated, ${reconcile.unchanged.length} unchanged, ${reconcile.skipped.length} skipped; ${reconcile.dependenciesAdded} dependencies added.`,
        );
        for (const skipped of reconcile.skipped) console.log(`  skipped ${skipped.id}: ${skipped.reason}`);
      }
      if (result.repairedSequences > 0) console.log(`Repaired ${result.repairedSequences} mis-decoded character sequences.`);
      printWarnings(name, result.warnings);
    });

  program
    .command("summary")
    .description("Session summaries")
    .command("import")
    .description("Import a session completion summary or a progress log (Markdown); the same document again updates it")
    .argument("<file>", "the summary's Markdown file")
    .option("--json", "print the API's JSON")
    .action(async (file: string, options: { json?: boolean }, command: Command) => {
      const { name, content } = await readUserFile(file);
      const result = await clientFor(command).post<SummaryImportResult>("/api/v1/summaries", { markdown: content });
      if (options.json) return printJson(result);
      console.log(`${result.created ? "Imported" : "Updated"} ${result.kind} ${result.id} from ${name}.`);
      if (result.repairedSequences > 0) console.log(`Repaired ${result.repairedSequences} mis-decoded character sequences.`);
      printWarnings(name, result.warnings);
    });

  program
    .command("import")
    .description("Imports from other tools")
    .command("beads")
    .description("Import a beads (bd) JSONL export into a board; files over the 1 MB request limit go in several requests, parents first")
    .argument("<file>", "the export, e.g. .beads/issues.jsonl")
    .requiredOption("--board <key>", "the board to import into, e.g. gb")
    .option("--json", "print the combined result as JSON")
    .action(async (file: string, options: { board: string; json?: boolean }, command: Command) => {
      const { name, content } = await readUserFile(file);
      const client = clientFor(command);
      const plan = planBeadsBatches(content, BEADS_BATCH_BYTES);
      const total: BeadsImportResult = { created: 0, updated: 0, unchanged: 0, skipped: { tombstone: 0, nonIssue: 0 }, errors: [] };
      for (const line of plan.tooLarge) total.errors.push({ line: line.line, message: `the line is ${line.bytes} bytes, more than one request may carry (${BEADS_BATCH_BYTES}); it was not sent` });
      for (const [index, batch] of plan.batches.entries()) {
        let result: BeadsImportResult;
        try {
          result = await client.post<BeadsImportResult>(`/api/v1/boards/${segment(options.board)}/import/beads`, { jsonl: batch.jsonl });
        } catch (error) {
          // Earlier batches are in (imports are idempotent: running the file again is safe).
          if (error instanceof ApiError && plan.batches.length > 1) error.message += ` (request ${index + 1} of ${plan.batches.length}; the earlier ones were imported — run the same file again once fixed)`;
          throw error;
        }
        total.created += result.created;
        total.updated += result.updated;
        total.unchanged += result.unchanged;
        total.skipped.tombstone += result.skipped.tombstone;
        total.skipped.nonIssue += result.skipped.nonIssue;
        // The server numbers the lines of the batch; report the file's numbers.
        total.errors.push(...result.errors.map((error) => ({ line: batch.lines[error.line - 1] ?? error.line, message: error.message })));
      }
      total.errors.sort((a, b) => a.line - b.line);
      if (options.json) printJson(total);
      else {
        const requests = plan.batches.length > 1 ? ` in ${plan.batches.length} requests` : "";
        console.log(
          `Imported ${name} into ${options.board}${requests}: ${total.created} created, ${total.updated} updated, ${total.unchanged} unchanged; skipped ${total.skipped.tombstone} tombstones and ${total.skipped.nonIssue} non-issue lines.`,
        );
        for (const error of total.errors) console.error(`  ${name}:${error.line}: ${error.message}`);
      }
      if (total.errors.length > 0) {
        console.error(`${total.errors.length} line${total.errors.length === 1 ? " was" : "s were"} left out; the rest was imported.`);
        process.exitCode = 1;
      }
    });
}
