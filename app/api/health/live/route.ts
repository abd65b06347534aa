/** Liveness: the process is up and serving. Never touches the database. */
export function GET() {
  return Response.json({ status: "ok" });
}
