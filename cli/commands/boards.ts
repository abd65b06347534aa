import type { Command } from "commander";
import type { z } from "zod";
import type { boardListSchema } from "@/lib/schemas/api";
import { clientFor, printJson } from "../io";
import { formatTable } from "../table";

export function registerBoards(program: Command): void {
  program
    .command("boards")
    .description("List the boards this token can read, with ticket counts per phase")
    .option("--json", "print the API's JSON")
    .action(async (options: { json?: boolean }, command: Command) => {
      const result = await clientFor(command).get<z.infer<typeof boardListSchema>>("/api/v1/boards");
      if (options.json) return printJson(result);
      console.log(
        formatTable(
          result.boards,
          [
            { header: "KEY", value: (board) => board.key },
            { header: "NAME", value: (board) => board.name, max: 40 },
            { header: "TICKETS", value: (board) => board.ticketCount, align: "right" },
            { header: "OPEN", value: (board) => board.openCount, align: "right" },
            { header: "PHASES", value: (board) => board.phases.map((phase) => `${phase.name} ${phase.count}`).join(" · ") },
          ],
          "No boards: this token cannot read any.",
        ),
      );
    });
}
