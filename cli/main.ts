// The `gateboard` command line (started by bin/gateboard.mjs). `token create` works on the
// database directly, to mint the first token of an installation; every other command talks
// to the REST API with GATEBOARD_URL and GATEBOARD_TOKEN (or --url/--token).
import { Command } from "commander";
import { isAppError, type AppError } from "@/lib/domain/errors";
import { registerAgents } from "./commands/agents";
import { registerArtifact } from "./commands/artifact";
import { registerBoards } from "./commands/boards";
import { registerGate } from "./commands/gate";
import { registerImports } from "./commands/imports";
import { registerMove } from "./commands/move";
import { registerReady } from "./commands/ready";
import { registerTickets } from "./commands/tickets";
import { registerToken } from "./commands/token";
import { formatError } from "./errors";

const program = new Command()
  .name("gateboard")
  .description("Gateboard's command line. Over HTTP with GATEBOARD_URL and GATEBOARD_TOKEN (or --url/--token); `token create` works on the database.")
  .option("--url <url>", "the app's address (default: $GATEBOARD_URL)")
  .option("--token <token>", "an API token (default: $GATEBOARD_TOKEN)")
  .showHelpAfterError("(run with --help for usage)");

registerToken(program);
registerBoards(program);
registerTickets(program);
registerReady(program);
registerAgents(program);
registerMove(program);
registerGate(program);
registerArtifact(program);
registerImports(program);

/** `token create` runs use cases in this process: their refusals arrive as AppErrors. */
function explainAppError(error: AppError): string {
  const issues = (error.details as { issues?: Array<{ path: string; message: string }> } | undefined)?.issues ?? [];
  return [`gateboard: ${error.message}`, ...issues.map((issue) => `  --${issue.path || "input"}: ${issue.message}`)].join("\n");
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (isAppError(error)) {
    console.error(explainAppError(error));
    process.exit(error.code === "NOT_FOUND" || error.code === "VALIDATION_FAILED" ? 2 : 1);
  }
  const { text, exitCode } = formatError(error);
  console.error(text);
  process.exit(exitCode);
}
