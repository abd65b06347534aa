// Runs once when a Next.js server process starts (`next start`, `next dev`).
export async function register(): Promise<void> {
  // Node.js only (the sweep talks to the database), and not while `next build` prerenders.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startAgentSweepTimer } = await import("@/lib/server/sweep-agents");
  startAgentSweepTimer();
}
