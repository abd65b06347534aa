// A load-generator process: runs one figure against a running app on 127.0.0.1 and prints
// its result as JSON on the last line of stdout. Started by bench/run.ts, never by hand.
// Usage: tsx bench/load/main.ts '<LoadConfig as JSON>'
import { LOAD_FIGURES, type LoadConfig, type LoadFigure, type LoadResult } from "./config";
import { boardRead, floorHttp } from "./read-figures";
import { moveColumnSize, moveConcurrent, moveSingle } from "./move-figures";
import { liveUpdate } from "./live-figures";

const RUNNERS: Record<LoadFigure, (config: LoadConfig) => Promise<LoadResult>> = {
  "floor-http": floorHttp,
  board: boardRead,
  "move-single": moveSingle,
  "move-concurrent": moveConcurrent,
  "move-column-size": moveColumnSize,
  "live-update": liveUpdate,
};

const config = JSON.parse(process.argv[2] ?? "{}") as LoadConfig;
if (!LOAD_FIGURES.includes(config.figure)) throw new Error(`Unknown figure ${JSON.stringify(config.figure)}; one of ${LOAD_FIGURES.join(", ")}`);
const result = await RUNNERS[config.figure](config);
process.stdout.write(`${JSON.stringify(result)}\n`);
