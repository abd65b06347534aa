import { connection } from "next/server";
import { checkReadiness } from "@/lib/server/check-readiness";

/** Readiness: the database answers and every checked-in migration is applied. */
export async function GET() {
  await connection();
  const readiness = await checkReadiness();
  return Response.json(readiness, { status: readiness.status === "ready" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
