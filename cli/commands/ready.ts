import type { Command } from "commander";
import type { z } from "zod";
import type { readyQueueSchema } from "@/lib/schemas/beads";
import { segment } from "../http";
import { clientFor, printJson } from "../io";
import { formatTable } from "../table";

type ReadyQueue = z.infer<typeof readyQueueSchema>;

export function registerReady(program: Command): void {
  program
    .command("ready")
    .description("The ready queue: tickets nothing blocks, by priority, with parallel batches and file conflicts")
    .requiredOption("--board <key>", "the board key, e.g. gb")
    .option("--claimable", "only tickets an agent may claim now (ready, open, unassigned)")
    .option("--json", "print the API's JSON")
    .action(async (options: { board: string; claimable?: boolean; json?: boolean }, command: Command) => {
      const queue = await clientFor(command).get<ReadyQueue>(`/api/v1/boards/${segment(options.board)}/ready`, { claimable: options.claimable ? 1 : undefined });
      if (options.json) return printJson(queue);
      console.log(
        formatTable(
          queue.items,
          [
            { header: "ID", value: (item) => item.id },
            { header: "P", value: (item) => item.priority, align: "right" },
            { header: "TYPE", value: (item) => item.type },
            { header: "STATUS", value: (item) => item.status },
            { header: "ASSIGNEE", value: (item) => item.assignee, max: 24 },
            { header: "CLAIMABLE", value: (item) => (item.claimable ? "yes" : "no") },
            { header: "TITLE", value: (item) => item.title, max: 60 },
          ],
          options.claimable ? "Nothing to claim: no ready ticket is open and unassigned." : "Nothing is ready: every open ticket waits for something.",
        ),
      );
      const { counts } = queue;
      console.log(`\n${counts.ready} ready, ${counts.claimable} claimable, ${counts.blocked} blocked, of ${counts.tickets} tickets.`);
      if (queue.batches.length > 0) console.log(`Parallel batches: ${queue.batches.map((batch) => `[${batch.join(" ")}]`).join(" ")}`);
      for (const conflict of queue.conflicts) console.log(`Run one after the other: ${conflict.a} and ${conflict.b} (both touch ${conflict.files.join(", ")})`);
    });
}
