// Seeds the demo board, users (password "gateboard") and agents into an EMPTY database.
import { loadEnvOrExit } from "./lib/load-env";
import { migrate } from "../lib/migrate";
import { seedDemo } from "../lib/server/seed-demo";
import { disconnectDb } from "../lib/db";

const { DATABASE_URL } = loadEnvOrExit();
await migrate(DATABASE_URL);
const result = await seedDemo();
await disconnectDb();
if (!result.seeded) {
  console.error(`Not seeded: ${result.reason}. Seeding only fills an empty database; point DATABASE_URL at a new one.`);
  process.exit(1);
}
console.log(`Seeded the demo board "gb" with ${result.tickets} tickets and the demo users (password "gateboard").`);
