// Fills a fresh, empty database for `npm run bench` (not timed):
// the 1,000-ticket board, the column-size board for P5, the 2,000-ticket board for P2/P8, a person to sign in as in the
// browser, and an API token for the load generator. Prints what the benchmark needs to
// know (ids, versions, the throwaway secrets) as JSON on stdout's last line.
// Usage: DATABASE_URL=… GATEBOARD_WORKFLOWS_DIR=bench/workflows \
//   tsx --conditions=react-server bench/setup/seed-board.ts
import { generateNKeysBetween } from "fractional-indexing";
import { BENCH_BOARD, COLUMN_SIZE_BOARD, LARGE_BOARD, type SeedInfo, type SeededTicket } from "../lib/seed-info";
import { migrate } from "../../lib/migrate";
import { disconnectDb, writeTransaction } from "../../lib/db";
import { SYSTEM_ACTOR } from "../../lib/domain/permissions";
import { createApiToken } from "../../lib/server/create-api-token";
import { createBoard } from "../../lib/server/create-board";
import { recordAudit } from "../../lib/server/record-audit";
import { inviteUser } from "../../lib/server/invite-user";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL must name the fresh benchmark database");

const TITLE_LENGTH = 48;
const DESCRIPTION_LENGTH = 200;
const TYPES = ["task", "bug", "feature", "chore"] as const;
const LABELS = ["payments", "api", "ui", "infra", "security", "docs"];
const WORDS = ["checkout", "retry", "ledger", "webhook", "refund", "invoice", "settlement", "currency", "timeout", "audit", "export", "queue"];

/** Exactly `length` characters of word-like text, different per ticket. */
function text(seed: number, prefix: string, length: number): string {
  let value = prefix;
  for (let word = seed; value.length < length; word += 7) value += ` ${WORDS[word % WORDS.length]}`;
  return value.slice(0, length).trimEnd().padEnd(length, ".");
}

/**
 * Writes `columns` worth of tickets straight through Prisma in one transaction, with their
 * `ticket.created` audit events and column counters, the way seedDemo does: createTicket
 * one by one costs minutes for 2,000 tickets on a busy machine, and seeding is not measured.
 */
async function fillBoard(boardKey: string, columns: Record<string, number>, assigneeUserId: string): Promise<SeededTicket[]> {
  return writeTransaction(
    async (tx) => {
      const board = await tx.board.findUniqueOrThrow({ where: { key: boardKey }, select: { id: true, phases: { select: { id: true, key: true } } } });
      const phaseIds = new Map(board.phases.map((phase) => [phase.key, phase.id]));
      const now = Date.now();
      const rows = [];
      let n = 0;
      for (const [phase, size] of Object.entries(columns)) {
        const phaseId = phaseIds.get(phase);
        if (!phaseId) throw new Error(`Board ${boardKey} has no phase ${phase}`);
        const ranks = generateNKeysBetween(null, null, size);
        for (const rank of ranks) {
          rows.push({
            id: `${boardKey}-${(0x1000 + n).toString(16)}`,
            boardId: board.id,
            phaseId,
            rank,
            title: text(n, `#${String(n).padStart(4, "0")}`, TITLE_LENGTH),
            description: text(n * 3, `Ticket ${n} in ${phase}.`, DESCRIPTION_LENGTH),
            type: TYPES[n % TYPES.length],
            priority: n % 5,
            status: phase === "done" ? "closed" : phase === "backlog" || phase === "ready" ? "open" : "in_progress",
            assigneeUserId: n % 3 === 0 ? assigneeUserId : null,
            labels: n % 3 === 0 ? [] : [LABELS[n % LABELS.length]!, ...(n % 4 === 0 ? [LABELS[(n + 1) % LABELS.length]!] : [])],
            files: [],
            checklist: [],
            phaseEnteredAt: new Date(now - (n % 30) * 86_400_000),
          });
          n += 1;
        }
        await tx.phase.update({ where: { id: phaseId }, data: { ticketCount: size } });
      }
      await tx.ticket.createMany({ data: rows });
      await recordAudit(
        tx,
        SYSTEM_ACTOR,
        rows.map((ticket) => ({
          action: "ticket.created",
          entityType: "ticket",
          entityId: ticket.id,
          boardId: board.id,
          after: { title: ticket.title, phase: [...phaseIds].find(([, id]) => id === ticket.phaseId)?.[0], type: ticket.type, priority: ticket.priority },
        })),
      );
      const phaseKeys = new Map(board.phases.map((phase) => [phase.id, phase.key]));
      return rows.map((ticket) => ({ id: ticket.id, phase: phaseKeys.get(ticket.phaseId)!, version: 1 }));
    },
    { timeoutMs: 120_000 },
  );
}

try {
  await migrate(url);
  const person = await inviteUser(SYSTEM_ACTOR, { email: "bench@gateboard.local", name: "Bench", role: "admin" });
  await createBoard(SYSTEM_ACTOR, { name: "Benchmark: 1,000 tickets", key: BENCH_BOARD.key, workflow: "bench-flow" });
  const mainTickets = await fillBoard(BENCH_BOARD.key, BENCH_BOARD.columns, person.id);
  await createBoard(SYSTEM_ACTOR, { name: "Benchmark: column sizes", key: COLUMN_SIZE_BOARD.key, workflow: "bench-flow" });
  const columnSizeTickets = await fillBoard(COLUMN_SIZE_BOARD.key, COLUMN_SIZE_BOARD.columns, person.id);
  await createBoard(SYSTEM_ACTOR, { name: "Benchmark: 2,000 tickets", key: LARGE_BOARD.key, workflow: "bench-flow" });
  const largeTickets = await fillBoard(LARGE_BOARD.key, LARGE_BOARD.columns, person.id);
  const token = await createApiToken(SYSTEM_ACTOR, { name: "bench-load", role: "agent" });
  const info: SeedInfo = {
    email: person.email,
    password: person.temporaryPassword,
    token: token.secret,
    boards: {
      main: { key: BENCH_BOARD.key, tickets: mainTickets },
      columnSize: { key: COLUMN_SIZE_BOARD.key, tickets: columnSizeTickets },
      large: { key: LARGE_BOARD.key, tickets: largeTickets },
    },
  };
  process.stdout.write(`${JSON.stringify(info)}\n`);
} finally {
  await disconnectDb();
}
