// Memory of a process and its descendants from /proc (Linux): the app server is a tsx
// wrapper → the start script → `next start`, and the last one does the serving.
import { readdirSync, readFileSync } from "node:fs";

type ProcInfo = { pid: number; ppid: number; rssKb: number; hwmKb: number; command: string };

function readProc(pid: number): ProcInfo | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
    const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
    return { pid, ppid: field("PPid"), rssKb: field("VmRSS"), hwmKb: field("VmHWM"), command };
  } catch {
    return null; // gone between listing and reading
  }
}

function descendants(root: number): ProcInfo[] {
  const all = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProc(Number(name)))
    .filter((info): info is ProcInfo => info !== null);
  const tree: ProcInfo[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    const self = all.find((info) => info.pid === pid);
    if (self) tree.push(self);
    for (const child of all.filter((info) => info.ppid === pid)) queue.push(child.pid);
  }
  return tree;
}

export type MemoryReport = {
  /** The largest peak (VmHWM) of any one process in the tree: the serving process. */
  peakProcessMb: number;
  peakProcessCommand: string;
  /** The largest sum of VmRSS over the whole tree seen by the sampler. */
  peakTreeMb: number;
  samples: number;
};

/** Samples the tree every `everyMs` until stopped; VmHWM catches peaks between samples. */
export function sampleMemory(root: number, everyMs = 250): { stop(): MemoryReport } {
  const peaks = new Map<number, { hwmKb: number; command: string }>();
  let peakTreeKb = 0;
  let samples = 0;
  const sample = () => {
    const tree = descendants(root);
    samples += 1;
    peakTreeKb = Math.max(peakTreeKb, tree.reduce((sum, info) => sum + info.rssKb, 0));
    for (const info of tree) {
      const known = peaks.get(info.pid);
      if (!known || info.hwmKb > known.hwmKb) peaks.set(info.pid, { hwmKb: info.hwmKb, command: info.command });
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const top = [...peaks.values()].sort((a, b) => b.hwmKb - a.hwmKb)[0] ?? { hwmKb: 0, command: "?" };
      return { peakProcessMb: top.hwmKb / 1024, peakProcessCommand: top.command.slice(0, 120), peakTreeMb: peakTreeKb / 1024, samples };
    },
  };
}
