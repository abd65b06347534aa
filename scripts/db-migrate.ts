// Applies pending migrations to DATABASE_URL (SQLite file by default).
import { loadEnvOrExit } from "./lib/load-env";
import { migrate } from "../lib/migrate";

const { DATABASE_URL } = loadEnvOrExit();
const result = await migrate(DATABASE_URL);
console.log(
  result.newlyApplied.length > 0
    ? `Applied ${result.newlyApplied.length} migration(s): ${result.newlyApplied.join(", ")}`
    : `Database is up to date (${result.applied.length} migrations).`,
);
if (result.modified.length > 0) console.warn(`Warning: applied migrations changed since: ${result.modified.join(", ")}`);
