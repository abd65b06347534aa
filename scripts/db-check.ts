// Drift check (CI runs it): fails when
//  1. prisma/postgres/schema.prisma is not the copy derived from prisma/schema.prisma;
//  2. prisma/schema.prisma changed since the newest migration (a migration is missing);
//  3. replaying the checked-in migrations does not give the database the schema describes,
//     on SQLite and, when DATABASE_URL_PG is set, on PostgreSQL (catalogs compared table by
//     table, column by column, index by index; triggers are ours and not in the schema).
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { MIGRATED_SNAPSHOT, POSTGRES_SCHEMA, SOURCE_SCHEMA, derivePostgresSchema, prisma, providerSchema } from "./lib/prisma-schemas";
import { migrate } from "../lib/migrate";
import { sqliteCatalog, postgresCatalog, diffCatalogs } from "./lib/catalog";

const problems: string[] = [];
const work = mkdtempSync(path.join(tmpdir(), "gateboard-dbcheck-"));
const source = readFileSync(SOURCE_SCHEMA, "utf8");

if (!existsSync(POSTGRES_SCHEMA) || readFileSync(POSTGRES_SCHEMA, "utf8") !== derivePostgresSchema(source)) {
  problems.push(`${POSTGRES_SCHEMA} is out of date with ${SOURCE_SCHEMA}: run \`npm run db:generate\` and commit it.`);
}

if (!existsSync(MIGRATED_SNAPSHOT)) {
  problems.push(`${MIGRATED_SNAPSHOT} is missing: it records the schema of the newest migration.`);
} else {
  const snapshot = readFileSync(MIGRATED_SNAPSHOT, "utf8");
  for (const provider of ["sqlite", "postgresql"] as const) {
    const from = write(`${provider}-migrated.prisma`, providerSchema(snapshot, provider));
    const to = write(`${provider}-current.prisma`, providerSchema(source, provider));
    const { status, stdout } = prisma(["migrate", "diff", "--from-schema-datamodel", from, "--to-schema-datamodel", to, "--script", "--exit-code"], { allowExitCodes: [2] });
    if (status === 2) {
      problems.push(`${SOURCE_SCHEMA} changed since the newest ${provider} migration; create one with \`npm run db:migration:new -- <name>\`. Missing SQL:\n${indent(stdout)}`);
    }
  }
}

// The schema as Prisma would create it from nothing, per provider.
function expectedSql(provider: "sqlite" | "postgresql"): string {
  const file = write(`${provider}-expected.prisma`, providerSchema(source, provider));
  return prisma(["migrate", "diff", "--from-empty", "--to-schema-datamodel", file, "--script"]).stdout;
}

{
  const migrated = path.join(work, "migrated.db");
  await migrate(`file:${migrated}`);
  const expected = new Database(path.join(work, "expected.db"));
  expected.exec(expectedSql("sqlite"));
  const actual = new Database(migrated, { readonly: true });
  for (const line of diffCatalogs(sqliteCatalog(expected), sqliteCatalog(actual))) problems.push(`sqlite migrations: ${line}`);
  expected.close();
  actual.close();
}

const pgUrl = process.env.DATABASE_URL_PG;
if (pgUrl) {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  const suffix = `${process.pid}_${Date.now()}`;
  const names = { migrated: `gateboard_check_m_${suffix}`, expected: `gateboard_check_e_${suffix}` };
  try {
    for (const name of Object.values(names)) await admin.query(`CREATE DATABASE "${name}"`);
    const urlFor = (name: string) => { const u = new URL(pgUrl); u.pathname = `/${name}`; return u.toString(); };
    await migrate(urlFor(names.migrated));
    const expected = new pg.Client({ connectionString: urlFor(names.expected) });
    const actual = new pg.Client({ connectionString: urlFor(names.migrated) });
    await Promise.all([expected.connect(), actual.connect()]);
    await expected.query(expectedSql("postgresql"));
    for (const line of diffCatalogs(await postgresCatalog(expected), await postgresCatalog(actual))) problems.push(`postgresql migrations: ${line}`);
    await Promise.all([expected.end(), actual.end()]);
  } finally {
    for (const name of Object.values(names)) await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
    await admin.end();
  }
} else {
  console.log("db:check: DATABASE_URL_PG is not set, so the PostgreSQL migrations were not replayed.");
}

if (problems.length > 0) {
  console.error(`db:check found ${problems.length} problem(s):\n- ${problems.join("\n- ")}`);
  process.exit(1);
}
console.log("db:check: schema, PostgreSQL copy and migrations agree.");

function write(file: string, content: string): string {
  const target = path.join(work, file);
  writeFileSync(target, content);
  return target;
}

function indent(text: string): string {
  return text.trim().split("\n").map((line) => `    ${line}`).join("\n");
}
