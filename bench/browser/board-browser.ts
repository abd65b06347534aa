// Browser figures in headless Chromium (Debian's /usr/bin/chromium, never a download):
// P2, navigation to the 1,000-card board until every card is usable, with the long tasks
// on the way; P8, frame times while a card is dragged over a column of hundreds of cards. Prints the
// rounds as JSON on the last line of stdout. Started by bench/run.ts.
// Usage: tsx bench/browser/board-browser.ts '<BrowserConfig as JSON>'
import { chromium, type BrowserContext, type Page } from "@playwright/test";
import { percentile } from "../lib/stats";

export type BrowserConfig = {
  port: number;
  email: string;
  password: string;
  boardKey: string;
  /** The column P8 drags over, and the one the dragged card comes from. */
  overColumn: string;
  fromColumn: string;
  expectedCards: number;
  rounds: number;
  /** A screenshot of the loaded board, to check the setup by eye. */
  screenshot?: string;
  /** Added to the board's URL: `?lanes=assignee` measures P2 in swimlanes. */
  query?: string;
  /** False: P2 rounds only (P8 drags over a column, which swimlanes do not have). */
  drag?: boolean;
};

export type BrowserResult = {
  /** `cards`: card elements in the DOM once usable (virtualized columns render only some). */
  p2: Array<{ usableMs: number; longTaskMs: number; longTasks: number; cards: number }>;
  p8: Array<{ p95: number; p50: number; max: number; frames: number; dropped: number; moves: number }>;
  notes: string[];
};

