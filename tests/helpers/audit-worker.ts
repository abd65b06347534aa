// A concurrent client for tests/integration/audit-concurrency.test.ts, run as its own OS
// process (node --conditions=react-server --import tsx) so SQLite sees real cross-process
// writers. Performs a seeded random mix of ticket changes and prints what it did as JSON.
import { beforeCommit, db, disconnectDb, writeTransaction } from "@/lib/db";
import { isAppError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { createTicket } from "@/lib/server/create-ticket";
import { updateTicket } from "@/lib/server/update-ticket";

export type WorkerReport = {
  created: string[];
  committedMarkers: string[];
  rolledBackMarkers: string[];
  rolledBackCreates: string[];
  conflicts: number;
  unexpected: string[];
};

const workerId = process.env.AUDIT_WORKER_ID ?? "0";
const opsPerLoop = Number(process.env.AUDIT_WORKER_OPS ?? "100");
const loops = Number(process.env.AUDIT_WORKER_LOOPS ?? "2");
const boardKey = process.env.AUDIT_WORKER_BOARD ?? "cc";
const hotTickets = (process.env.AUDIT_WORKER_TICKETS ?? "").split(",").filter(Boolean);

const report: WorkerReport = { created: [], committedMarkers: [], rolledBackMarkers: [], rolledBackCreates: [], conflicts: 0, unexpected: [] };

/** Deterministic per worker so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

class ForcedRollback extends Error {}

async function loop(loopId: number): Promise<void> {
  const next = random(Number(workerId) * 1_000 + loopId + 1);
  const actor: Actor = { kind: "agent", id: `worker-${workerId}-${loopId}`, role: "agent", requestId: `w${workerId}.${loopId}` };
  const mine: string[] = [];
  const pick = () => {
    const pool = next() < 0.7 || mine.length === 0 ? hotTickets : mine;
    return pool[Math.floor(next() * pool.length)]!;
  };
  for (let op = 0; op < opsPerLoop; op += 1) {
    const marker = `w${workerId}.${loopId}.${op}`;
    const roll = next();
    try {
      if (roll < 0.25) {
        const ticket = await createTicket(actor, boardKey, { title: marker, priority: op % 5, labels: ["load"] });
        mine.push(ticket.id);
        report.created.push(ticket.id);
      } else if (roll < 0.8) {
        const id = pick();
        const current = await db().ticket.findUniqueOrThrow({ where: { id }, select: { version: true } });
        await updateTicket(actor, id, { version: current.version, title: marker, reason: "load test" });
        report.committedMarkers.push(marker);
      } else if (roll < 0.9) {
        // A client holding a stale copy: must be refused and leave nothing behind.
        const id = pick();
        const current = await db().ticket.findUniqueOrThrow({ where: { id }, select: { version: true } });
        const stale = current.version > 1 ? current.version - 1 : current.version + 1_000_000;
        await updateTicket(actor, id, { version: stale, title: marker });
        report.unexpected.push(`stale update ${marker} was accepted`);
      } else {
        // The change and its audit event are written, then the transaction fails.
        const createToo = roll < 0.93;
        await writeTransaction(async (tx) => {
          if (createToo) {
            const ticket = await createTicket(actor, boardKey, { title: marker }, tx);
            report.rolledBackCreates.push(ticket.id);
          } else {
            const id = pick();
            const current = await tx.ticket.findUniqueOrThrow({ where: { id }, select: { version: true } });
            await updateTicket(actor, id, { version: current.version, title: marker }, tx);
          }
          // Audit events are appended just before the commit (beforeCommit hooks run in the
          // order added, recordAudit's first): fail there, once the event is in the table.
          beforeCommit(tx, async () => {
            const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { entityId: true, after: true } });
            if ((last?.after as { title?: string } | null)?.title !== marker) report.unexpected.push(`event of ${marker} not written before the throw`);
            throw new ForcedRollback(marker);
          });
        });
      }
    } catch (error) {
      // Whatever did not commit must leave no ticket, no change and no event behind.
      report.rolledBackMarkers.push(marker);
      if (error instanceof ForcedRollback) continue;
      if (isAppError(error) && error.code === "VERSION_CONFLICT") report.conflicts += 1;
      else report.unexpected.push(`${marker}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

await Promise.all(Array.from({ length: loops }, (_, i) => loop(i)));
await disconnectDb();
process.stdout.write(`${JSON.stringify(report)}\n`);
