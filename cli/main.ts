// The `gateboard` command line (started by bin/gateboard.mjs). `token create` works on the
// database directly, to mint the first token of an installation; later commands talk HTTP.
import { Command, Option } from "commander";
import { loadEnvOrExit } from "@/scripts/lib/load-env";
import { isAppError, type AppError } from "@/lib/domain/errors";
import { ROLES, SYSTEM_ACTOR } from "@/lib/domain/permissions";

const program = new Command()
  .name("gateboard")
  .description("Gateboard's command line: bootstrap tokens now, talk to the API later.")
  .showHelpAfterError("(run with --help for usage)");

const token = program.command("token").description("API tokens");

token
  .command("create")
  .description("Create an API token directly in the database (DATABASE_URL). Prints the token as the last line.")
  .requiredOption("--name <name>", "what the token is for, e.g. ci-runner")
  .addOption(new Option("--role <role>", "the role it acts with").choices(ROLES).makeOptionMandatory())
  .option("--board <key>", "limit the token to one board (its key, e.g. gb)")
  .option("--agent <name>", "link the token to a registered agent")
  .action(async (options: { name: string; role: string; board?: string; agent?: string }) => {
    const config = loadEnvOrExit();
    const { migrate } = await import("@/lib/migrate");
    const { createApiToken } = await import("@/lib/server/create-api-token");
    const { disconnectDb } = await import("@/lib/db");
    try {
      // The first token may come before the first `npm start`: bring the schema up to date.
      const migration = await migrate(config.DATABASE_URL);
      if (migration.newlyApplied.length > 0) console.log(`Applied migrations: ${migration.newlyApplied.join(", ")}`);
      const created = await createApiToken(SYSTEM_ACTOR, { name: options.name, role: options.role as (typeof ROLES)[number], board: options.board, agent: options.agent });
      console.log(`Created token "${created.name}" (role ${created.role}, ${created.boardKey ? `board ${created.boardKey}` : "all boards"}${created.agentName ? `, agent ${created.agentName}` : ""}).`);
      console.log("Store it now: it is shown once; Gateboard keeps only its hash. Use it as `Authorization: Bearer <token>`.");
      console.log(created.secret);
    } finally {
      await disconnectDb();
    }
  });

function explain(error: AppError): string {
  const issues = (error.details as { issues?: Array<{ path: string; message: string }> } | undefined)?.issues ?? [];
  return [error.message, ...issues.map((issue) => `  --${issue.path || "input"}: ${issue.message}`)].join("\n");
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (isAppError(error)) {
    console.error(`gateboard: ${explain(error)}`);
    process.exit(error.code === "NOT_FOUND" || error.code === "VALIDATION_FAILED" ? 2 : 1);
  }
  console.error("gateboard:", error instanceof Error ? error.message : error);
  process.exit(1);
}
