// Creates a migration for both databases, offline: diffs the schema of the newest
// migration (prisma/migrations/schema.migrated.prisma) against prisma/schema.prisma with
// `prisma migrate diff` (which needs no database), writes
// prisma/migrations/{sqlite,postgresql}/<timestamp>_<name>/migration.sql and updates the
// snapshot. `--empty` writes empty files to fill by hand (triggers, data fixes).
// Usage: npm run db:migration:new -- <name> [--empty]
import { existsSync, mkdirSync, readFileSync, writeFileSync, copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { MIGRATED_SNAPSHOT, SOURCE_SCHEMA, prisma, providerSchema } from "./lib/prisma-schemas";
import { migrationsDir } from "../lib/migrate";

const args = process.argv.slice(2);
const empty = args.includes("--empty");
const name = args.find((arg) => !arg.startsWith("--"));
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration:new -- <name> [--empty]   (name: lower-case letters, digits, _)");
  process.exit(2);
}

const source = readFileSync(SOURCE_SCHEMA, "utf8");
const previous = existsSync(MIGRATED_SNAPSHOT) ? readFileSync(MIGRATED_SNAPSHOT, "utf8") : null;
const work = mkdtempSync(path.join(tmpdir(), "gateboard-migration-"));
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const folder = `${stamp}_${name}`;

const scripts: Record<"sqlite" | "postgresql", string> = { sqlite: "", postgresql: "" };
for (const provider of ["sqlite", "postgresql"] as const) {
  if (empty) {
    scripts[provider] = `-- ${name} (${provider}): written by hand.\n`;
    continue;
  }
  const to = path.join(work, `${provider}-new.prisma`);
  writeFileSync(to, providerSchema(source, provider));
  const fromArgs = previous === null ? ["--from-empty"] : ["--from-schema-datamodel", writeTemp(`${provider}-old.prisma`, providerSchema(previous, provider))];
  const { stdout } = prisma(["migrate", "diff", ...fromArgs, "--to-schema-datamodel", to, "--script"]);
  scripts[provider] = stdout;
}

if (!empty && Object.values(scripts).every((sql) => /^\s*(--.*\n\s*)*-- This is an empty migration\.?\s*$/.test(sql) || sql.trim() === "")) {
  console.log("prisma/schema.prisma has no changes since the last migration: nothing to create.");
  process.exit(0);
}

// Written only once both diffs succeeded: an empty or half-written folder breaks later runs.
for (const provider of ["sqlite", "postgresql"] as const) {
  const dir = path.join(migrationsDir(provider), folder);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), scripts[provider]);
  console.log(`Created ${path.relative(process.cwd(), dir)}/migration.sql`);
}
if (!empty) copyFileSync(SOURCE_SCHEMA, MIGRATED_SNAPSHOT);
console.log("Review the SQL, then run `npm run db:check` and commit the migration folders with the schema.");

function writeTemp(file: string, content: string): string {
  const target = path.join(work, file);
  writeFileSync(target, content);
  return target;
}
