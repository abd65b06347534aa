// Derives prisma/postgres/schema.prisma from prisma/schema.prisma and generates both
// clients into generated/ (git-ignored). Runs on `npm install` (postinstall).
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { POSTGRES_SCHEMA, SOURCE_SCHEMA, derivePostgresSchema, prisma } from "./lib/prisma-schemas";

const source = readFileSync(SOURCE_SCHEMA, "utf8");
mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
writeFileSync(POSTGRES_SCHEMA, derivePostgresSchema(source));
for (const schema of [SOURCE_SCHEMA, POSTGRES_SCHEMA]) {
  prisma(["generate", "--schema", schema]);
  console.log(`Generated the Prisma client for ${schema}`);
}
