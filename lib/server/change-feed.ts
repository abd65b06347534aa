import "server-only";
import { EventEmitter } from "node:events";
import pg from "pg";
import { CHANGE_CHANNEL, dbKind, onCommit } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * Wakes live streams when something may have changed: after each commit in this process,
 * and — on PostgreSQL — when another instance's transaction commits (LISTEN). Streams then
 * read the audit table from their last sequence, so a wake-up carries no data and a missed
 * one costs at most the polling interval.
 */
type Feed = { emitter: EventEmitter; listening: boolean };
const globalForFeed = globalThis as unknown as { gateboardChangeFeed?: Feed };

function feed(): Feed {
  if (!globalForFeed.gateboardChangeFeed) {
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    onCommit(() => emitter.emit("change", null));
    globalForFeed.gateboardChangeFeed = { emitter, listening: false };
  }
  return globalForFeed.gateboardChangeFeed;
}

export function onBoardChange(listener: (boardId: string | null) => void): () => void {
  const current = feed();
  if (dbKind() === "postgresql" && !current.listening) {
    current.listening = true;
    void listen(current);
  }
  current.emitter.on("change", listener);
  return () => current.emitter.off("change", listener);
}

async function listen(current: Feed): Promise<void> {
  const client = new pg.Client({ connectionString: env().DATABASE_URL });
  client.on("notification", (message) => current.emitter.emit("change", message.payload || null));
  client.on("error", (error) => {
    console.error("change feed: LISTEN connection lost; retrying in 2 s", error.message);
    current.listening = false;
    setTimeout(() => {
      if (!current.listening) {
        current.listening = true;
        void listen(current);
      }
    }, 2_000);
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${CHANGE_CHANNEL}`);
  } catch (error) {
    client.emit("error", error as Error);
  }
}