const config = JSON.parse(process.argv[2] ?? "{}") as BrowserConfig;
const base = `http://127.0.0.1:${config.port}`;
const boardUrl = `${base}/boards/${config.boardKey}${config.query ?? ""}`;
/** Long tasks this long after the page became usable still count (hydration tails). */
const SETTLE_MS = 500;
/** Pointer moves during the P8 drag, one per frame at 60 Hz. */
const DRAG_MOVES = 150;
/** No new round starts after this long (a round takes ~10 s on an idle 2-core machine). */
const ROUNDS_BUDGET_MS = 240_000;
const progress = (message: string) => process.stderr.write(`[browser] ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Window = typeof globalThis & { __benchLongTasks?: Array<{ start: number; duration: number }>; __benchFrames?: number[]; __benchSampling?: boolean };

async function signIn(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email").fill(config.email);
  await page.getByLabel("Password").fill(config.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor({ timeout: 30_000 });
  await page.close();
}

/**
 * Opens the board and waits until it is usable: the whole board is loaded (the page sends
 * only each column's top cards and the client fetches the rest), every column's header counts its cards (the
 * counts add up to the board's tickets), every non-empty column shows its first cards, and
 * React has hydrated the last card rendered (it reacts to the pointer and keyboard). Long
 * columns are virtualized, so "usable" is about what is on screen, not every card in the
 * DOM. Returns ms since navigation start, taken in the page.
 */
async function openBoard(page: Page): Promise<number> {
  await page.goto(boardUrl, { waitUntil: "commit" });
  const handle = await page.waitForFunction(
    (expected) => {
      // The page paints each column's top cards; the board is usable once the rest is loaded.
      if (!document.querySelector("[data-board-state=complete]")) return false;
      let counted = 0;
      // Column headers: in each column, or in swimlanes once above the lanes.
      for (const header of document.querySelectorAll("[data-testid=wip-count]")) {
        const count = Number.parseInt(header.textContent ?? "", 10);
        if (!Number.isFinite(count)) return false;
        counted += count;
        const column = header.closest("section[data-phase]");
        if (column && count > 0 && !column.querySelector("[data-ticket-id]")) return false;
      }
      const cards = document.querySelectorAll("[data-ticket-id]");
      const last = cards[cards.length - 1];
      if (counted < expected || !last || !Object.keys(last).some((key) => key.startsWith("__reactProps$"))) return false;
      return performance.now();
    },
    config.expectedCards,
    { polling: 10, timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** A column's ticket count as its header shows it (a virtualized column renders only some). */
async function columnCount(page: Page, phase: string): Promise<number> {
  const text = await page.locator(`section[data-phase="${phase}"] [data-testid=wip-count]`).textContent();
  return Number.parseInt(text ?? "", 10);
}

async function navigationRound(context: BrowserContext, screenshot?: string): Promise<BrowserResult["p2"][number]> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const tasks: Array<{ start: number; duration: number }> = [];
    (globalThis as Window).__benchLongTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: "longtask", buffered: true });
  });
  const usableMs = await openBoard(page);
  progress(`board usable after ${usableMs.toFixed(0)} ms`);
  await sleep(SETTLE_MS);
  const tasks = await page.evaluate(() => (globalThis as Window).__benchLongTasks ?? []);
  const counted = tasks.filter((task) => task.start <= usableMs + SETTLE_MS);
  // Cards in the DOM: with virtualized columns, far fewer than the board holds.
  const cards = await page.locator("[data-ticket-id]").count();
  if (screenshot) await page.screenshot({ path: screenshot });
  await page.close();
  return { usableMs, longTaskMs: counted.reduce((sum, task) => sum + task.duration, 0), longTasks: counted.length, cards };
}

/**
 * Picks up the first card of `fromColumn`, sweeps it down the `overColumn` list and back up
 * (dnd-kit auto-scrolls the column near its edges), then cancels with Escape so nothing
 * moves. Frame time = the interval between consecutive requestAnimationFrame callbacks.
 */
async function dragRound(context: BrowserContext): Promise<BrowserResult["p8"][number]> {
  const page = await context.newPage();
  await openBoard(page);
  const card = page.locator(`section[data-phase="${config.fromColumn}"] [data-ticket-id]`).first();
  const list = page.locator(`section[data-phase="${config.overColumn}"] [data-column-scroll]`).first();
  const overCards = await columnCount(page, config.overColumn);
  const from = await card.boundingBox();
  const over = await list.boundingBox();
  if (!from || !over) throw new Error("P8: the card or the column to drag over is not on screen");

  // A string, not a function: tsx's keep-names helper (__name) does not exist in the page.
  await page.evaluate(`(() => {
    window.__benchFrames = [];
    window.__benchSampling = true;
    let last;
    const frame = (time) => {
      if (last !== undefined) window.__benchFrames.push(time - last);
      last = time;
      if (window.__benchSampling) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })()`);

  const startX = from.x + from.width / 2;
  const startY = from.y + from.height / 2;
  await page.mouse.move(startX, startY);
  await page.mouse.down();
  // Past the 5 px activation distance in a few steps, as a hand would.
  for (let step = 1; step <= 4; step += 1) {
    await page.mouse.move(startX + step * 3, startY + step * 2);
    await sleep(16);
  }
  const x = over.x + over.width / 2;
  const top = over.y + 20;
  const bottom = over.y + over.height - 10;
  for (let i = 0; i < DRAG_MOVES; i += 1) {
    // Down the column to its bottom edge (auto-scroll), then back up.
    const t = i < DRAG_MOVES / 2 ? i / (DRAG_MOVES / 2) : 2 - i / (DRAG_MOVES / 2);
    await page.mouse.move(x, top + (bottom - top) * t);
    await sleep(16);
  }
  await page.keyboard.press("Escape");
  await page.mouse.up();
  progress("drag done");
  const frames = await page.evaluate(() => {
    const w = globalThis as Window;
    w.__benchSampling = false;
    return w.__benchFrames ?? [];
  });
  await page.close();
  if (overCards < 200) throw new Error(`P8: expected the ${config.overColumn} column to hold a few hundred cards, found ${overCards}`);
  return { p95: percentile(frames, 95), p50: percentile(frames, 50), max: Math.max(...frames), frames: frames.length, dropped: frames.filter((ms) => ms > 25).length, moves: DRAG_MOVES };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
try {
  const login = await browser.newContext();
  await signIn(login);
  progress("signed in");
  const storageState = await login.storageState();
  await login.close();
  const fresh = () => browser.newContext({ storageState, viewport: { width: 1600, height: 1000 } });

  const result: BrowserResult = { p2: [], p8: [], notes: [] };
  // Warm the server's render of the page outside the rounds (no browser work: that is what P2 measures).
  const warm = await fresh();
  await warm.request.get(boardUrl);
  await warm.close();
  const started = performance.now();
  for (let round = 0; round < config.rounds; round += 1) {
    // On a very busy machine one round can take minutes: stop starting new ones after the budget.
    if (round > 0 && performance.now() - started > ROUNDS_BUDGET_MS) {
      result.notes.push(`only ${round} of ${config.rounds} rounds: the browser rounds took over ${ROUNDS_BUDGET_MS / 1000} s`);
      break;
    }
    // A new context per round: empty HTTP cache, like a first visit of the day.
    const context = await fresh();
    result.p2.push(await navigationRound(context, round === 0 ? config.screenshot : undefined));
    if (config.drag !== false) result.p8.push(await dragRound(context));
    await context.close();
  }
  result.notes.push(
    `P2${config.query ? ` (${config.query})` : ""}: fresh browser context per round, viewport 1600×1000; usable = column counts add up to ${config.expectedCards}, every non-empty column shows cards, the last rendered card is hydrated; long tasks counted until ${SETTLE_MS} ms after that`,
    `P8: a ${config.fromColumn} card dragged down and up the ${config.overColumn} column in ${DRAG_MOVES} pointer moves ~16 ms apart, then cancelled; frame time = interval between requestAnimationFrame callbacks; dropped = frames over 25 ms`,
  );
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await browser.close();
}
