// Move figures: P3 (one client), P4 (16 concurrent clients), P5 (cost against column size).
// Every client owns its own tickets and sends the version it last saw, so a refusal here
// is a real error, not an expected VERSION_CONFLICT.
import { HttpClient } from "../lib/http-client";
import { COLUMN_SIZE_BOARD } from "../lib/seed-info";
import { percentile } from "../lib/stats";
import { count, roundClock, shortRounds, type LoadConfig, type LoadResult } from "./config";
import { moveTicket, readBoard, type Ticket } from "./board-state";

/** The main board's unlimited columns the move figures shuttle tickets between. */
const SHUTTLE = ["review", "done"] as const;
const otherColumn = (ticket: Ticket) => (ticket.phase === SHUTTLE[0] ? SHUTTLE[1] : SHUTTLE[0]);

async function shuttleTickets(config: LoadConfig): Promise<Ticket[]> {
  const reader = new HttpClient(config.port, { authorization: `Bearer ${config.token}` });
  const tickets = (await readBoard(reader, config.boardKey)).filter((ticket) => (SHUTTLE as readonly string[]).includes(ticket.phase));
  reader.close();
  if (tickets.length < 32) throw new Error(`Board ${config.boardKey} has only ${tickets.length} tickets in ${SHUTTLE.join(" and ")}`);
  return tickets;
}

/** Runs `moves` moves of a client's own tickets, one after another; returns each latency. */
async function runClient(client: HttpClient, own: Ticket[], moves: number, errors: Record<string, number>, start: number, clock = roundClock(Infinity)): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < moves && !clock.over(); i += 1) {
    const ticket = own[(start + i) % own.length]!;
    const response = await moveTicket(client, ticket, otherColumn(ticket), errors);
    samples.push(response.ms);
  }
  return samples;
}

/** P3: one client moving tickets between two unlimited columns, one move at a time. */
export async function moveSingle(config: LoadConfig): Promise<LoadResult> {
  const tickets = await shuttleTickets(config);
  const client = new HttpClient(config.port, { authorization: `Bearer ${config.token}` });
  const errors: Record<string, number> = {};
  let done = 0;
  const warmup = count(30, config.scale, 5);
  await runClient(client, tickets, warmup, errors, done);
  done += warmup;
  const rounds = [];
  const moves = count(300, config.scale, 20);
  for (let round = 0; round < config.rounds; round += 1) {
    const samples = await runClient(client, tickets, moves, errors, done, roundClock(15_000));
    done += samples.length;
    rounds.push({ p50: percentile(samples, 50), p99: percentile(samples, 99), moves: samples.length });
  }
  client.close();
  return { figure: config.figure, rounds, errors, serverTiming: false, notes: [`1 client, ${tickets.length} tickets moved between ${SHUTTLE.join(" and ")} (bottom of the column)`, ...shortRounds(rounds, "moves", moves)] };
}

const CLIENTS = 16;

/** P4: 16 clients at once, each on its own connection with its own tickets. */
export async function moveConcurrent(config: LoadConfig): Promise<LoadResult> {
  const tickets = await shuttleTickets(config);
  const perClient = Math.floor(tickets.length / CLIENTS);
  const clients = Array.from({ length: CLIENTS }, (_, index) => ({
    http: new HttpClient(config.port, { authorization: `Bearer ${config.token}` }),
    own: tickets.slice(index * perClient, (index + 1) * perClient),
  }));
  const errors: Record<string, number> = {};
  const warmup = count(5, config.scale, 2);
  await Promise.all(clients.map((client) => runClient(client.http, client.own, warmup, errors, 0)));
  const rounds = [];
  const perClientMoves = count(100, config.scale, 10);
  for (let round = 0; round < config.rounds; round += 1) {
    const errorsBefore = Object.values(errors).reduce((sum, n) => sum + n, 0);
    const started = performance.now();
    const clock = roundClock(20_000);
    const samples = (await Promise.all(clients.map((client) => runClient(client.http, client.own, perClientMoves, errors, warmup + round * perClientMoves, clock)))).flat();
    const seconds = (performance.now() - started) / 1000;
    const roundErrors = Object.values(errors).reduce((sum, n) => sum + n, 0) - errorsBefore;
    rounds.push({ p50: percentile(samples, 50), p99: percentile(samples, 99), movesPerSecond: samples.length / seconds, errors: roundErrors, moves: samples.length });
  }
  for (const client of clients) client.http.close();
  return {
    figure: config.figure,
    rounds,
    errors,
    serverTiming: false,
    notes: [`${CLIENTS} clients × ${perClient} own tickets, moved between ${SHUTTLE.join(" and ")}; moves/s = moves ÷ wall time of the round`],
  };
}

/**
 * P5: the same move into a column of 1,000 tickets and into one of 50, interleaved so
 * machine noise hits both alike. Each moved ticket goes back home untimed, so the column
 * sizes stay put.
 */
export async function moveColumnSize(config: LoadConfig): Promise<LoadResult> {
  const { big, small, home } = COLUMN_SIZE_BOARD;
  const client = new HttpClient(config.port, { authorization: `Bearer ${config.token}` });
  const board = await readBoard(client, config.boardKey);
  const movers = board.filter((ticket) => ticket.phase === home);
  const sizes = { big: board.filter((ticket) => ticket.phase === big).length, small: board.filter((ticket) => ticket.phase === small).length };
  const errors: Record<string, number> = {};
  let next = 0;
  const timedMove = async (to: string) => {
    const ticket = movers[next++ % movers.length]!;
    const response = await moveTicket(client, ticket, to, errors);
    await moveTicket(client, ticket, home, errors);
    return response.ms;
  };
  for (let i = 0; i < count(20, config.scale, 4); i += 1) await timedMove(i % 2 === 0 ? big : small);
  const rounds = [];
  const planned = count(150, config.scale, 10);
  for (let round = 0; round < config.rounds; round += 1) {
    const intoBig: number[] = [];
    const intoSmall: number[] = [];
    const clock = roundClock(20_000);
    for (let i = 0; i < planned && !clock.over(); i += 1) {
      intoBig.push(await timedMove(big));
      intoSmall.push(await timedMove(small));
    }
    const bigP50 = percentile(intoBig, 50);
    const smallP50 = percentile(intoSmall, 50);
    rounds.push({ bigP50, smallP50, ratio: bigP50 / smallP50, moves: intoBig.length + intoSmall.length, bigColumn: sizes.big, smallColumn: sizes.small });
  }
  client.close();
  return {
    figure: config.figure,
    rounds,
    errors,
    serverTiming: false,
    notes: [`board ${config.boardKey}: ${sizes.big} tickets in ${big}, ${sizes.small} in ${small}; ${movers.length} tickets from ${home} moved to the bottom of either, alternately; ratio = p50 into ${sizes.big} ÷ p50 into ${sizes.small}`, ...shortRounds(rounds, "moves", planned * 2)],
  };
}
