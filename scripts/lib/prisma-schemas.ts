import { execFileSync } from "node:child_process";
import path from "node:path";

/** The one schema we edit (SQLite), and the PostgreSQL copy derived from it. */
export const SOURCE_SCHEMA = path.join("prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join("prisma", "postgres", "schema.prisma");
/** The schema as of the newest migration; new migrations are diffed against it. */
export const MIGRATED_SNAPSHOT = path.join("prisma", "migrations", "schema.migrated.prisma");

const GENERATED_NOTE = "// GENERATED from prisma/schema.prisma by `npm run db:generate`. Do not edit.\n";

/** Derives the PostgreSQL schema: same models, other provider, url and client folder. */
export function derivePostgresSchema(source: string): string {
  const replacements: Array<[RegExp, string]> = [
    [/provider\s*=\s*"sqlite"/, 'provider = "postgresql"'],
    [/url(\s*)=\s*"file:[^"]*"/, 'url$1= "postgresql://localhost/gateboard"'],
    [/output(\s*)=\s*"\.\.\/generated\/sqlite"/, 'output$1= "../../generated/postgres"'],
  ];
  let out = source;
  for (const [pattern, replacement] of replacements) {
    if (!pattern.test(out)) throw new Error(`prisma/schema.prisma: expected to find ${pattern} to derive the PostgreSQL schema`);
    out = out.replace(pattern, replacement);
  }
  return GENERATED_NOTE + out;
}

export function providerSchema(source: string, provider: "sqlite" | "postgresql"): string {
  return provider === "sqlite" ? source : derivePostgresSchema(source);
}

/** Runs the local Prisma CLI (never downloads: see prisma.config.ts). */
export function prisma(args: string[], options: { allowExitCodes?: number[] } = {}): { stdout: string; status: number } {
  try {
    const stdout = execFileSync(path.join("node_modules", ".bin", "prisma"), args, {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
    });
    return { stdout, status: 0 };
  } catch (error) {
    const failure = error as { status?: number; stdout?: string; stderr?: string };
    if (failure.status !== undefined && options.allowExitCodes?.includes(failure.status)) {
      return { stdout: failure.stdout ?? "", status: failure.status };
    }
    throw new Error(`prisma ${args.join(" ")} failed:\n${failure.stderr ?? ""}${failure.stdout ?? ""}`);
  }
}
