// One of the extra writer processes of R10: `import` (what `gateboard`/the import page do:
// beads JSONL batches through importBeads) or `seed` (tickets one by one through
// createTicket). Writes to DATABASE_URL as the system, counts failures, SQLITE_BUSY ones
// apart, and prints one JSON line. Run with `tsx --conditions=react-server`.
import { createTicket } from "../../../lib/server/create-ticket";
import { importBeads } from "../../../lib/server/import-beads";
import { SYSTEM_ACTOR } from "../../../lib/domain/permissions";
import { disconnectDb } from "../../../lib/db";

const [mode, boardKey, countText, prefix] = process.argv.slice(2);
const count = Number(countText);
if ((mode !== "import" && mode !== "seed") || !boardKey || !Number.isInteger(count) || !prefix) {
  console.error("usage: writer-process.ts import|seed <board> <count> <prefix>");
  process.exit(2);
}

const BATCH = 5;
let written = 0;
let failed = 0;
let busy = 0;
const errors: string[] = [];

let current = "starting";
// Exit code 13 is Node's "top-level await never settled": say which write was pending.
process.on("exit", (code) => {
  if (code !== 0) console.error(`${mode} writer exited ${code} during: ${current} (${written} written, ${failed} failed)`);
});

function failure(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  failed += 1;
  if (/SQLITE_BUSY|database is locked/i.test(message)) busy += 1;
  if (errors.length < 5) errors.push(message.slice(0, 300));
}

for (let done = 0; done < count; ) {
  current = `${mode} #${done + 1}`;
  try {
    if (mode === "seed") {
      await createTicket(SYSTEM_ACTOR, boardKey, { title: `${prefix} ${done + 1}` });
      written += 1;
      done += 1;
    } else {
      const size = Math.min(BATCH, count - done);
      const lines = Array.from({ length: size }, (_, i) =>
        JSON.stringify({ id: `${boardKey}-${prefix}${done + i + 1}`, title: `${prefix} ${done + i + 1}`, status: "open", priority: 2, issue_type: "task", created_at: "2026-01-01T00:00:00Z", updated_at: "2026-01-01T00:00:00Z" }),
      );
      const result = await importBeads(SYSTEM_ACTOR, boardKey, lines.join("\n"));
      if (result.errors.length > 0) throw new Error(`import line errors: ${JSON.stringify(result.errors)}`);
      written += result.created;
      done += size;
    }
  } catch (error) {
    failure(error);
    // Not retried: a failure here is what R10 counts.
    done += mode === "seed" ? 1 : BATCH;
  }
}
await disconnectDb();
console.log(JSON.stringify({ mode, written, failed, busy, errors }));
