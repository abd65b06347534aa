import "server-only";
import { db, dbKind } from "@/lib/db";
import { env } from "@/lib/env";
import { migrationStatus } from "@/lib/migrate";

export type Readiness =
  | { status: "ready"; database: string; migrations: number }
  | { status: "not_ready"; database: string; reason: string };

export async function checkReadiness(): Promise<Readiness> {
  const database = dbKind();
  try {
    await db().$queryRaw`SELECT 1`;
  } catch (error) {
    return { status: "not_ready", database, reason: `database does not answer: ${(error as Error).message.split("\n")[0]}` };
  }
  try {
    const status = await migrationStatus(env().DATABASE_URL);
    if (status.pending.length > 0) {
      return { status: "not_ready", database, reason: `migrations not applied: ${status.pending.join(", ")} (run npm run db:migrate)` };
    }
    return { status: "ready", database, migrations: status.applied.length };
  } catch (error) {
    return { status: "not_ready", database, reason: `cannot read migration state: ${(error as Error).message.split("\n")[0]}` };
  }
}
