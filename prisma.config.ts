// Configures the Prisma CLI to run offline: the JS schema engine through a driver adapter
// instead of a downloaded binary. Only `generate` and schema-to-schema `migrate diff` are
// used by our scripts; migrations are applied by scripts/db-migrate.ts (see README).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations", "sqlite") },
  // The schema engine wants an adapter even for schema-to-schema diffs; an in-memory
  // database keeps the CLI away from real data.
  async adapter() {
    return new PrismaBetterSQLite3({ url: ":memory:" });
  },
});
