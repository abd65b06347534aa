import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createBoardWithTickets } from "@/tests/helpers/board-fixture";
import { testDatabaseKind, withTestDatabase } from "@/tests/helpers/test-database";
import { apiToken, describeTally, tally } from "@/tests/reliability/helpers/api";
import { seededRandom } from "@/tests/reliability/helpers/server";

// R7 (input half): property-based fuzzing of every /api/v1 route that takes a body, through
// the real route handlers as an admin (so no refusal is about permissions). Bodies are random
// JSON, random text, and valid bodies with fields replaced by random values. Properties: never
// a 5xx; every rejection a 4xx with PRODUCT.md's shape {"error": {code, message, details?}};
// a rejection writes nothing (the audit trail's last sequence is unchanged). The one
// refusal that writes by design is GATE_PENDING (it opens a gate request, audited).

withTestDatabase();
const kind = testDatabaseKind();
const SEED = Number(process.env.RELIABILITY_SEED ?? 20261123);
const RUNS = Number(process.env.RELIABILITY_FUZZ_RUNS ?? 40);
const ROOT = path.resolve(import.meta.dirname, "../..");
const PLAN = readFileSync(path.join(ROOT, "../shared/fixtures/plans/beads-work-plan-health-probes.md"), "utf8");

type Target = { path: string; params: Record<string, string>; sample: Record<string, unknown> };
let targets: Record<string, () => Promise<Target>> = {};
let token = "";

