// Read figures: the HTTP floor (an empty route handler) and P1, the board data request.
import { gzipSync } from "node:zlib";
import { HttpClient } from "../lib/http-client";
import { percentile } from "../lib/stats";
import { count, roundClock, shortRounds, type LoadConfig, type LoadResult } from "./config";
import { errorCode } from "./board-state";

/** GET /api/health/live answers `{"status":"ok"}` without touching the database or auth. */
export async function floorHttp(config: LoadConfig): Promise<LoadResult> {
  const client = new HttpClient(config.port);
  const errors: Record<string, number> = {};
  let serverTiming = false;
  const once = async () => {
    const response = await client.request("GET", "/api/health/live");
    if (response.status !== 200) errors[errorCode(response)] = (errors[errorCode(response)] ?? 0) + 1;
    serverTiming ||= response.serverTiming !== null;
    return response.ms;
  };
  for (let i = 0; i < count(100, config.scale); i += 1) await once();
  const rounds = [];
  const planned = count(500, config.scale, 20);
  for (let round = 0; round < config.rounds; round += 1) {
    const samples: number[] = [];
    const clock = roundClock(10_000);
    for (let i = 0; i < planned && !clock.over(); i += 1) samples.push(await once());
    rounds.push({ p50: percentile(samples, 50), p99: percentile(samples, 99), requests: samples.length });
  }
  client.close();
  return { figure: config.figure, rounds, errors, serverTiming, notes: ["GET /api/health/live, 1 client, keep-alive", ...shortRounds(rounds, "requests", planned)] };
}

/** P1: GET /api/v1/boards/{key}, the same use case (getBoard) the board page renders from and refetches. */
export async function boardRead(config: LoadConfig): Promise<LoadResult> {
  const client = new HttpClient(config.port, { authorization: `Bearer ${config.token}` });
  const errors: Record<string, number> = {};
  let serverTiming = false;
  let tickets = 0;
  let bytes = 0;
  let gzipBytes = 0;
  const once = async () => {
    const response = await client.request("GET", `/api/v1/boards/${config.boardKey}`);
    if (response.status !== 200) {
      errors[errorCode(response)] = (errors[errorCode(response)] ?? 0) + 1;
    } else {
      if (bytes !== response.bytes) {
        tickets = (JSON.parse(response.body) as { tickets: unknown[] }).tickets.length;
        gzipBytes = gzipSync(response.body).length;
      }
      bytes = response.bytes;
    }
    serverTiming ||= response.serverTiming !== null;
    return response.ms;
  };
  for (let i = 0; i < count(10, config.scale, 3); i += 1) await once();
  const rounds = [];
  const planned = count(100, config.scale, 10);
  for (let round = 0; round < config.rounds; round += 1) {
    const samples: number[] = [];
    const clock = roundClock(20_000);
    for (let i = 0; i < planned && !clock.over(); i += 1) samples.push(await once());
    rounds.push({ p50: percentile(samples, 50), p99: percentile(samples, 99), payloadBytes: bytes, gzipBytes, tickets, requests: samples.length });
  }
  client.close();
  return {
    figure: config.figure,
    rounds,
    errors,
    serverTiming,
    notes: [`GET /api/v1/boards/${config.boardKey} with a bearer token, 1 client, keep-alive; payload is the uncompressed JSON body (gzip shown for reference)`, ...shortRounds(rounds, "requests", planned)],
  };
}
