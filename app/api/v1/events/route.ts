import { z } from "zod";
import { apiRoute } from "@/lib/server/api/api-route";
import { onBoardChange } from "@/lib/server/change-feed";
import { listBoardChanges, openBoardFeed } from "@/lib/server/list-board-changes";

const querySchema = z.object({
  board: z.string().trim().min(1).describe("Board key, e.g. gb"),
  lastEventId: z.coerce.number().int().min(0).optional().describe("Resume after this event id (same as the Last-Event-ID header)"),
});

const HEARTBEAT_MS = 15_000;
/** Catches writes by other processes on SQLite (CLI, imports), which cannot notify us. */
const POLL_MS = 2_000;

export const dynamic = "force-dynamic";

/**
 * Server-Sent Events for one board. Each event is an audit event of the board (id = its
 * sequence number), so a client that reconnects with Last-Event-ID gets exactly what it
 * missed. Without one, the stream starts from now.
 */
export const GET = apiRoute(
  {
    method: "GET",
    path: "/api/v1/events",
    summary: "Live changes of a board (Server-Sent Events)",
    description: "text/event-stream; each `change` event carries one audit event of the board as JSON, with `id` = its sequence. Reconnect with `Last-Event-ID` to resume without loss.",
    tags: ["events"],
    query: querySchema,
  },
  async ({ actor, query, request }) => {
    const feed = await openBoardFeed(actor, query.board);
    const resumeHeader = Number.parseInt(request.headers.get("last-event-id") ?? "", 10);
    let last = Number.isFinite(resumeHeader) ? resumeHeader : query.lastEventId ?? feed.latestSeq;
    const encoder = new TextEncoder();
    let stop = () => {};

    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        let closed = false;
        let reading = false;
        let again = false;
        const send = (text: string) => {
          if (!closed) controller.enqueue(encoder.encode(text));
        };
        // Reads everything after `last`; wake-ups that arrive meanwhile trigger one more read.
        const pump = async () => {
          if (reading) {
            again = true;
            return;
          }
          reading = true;
          try {
            do {
              again = false;
              for (;;) {
                const changes = await listBoardChanges(feed.boardId, last);
                for (const change of changes) send(`id: ${change.seq}\nevent: change\ndata: ${JSON.stringify(change)}\n\n`);
                if (changes.length > 0) last = changes[changes.length - 1]!.seq;
                if (changes.length < 500) break;
              }
            } while (again && !closed);
          } catch (error) {
            console.error("events stream: read failed", error);
          } finally {
            reading = false;
          }
        };
        send(`retry: 2000\n: connected at ${last}\n\n`);
        const unsubscribe = onBoardChange((boardId) => {
          if (boardId === null || boardId === feed.boardId) void pump();
        });
        const poll = setInterval(() => void pump(), POLL_MS);
        const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
        stop = () => {
          if (closed) return;
          closed = true;
          unsubscribe();
          clearInterval(poll);
          clearInterval(heartbeat);
          try {
            controller.close();
          } catch {
            // already closed by the client going away
          }
        };
        request.signal.addEventListener("abort", stop);
        void pump();
      },
      cancel() {
        stop();
      },
    });
    return new Response(stream, {
      headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store, no-transform", connection: "keep-alive", "x-accel-buffering": "no" },
    });
  },
);