beforeAll(async () => {
  const { ids } = await createBoardWithTickets("rfuzz", { backlog: 4, building: 2, review: 2 });
  token = await apiToken("admin");
  const { resetRateLimit } = await import("@/lib/server/api/rate-limit");
  resetRateLimit(1_000_000);
  const { registerAgent } = await import("@/lib/server/register-agent");
  const { moveTicket } = await import("@/lib/server/move-ticket");
  const { importPlan } = await import("@/lib/server/import-plan");
  const { SYSTEM_ACTOR } = await import("@/lib/domain/permissions");
  const agent = (await registerAgent(SYSTEM_ACTOR, { name: "fuzz-agent", kind: "worker" })).agent;
  const gate = await moveTicket(SYSTEM_ACTOR, ids.review![0]!, { toPhase: "deploying", version: 1 });
  const gateRequestId = gate.outcome === "gate_pending" ? gate.gateRequestId : "";
  const plan = await importPlan(SYSTEM_ACTOR, { markdown: PLAN, boardKey: "rfuzz" });
  const ticket = ids.backlog![0]!;
  const other = ids.backlog![1]!;
  const fixed = (target: Target) => async () => target;
  targets = {
    "POST /api/v1/agents": fixed({ path: "/api/v1/agents", params: {}, sample: { name: "fuzz-2", kind: "worker", capabilities: ["ts"], capacity: 2, heartbeatIntervalSec: 30 } }),
    "POST /api/v1/agents/[id]/heartbeat": fixed({ path: `/api/v1/agents/${agent.id}/heartbeat`, params: { id: agent.id }, sample: { state: "idle", currentTicketId: null, note: "ok" } }),
    "POST /api/v1/boards": fixed({ path: "/api/v1/boards", params: {}, sample: { name: "Fuzz", key: "fz", workflow: "software-development" } }),
    "PATCH /api/v1/boards/[board]": fixed({ path: "/api/v1/boards/rfuzz", params: { board: "rfuzz" }, sample: { name: "Fuzzed", reason: "why" } }),
    "PATCH /api/v1/boards/[board]/phases/[phase]": fixed({ path: "/api/v1/boards/rfuzz/phases/review", params: { board: "rfuzz", phase: "review" }, sample: { name: "Review", wipPolicy: "soft", wipMax: 4, wipMin: 1, reason: "x" } }),
    "POST /api/v1/boards/[board]/import/beads": fixed({ path: "/api/v1/boards/rfuzz/import/beads", params: { board: "rfuzz" }, sample: { jsonl: JSON.stringify({ id: "rfuzz-b1", title: "t", status: "open", priority: 1, issue_type: "task" }) } }),
    "POST /api/v1/boards/[board]/tickets": fixed({ path: "/api/v1/boards/rfuzz/tickets", params: { board: "rfuzz" }, sample: { title: "Fuzz", description: "d", type: "bug", priority: 1, labels: ["a"], files: ["x.ts"], phase: "backlog" } }),
    "POST /api/v1/gate-requests/[id]/decision": fixed({ path: `/api/v1/gate-requests/${gateRequestId}/decision`, params: { id: gateRequestId }, sample: { decision: "reject", comment: "no" } }),
    "POST /api/v1/plans": fixed({ path: "/api/v1/plans", params: {}, sample: { markdown: PLAN, boardKey: "rfuzz" } }),
    "POST /api/v1/plans/[id]/hard-stop/decision": fixed({ path: `/api/v1/plans/${plan.id}/hard-stop/decision`, params: { id: plan.id }, sample: { decision: "approve" } }),
    "POST /api/v1/summaries": fixed({ path: "/api/v1/summaries", params: {}, sample: { markdown: "# Session summary\n\nDone." } }),
    "PATCH /api/v1/tickets/[id]": fixed({ path: `/api/v1/tickets/${ticket}`, params: { id: ticket }, sample: { version: 1, title: "t", status: "open", labels: ["x"], priority: 2 } }),
    "POST /api/v1/tickets/[id]/move": fixed({ path: `/api/v1/tickets/${ticket}/move`, params: { id: ticket }, sample: { toPhase: "analyzing", version: 1, afterId: other, reason: "r", overrideWip: false } }),
    "POST /api/v1/tickets/[id]/artifacts": fixed({ path: `/api/v1/tickets/${ticket}/artifacts`, params: { id: ticket }, sample: { kind: "junit", format: "junit", name: "r.xml", content: "<testsuite/>" } }),
    "POST /api/v1/tickets/[id]/checklist": fixed({ path: `/api/v1/tickets/${ticket}/checklist`, params: { id: ticket }, sample: { index: 0, done: true, version: 1 } }),
    "POST /api/v1/tickets/[id]/claim": fixed({ path: `/api/v1/tickets/${ticket}/claim`, params: { id: ticket }, sample: { agentId: agent.id } }),
    "POST /api/v1/tickets/[id]/dependencies": fixed({ path: `/api/v1/tickets/${ticket}/dependencies`, params: { id: ticket }, sample: { dependsOnId: other, type: "blocks", metadata: {} } }),
  };
});

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : entry.name === "route.ts" ? [path.join(dir, entry.name)] : []));
}

