// P6: a mover and a separate SSE subscriber. Latency = the subscriber receiving the move's
// event minus the mover receiving the start of the move's response, both clocks in this
// process. With subscriberPort ≠ port the subscriber follows another app instance.
import { HttpClient, subscribe, type StreamEvent } from "../lib/http-client";
import { percentile } from "../lib/stats";
import { count, roundClock, shortRounds, type LoadConfig, type LoadResult } from "./config";
import { moveTicket, readBoard } from "./board-state";

const EVENT_TIMEOUT_MS = 5_000;

type Change = { entityId: string; action: string; after: { version?: number } | null };

export async function liveUpdate(config: LoadConfig): Promise<LoadResult> {
  const headers = { authorization: `Bearer ${config.token}` };
  const mover = new HttpClient(config.port, headers);
  const tickets = (await readBoard(mover, config.boardKey)).filter((ticket) => ticket.phase === "review" || ticket.phase === "done");
  const waiting = new Map<string, (event: StreamEvent) => void>();
  const subscriberPort = config.subscriberPort ?? config.port;
  const stream = await subscribe(subscriberPort, `/api/v1/events?board=${config.boardKey}`, headers, (event) => {
    if (event.event !== "change") return;
    const change = JSON.parse(event.data) as Change;
    const key = `${change.entityId}@${change.after?.version ?? "?"}`;
    waiting.get(key)?.(event);
    waiting.delete(key);
  });
  const errors: Record<string, number> = {};
  let eventFirst = 0;
  let next = 0;

  /** One move, then its event; the latency in ms, or null when no event came in time. */
  const once = async (): Promise<number | null> => {
    const ticket = tickets[next++ % tickets.length]!;
    const expected = `${ticket.id}@${ticket.version + 1}`;
    let timer: NodeJS.Timeout | undefined;
    const arrival = new Promise<StreamEvent | null>((resolve) => {
      waiting.set(expected, resolve);
      timer = setTimeout(() => resolve(null), EVENT_TIMEOUT_MS);
    });
    const response = await moveTicket(mover, ticket, ticket.phase === "review" ? "done" : "review", errors);
    if (response.status !== 200) {
      waiting.delete(expected);
      clearTimeout(timer);
      return null;
    }
    const event = await arrival;
    clearTimeout(timer);
    if (!event) {
      waiting.delete(expected);
      errors.EVENT_TIMEOUT = (errors.EVENT_TIMEOUT ?? 0) + 1;
      return null;
    }
    // The event can beat the response: the stream is woken on commit, the response still has to be serialised.
    if (event.arrivedAt < response.responseAt) eventFirst += 1;
    return Math.max(0, event.arrivedAt - response.responseAt);
  };

  for (let i = 0; i < count(10, config.scale, 3); i += 1) await once();
  const rounds = [];
  const planned = count(100, config.scale, 10);
  for (let round = 0; round < config.rounds; round += 1) {
    const samples: number[] = [];
    let missed = 0;
    const clock = roundClock(15_000);
    for (let i = 0; i < planned && !clock.over(); i += 1) {
      const latency = await once();
      if (latency === null) missed += 1;
      else samples.push(latency);
    }
    rounds.push({ p50: percentile(samples, 50), p99: percentile(samples, 99), events: samples.length, missed });
  }
  stream.close();
  mover.close();
  return {
    figure: config.figure,
    rounds,
    errors,
    serverTiming: false,
    notes: [
      `mover → 127.0.0.1:${config.port}, subscriber ← 127.0.0.1:${subscriberPort} (GET /api/v1/events); one move at a time, each waits for its event`,
      `${eventFirst} event(s) arrived before their move's response started (counted as 0 ms)`,
      ...shortRounds(rounds.map((round) => ({ ...round, moves: round.events + round.missed })), "moves", planned),
    ],
  };
}
