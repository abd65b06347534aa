import { Option, type Command } from "commander";
import { ROLES, SYSTEM_ACTOR } from "@/lib/domain/permissions";

/** The one command that works on the database directly: the first token comes before any API call can. */
export function registerToken(program: Command): void {
  program
    .command("token")
    .description("API tokens")
    .command("create")
    .description("Create an API token directly in the database (DATABASE_URL). Prints the token as the last line.")
    .requiredOption("--name <name>", "what the token is for, e.g. ci-runner")
    .addOption(new Option("--role <role>", "the role it acts with").choices(ROLES).makeOptionMandatory())
    .option("--board <key>", "limit the token to one board (its key, e.g. gb)")
    .option("--agent <name>", "link the token to a registered agent")
    .action(async (options: { name: string; role: string; board?: string; agent?: string }) => {
      const { loadEnvOrExit } = await import("@/scripts/lib/load-env");
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
}