/** Route methods that read a JSON body. */
async function bodyRoutes(): Promise<Array<{ key: string; module: string; method: string }>> {
  const found = [];
  for (const file of walk(path.join(ROOT, "app/api/v1")).sort()) {
    const relative = path.relative(ROOT, file).split(path.sep).join("/");
    const routePath = "/" + relative.replace(/^app\//, "").replace(/\/route\.ts$/, "");
    const loaded = (await import(/* @vite-ignore */ `@/${relative.replace(/\.ts$/, "")}`)) as Record<string, unknown>;
    for (const method of ["POST", "PUT", "PATCH"]) if (typeof loaded[method] === "function") found.push({ key: `${method} ${routePath}`, module: relative, method });
  }
  return found;
}

const errorShape = (value: unknown): boolean => {
  if (typeof value !== "object" || value === null || Object.keys(value).join() !== "error") return false;
  const error = (value as { error: Record<string, unknown> }).error;
  return typeof error.code === "string" && /^[A-Z_]+$/.test(error.code) && typeof error.message === "string" && error.message.length > 0 && Object.keys(error).every((k) => ["code", "message", "details"].includes(k));
};

/** Random JSON, random text, or the valid sample with some fields replaced, dropped or added. */
function bodies(sample: Record<string, unknown>): fc.Arbitrary<string> {
  const keys = Object.keys(sample);
  const hostile = fc.oneof(
    fc.jsonValue(),
    fc.string({ unit: "binary", maxLength: 300 }),
    fc.constantFrom(-1, 0, 2 ** 53, -(2 ** 31), 1e308, 0.5, "", " ", "\u0000", "<script>alert(1)</script>", "'; DROP TABLE \"Ticket\"; --", "../../etc/passwd", "x".repeat(5000), null, true, [], {}),
  );
  const mutated = fc
    .record({
      replace: fc.subarray(keys),
      drop: fc.subarray(keys),
      values: fc.array(hostile, { minLength: keys.length, maxLength: keys.length }),
      extra: fc.option(fc.tuple(fc.constantFrom("__proto__", "constructor", "phase", "id", "boardId", "version", "role", "gateSatisfied", "x"), hostile), { nil: undefined }),
    })
    .map(({ replace, drop, values, extra }) => {
      const body: Record<string, unknown> = {};
      keys.forEach((key, index) => {
        if (drop.includes(key)) return;
        body[key] = replace.includes(key) ? values[index] : sample[key];
      });
      let text = JSON.stringify(body);
      if (extra) text = text.replace(/^\{/, `{${JSON.stringify(extra[0])}:${JSON.stringify(extra[1]) ?? "null"}${Object.keys(body).length ? "," : ""}`);
      return text;
    });
  return fc.oneof(
    { weight: 3, arbitrary: mutated },
    { weight: 1, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value) ?? "null") },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
  );
}

describe(`R7 API body fuzzing on ${kind}`, () => {
  it("no body makes a route answer 5xx, every rejection has the error shape, and rejections write nothing", async () => {
    const { db } = await import("@/lib/db");
    const routes = await bodyRoutes();
    expect(routes.map((route) => route.key).filter((key) => !(key in targets)), "body routes without a fuzz target").toEqual([]);
    const lastSeq = async () => (await db().auditEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0;
    const statuses: string[] = [];
    const failures: string[] = [];
    let seedOffset = 0;
    const random = seededRandom(SEED);
    for (const route of routes) {
      const target = await targets[route.key]!();
      const loaded = (await import(/* @vite-ignore */ `@/${route.module.replace(/\.ts$/, "")}`)) as Record<string, (request: Request, context: unknown) => Promise<Response>>;
      const handler = loaded[route.method]!;
      await fc.assert(
        fc.asyncProperty(bodies(target.sample), async (text) => {
          const before = await lastSeq();
          const response = await handler(
            new Request(`http://gateboard.test${target.path}`, { method: route.method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: text }),
            { params: Promise.resolve(target.params) },
          );
          const payload = await response.text();
          statuses.push(String(response.status));
          if (response.status >= 500) failures.push(`${route.key} ${response.status} for ${text.slice(0, 200)}: ${payload.slice(0, 200)}`);
          expect(response.status, `${route.key} with ${text.slice(0, 200)}`).toBeLessThan(500);
          if (response.status >= 400) {
            const parsed = JSON.parse(payload) as unknown;
            expect(errorShape(parsed), `${route.key} error shape: ${payload.slice(0, 300)}`).toBe(true);
            // A refusal records itself (access.denied, issue 7); nothing else may be written.
            if ((parsed as { error: { code: string } }).error.code !== "GATE_PENDING") {
              const written = await db().auditEvent.findMany({ where: { seq: { gt: before }, action: { not: "access.denied" } }, select: { action: true } });
              expect(written.map((event) => event.action), `${route.key} rejected ${response.status} but wrote`).toEqual([]);
            }
          }
        }),
        { numRuns: RUNS, seed: SEED + seedOffset++ + Math.floor(random() * 1000) },
      );
    }
    expect(failures).toEqual([]);
    console.log(`R7 fuzz (${kind}, seed ${SEED}): ${routes.length} body routes × ${RUNS} runs = ${statuses.length} requests; statuses ${describeTally(tally(statuses))}; 0 × 5xx, every rejection in the error shape, no rejection wrote to the trail beyond its own access.denied record`);
  });
});
