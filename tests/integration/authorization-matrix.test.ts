import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/lib/action-result";
import type { Actor, Role } from "@/lib/domain/permissions";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/tests/helpers/test-database";

// The authorization matrix (issues 7 and 9, R5). It discovers every /api/v1 route module
// and every exported HTTP method, and every export of app/**/actions.ts, and fails when one
// has no entry below. Each is then called as every role, as nobody, and with another
// board's ids through a token scoped to one board; allowed calls must succeed, refused
// ones must answer 401/403/404 (actions: UNAUTHENTICATED/FORBIDDEN/NOT_FOUND), and every
// refusal of a known caller must be in the audit trail as exactly one `access.denied`.
//
// Routes are called in-process with real Requests and bearer tokens of each role; actions
// are called as the exported functions, with the session's person supplied by a mock of
// request-actor (the one place actions learn who is acting).

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/server/request-actor", () => ({
  requestActor: async () => session.actor,
  actorFromHeaders: async () => session.actor,
  requirePageActor: async () => session.actor,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const PLAN_FIXTURE = path.join(ROOT, "../shared/fixtures/plans/beads-work-plan-health-probes.md");
const SUMMARY_FIXTURE = path.join(ROOT, "../shared/fixtures/plans/session-summary-worker-lifecycle.md");

const ROLES_UNDER_TEST = ["admin", "lead", "reviewer", "engineer", "viewer", "agent"] as const satisfies readonly Role[];
type PersonRole = Exclude<Role, "agent">;
const ALL: readonly Role[] = ROLES_UNDER_TEST;
const WORKERS: readonly Role[] = ["admin", "lead", "reviewer", "engineer", "agent"];
// The default workflow's approval gate names reviewer and lead; an admin holds gate.decide
// but is refused by the gate itself.
const DECIDERS: readonly Role[] = ["lead", "reviewer"];
const MANAGERS: readonly Role[] = ["admin", "lead"];
const PEOPLE: readonly PersonRole[] = ["admin", "lead", "reviewer", "engineer", "viewer"];

/** Hundreds of real calls, each with its own fixture rows, on a shared 2-core machine. */
const MATRIX_TIMEOUT_MS = 180_000;

type BoardSide = "A" | "B";
type Call = { path: string; params?: Record<string, string>; query?: Record<string, string>; body?: unknown };
/**
 * How a token scoped to board A must fare:
 * - scoped: given board B's ids it is refused (403/404, audited); given A's it works;
 * - filtered: a list; it works and shows nothing of board B;
 * - global: the route is not about one board (the reason says why);
 * - unscoped: only an instance-wide token may call it; one scoped to A is refused (403, audited).
 */
type Idor = "scoped" | "filtered" | "unscoped" | { global: string };
type RouteEntry = {
  allowed: readonly Role[] | "public";
  idor: Idor;
  prepare: (side: BoardSide) => Promise<Call>;
  /** Statuses besides 2xx that show an allowed caller got past authorization (a domain refusal such as 409). */
  passes?: number[];
};
type ActionEntry =
  | { allowed: readonly PersonRole[]; invoke: () => Promise<ActionResult<unknown>>; passes?: string[] }
  | { public: string };

let database: TestDatabase;
const boards = { A: { key: "ma", id: "" }, B: { key: "mb", id: "" } };
const tokens = {} as Record<Role, string>;
let scopedLead = "";
const people = {} as Record<PersonRole, Actor>;
let counter = 0;
const unique = (prefix: string) => `${prefix}${(counter += 1)}`;

async function ticketOn(side: BoardSide, phase = "backlog"): Promise<string> {
  const { createTicket } = await import("@/lib/server/create-ticket");
  const { SYSTEM_ACTOR } = await import("@/lib/domain/permissions");
  return (await createTicket(SYSTEM_ACTOR, boards[side].key, { title: unique("Matrix ticket "), phase })).id;
}

/** A ticket in Review asking for Deploying: an open approval gate request. */
async function gateRequestOn(side: BoardSide): Promise<string> {
  const { moveTicket } = await import("@/lib/server/move-ticket");
  const { SYSTEM_ACTOR } = await import("@/lib/domain/permissions");
  const id = await ticketOn(side, "review");
  const result = await moveTicket(SYSTEM_ACTOR, id, { toPhase: "deploying", version: 1 });
  if (result.outcome !== "gate_pending") throw new Error(`expected a gate request for ${id}`);
  return result.gateRequestId;
}

/** Plans are identified by their session id: each import below is its own plan. */
const planMarkdown = (sessionId: string) => readFileSync(PLAN_FIXTURE, "utf8").replace(/^Session: .*$/m, `Session: ${sessionId}`);

const planIds: Partial<Record<BoardSide, string>> = {};
async function planOn(side: BoardSide): Promise<string> {
  if (planIds[side]) return planIds[side]!;
  const { importPlan } = await import("@/lib/server/import-plan");
  const { SYSTEM_ACTOR } = await import("@/lib/domain/permissions");
  planIds[side] = (await importPlan(SYSTEM_ACTOR, { markdown: planMarkdown(`matrix${side}`), boardKey: boards[side].key })).id;
  return planIds[side]!;
}

let summaryId = "";
async function summary(): Promise<string> {
  if (summaryId) return summaryId;
  const { importSummary } = await import("@/lib/server/import-summary");
  const { SYSTEM_ACTOR } = await import("@/lib/domain/permissions");
  summaryId = (await importSummary(SYSTEM_ACTOR, { markdown: readFileSync(SUMMARY_FIXTURE, "utf8") })).id;
  return summaryId;
}

const beadsLine = (side: BoardSide) =>
  JSON.stringify({ id: `${boards[side].key}-bd${(counter += 1)}`, title: "Imported by the matrix", status: "open", priority: 2, issue_type: "task", created_at: "2026-01-01T00:00:00Z", updated_at: "2026-01-01T00:00:00Z" });

const key = (side: BoardSide) => boards[side].key;

/** Every route module under app/api/v1, by its path with [params], and method. */
const ROUTES: Record<string, RouteEntry> = {
  "GET /api/v1/agents": { allowed: ALL, idor: { global: "agents serve every board" }, prepare: async () => ({ path: "/api/v1/agents" }) },
  "POST /api/v1/agents": {
    allowed: ["admin", "lead", "agent"],
    idor: { global: "agents serve every board" },
    prepare: async () => ({ path: "/api/v1/agents", body: { name: unique("matrix-agent-"), kind: "worker" } }),
  },
  "POST /api/v1/agents/[id]/heartbeat": {
    // Not its own agent: only a lead or an admin may heartbeat for another.
    allowed: MANAGERS,
    idor: { global: "agents serve every board" },
    prepare: async () => {
      const { registerAgent } = await import("@/lib/server/register-agent");
      const { SYSTEM_ACTOR } = await import("@/lib/domain/permissions");
      const { agent } = await registerAgent(SYSTEM_ACTOR, { name: unique("matrix-beat-"), kind: "worker" });
      return { path: `/api/v1/agents/${agent.id}/heartbeat`, params: { id: agent.id }, body: { state: "idle" } };
    },
  },
  "POST /api/v1/plans/[id]/hard-stop/decision": {
    allowed: ["admin", "lead", "reviewer"],
    idor: "scoped",
    // The fixture plan has not reached its HARD STOP: CONFLICT, after authorization.
    passes: [409],
    prepare: async (side) => {
      const id = await planOn(side);
      return { path: `/api/v1/plans/${id}/hard-stop/decision`, params: { id }, body: { decision: "approve" } };
    },
  },
  "POST /api/v1/tickets/[id]/claim": {
    allowed: WORKERS,
    idor: "scoped",
    // A people-role token belongs to no person or agent: VALIDATION_FAILED, after authorization.
    passes: [400],
    prepare: async (side) => {
      const id = await ticketOn(side);
      return { path: `/api/v1/tickets/${id}/claim`, params: { id }, body: {} };
    },
  },
  "GET /api/v1/audit": { allowed: ALL, idor: "filtered", prepare: async () => ({ path: "/api/v1/audit" }) },
  "GET /api/v1/audit/export": { allowed: ALL, idor: "filtered", prepare: async () => ({ path: "/api/v1/audit/export" }) },
  "GET /api/v1/audit/verify": { allowed: ALL, idor: { global: "the chain status covers the whole installation and names no board's data" }, prepare: async () => ({ path: "/api/v1/audit/verify" }) },
  "GET /api/v1/boards": { allowed: ALL, idor: "filtered", prepare: async () => ({ path: "/api/v1/boards" }) },
  "POST /api/v1/boards": {
    allowed: MANAGERS,
    // A new board is outside any one board's scope.
    idor: "unscoped",
    prepare: async () => ({ path: "/api/v1/boards", body: { name: "Matrix board", key: unique("mx"), workflow: "software-development" } }),
  },
  "GET /api/v1/boards/[board]": { allowed: ALL, idor: "scoped", prepare: async (side) => ({ path: `/api/v1/boards/${key(side)}`, params: { board: key(side) } }) },
  "PATCH /api/v1/boards/[board]": {
    allowed: MANAGERS,
    idor: "scoped",
    prepare: async (side) => ({ path: `/api/v1/boards/${key(side)}`, params: { board: key(side) }, body: { name: unique("Renamed ") } }),
  },
  "PATCH /api/v1/boards/[board]/phases/[phase]": {
    allowed: MANAGERS,
    idor: "scoped",
    prepare: async (side) => ({ path: `/api/v1/boards/${key(side)}/phases/review`, params: { board: key(side), phase: "review" }, body: { name: unique("Review ") } }),
  },
  "GET /api/v1/boards/[board]/export/beads": { allowed: ALL, idor: "scoped", prepare: async (side) => ({ path: `/api/v1/boards/${key(side)}/export/beads`, params: { board: key(side) } }) },
  "POST /api/v1/boards/[board]/import/beads": {
    allowed: WORKERS,
    idor: "scoped",
    prepare: async (side) => ({ path: `/api/v1/boards/${key(side)}/import/beads`, params: { board: key(side) }, body: { jsonl: beadsLine(side) } }),
  },
  "GET /api/v1/boards/[board]/ready": { allowed: ALL, idor: "scoped", prepare: async (side) => ({ path: `/api/v1/boards/${key(side)}/ready`, params: { board: key(side) } }) },
  "GET /api/v1/boards/[board]/tickets": { allowed: ALL, idor: "scoped", prepare: async (side) => ({ path: `/api/v1/boards/${key(side)}/tickets`, params: { board: key(side) } }) },
  "POST /api/v1/boards/[board]/tickets": {
    allowed: WORKERS,
    idor: "scoped",
    prepare: async (side) => ({ path: `/api/v1/boards/${key(side)}/tickets`, params: { board: key(side) }, body: { title: unique("Created by the matrix ") } }),
  },
  "GET /api/v1/events": { allowed: ALL, idor: "scoped", prepare: async (side) => ({ path: "/api/v1/events", query: { board: key(side) } }) },
  "GET /api/v1/gate-requests": { allowed: ALL, idor: "filtered", prepare: async () => ({ path: "/api/v1/gate-requests" }) },
  "POST /api/v1/gate-requests/[id]/decision": {
    allowed: DECIDERS,
    idor: "scoped",
    prepare: async (side) => {
      const id = await gateRequestOn(side);
      return { path: `/api/v1/gate-requests/${id}/decision`, params: { id }, body: { decision: "approve" } };
    },
  },
  "GET /api/v1/me": { allowed: ALL, idor: { global: "the caller's own identity" }, prepare: async () => ({ path: "/api/v1/me" }) },
  "GET /api/v1/openapi.json": { allowed: "public", idor: { global: "the API description, public by design" }, prepare: async () => ({ path: "/api/v1/openapi.json" }) },
  "GET /api/v1/plans": { allowed: ALL, idor: "filtered", prepare: async () => ({ path: "/api/v1/plans" }) },
  "POST /api/v1/plans": {
    allowed: WORKERS,
    idor: "scoped",
    prepare: async (side) => ({ path: "/api/v1/plans", body: { markdown: planMarkdown(unique("matrixpost")), boardKey: key(side) } }),
  },
  "GET /api/v1/plans/[id]": {
    allowed: ALL,
    idor: "scoped",
    prepare: async (side) => {
      const id = await planOn(side);
      return { path: `/api/v1/plans/${id}`, params: { id } };
    },
  },
  "GET /api/v1/plans/[id]/export": {
    allowed: ALL,
    idor: "scoped",
    prepare: async (side) => {
      const id = await planOn(side);
      return { path: `/api/v1/plans/${id}/export`, params: { id } };
    },
  },
  "GET /api/v1/search": { allowed: ALL, idor: "filtered", prepare: async () => ({ path: "/api/v1/search", query: { q: "health" } }) },
  "GET /api/v1/summaries": { allowed: ALL, idor: { global: "session summaries belong to no board" }, prepare: async () => ({ path: "/api/v1/summaries" }) },
  "POST /api/v1/summaries": {
    allowed: WORKERS,
    idor: { global: "session summaries belong to no board" },
    prepare: async () => ({ path: "/api/v1/summaries", body: { markdown: readFileSync(SUMMARY_FIXTURE, "utf8") } }),
  },
  "GET /api/v1/summaries/[id]": {
    allowed: ALL,
    idor: { global: "session summaries belong to no board" },
    prepare: async () => {
      const id = await summary();
      return { path: `/api/v1/summaries/${id}`, params: { id } };
    },
  },
  "GET /api/v1/tickets/[id]": {
    allowed: ALL,
    idor: "scoped",
    prepare: async (side) => {
      const id = await ticketOn(side);
      return { path: `/api/v1/tickets/${id}`, params: { id } };
    },
  },
  "PATCH /api/v1/tickets/[id]": {
    allowed: WORKERS,
    idor: "scoped",
    prepare: async (side) => {
      const id = await ticketOn(side);
      return { path: `/api/v1/tickets/${id}`, params: { id }, body: { version: 1, title: "Edited by the matrix" } };
    },
  },
  "POST /api/v1/tickets/[id]/move": {
    allowed: WORKERS,
    idor: "scoped",
    // A reorder inside Backlog: a move like any other, without filling a WIP-limited column.
    prepare: async (side) => {
      const id = await ticketOn(side);
      return { path: `/api/v1/tickets/${id}/move`, params: { id }, body: { toPhase: "backlog", version: 1 } };
    },
  },
  "POST /api/v1/tickets/[id]/artifacts": {
    allowed: WORKERS,
    idor: "scoped",
    prepare: async (side) => {
      const id = await ticketOn(side);
      return { path: `/api/v1/tickets/${id}/artifacts`, params: { id }, body: { kind: "log", format: "text", content: "matrix" } };
    },
  },
  "GET /api/v1/tickets/[id]/checklist": {
    allowed: ALL,
    idor: "scoped",
    prepare: async (side) => {
      const id = await ticketOn(side);
      return { path: `/api/v1/tickets/${id}/checklist`, params: { id } };
    },
  },
  "POST /api/v1/tickets/[id]/checklist": {
    allowed: WORKERS,
    idor: "scoped",
    prepare: async (side) => {
      const id = await ticketOn(side);
      return { path: `/api/v1/tickets/${id}/checklist`, params: { id }, body: { index: 0, done: true, version: 1 } };
    },
  },
  "POST /api/v1/tickets/[id]/dependencies": {
    allowed: WORKERS,
    idor: "scoped",
    prepare: async (side) => {
      const [id, other] = [await ticketOn(side), await ticketOn(side)];
      return { path: `/api/v1/tickets/${id}/dependencies`, params: { id }, body: { dependsOnId: other, type: "related" } };
    },
  },
  "DELETE /api/v1/tickets/[id]/dependencies": {
    allowed: WORKERS,
    idor: "scoped",
    prepare: async (side) => {
      const { addDependency } = await import("@/lib/server/add-dependency");
      const { SYSTEM_ACTOR } = await import("@/lib/domain/permissions");
      const [id, other] = [await ticketOn(side), await ticketOn(side)];
      await addDependency(SYSTEM_ACTOR, id, { dependsOnId: other, type: "related" });
      return { path: `/api/v1/tickets/${id}/dependencies`, params: { id }, query: { dependsOnId: other, type: "related" } };
    },
  },
};

/** An action that redirects on success (Next's redirect() throws): the redirect counts as success. */
async function followRedirect(invoke: () => Promise<ActionResult<unknown>>): Promise<ActionResult<unknown>> {
  try {
    return await invoke();
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { ok: true, data: digest };
    throw error;
  }
}

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

/** Every export of every "use server" module under app/, by file and name. */
const ACTIONS: Record<string, ActionEntry> = {
  "app/admin/tokens/actions.ts#createTokenAction": {
    allowed: ["admin", "lead"],
    invoke: async () => (await import("@/app/admin/tokens/actions")).createTokenAction(null, form({ name: unique("matrix-token-"), role: "agent" })),
  },
  "app/admin/tokens/actions.ts#revokeTokenAction": {
    allowed: ["admin", "lead"],
    invoke: async () => {
      const { createApiToken } = await import("@/lib/server/create-api-token");
      const { SYSTEM_ACTOR } = await import("@/lib/domain/permissions");
      const created = await createApiToken(SYSTEM_ACTOR, { name: unique("revoke-me-"), role: "agent" });
      return (await import("@/app/admin/tokens/actions")).revokeTokenAction(created.id);
    },
  },
  "app/admin/users/actions.ts#inviteUserAction": {
    allowed: ["admin"],
    invoke: async () => (await import("@/app/admin/users/actions")).inviteUserAction(null, form({ email: `${unique("invitee")}@matrix.test`, name: "Invitee", role: "viewer" })),
  },
  "app/admin/users/actions.ts#changeUserRoleAction": {
    allowed: ["admin"],
    invoke: async () => {
      const { inviteUser } = await import("@/lib/server/invite-user");
      const { SYSTEM_ACTOR } = await import("@/lib/domain/permissions");
      const user = await inviteUser(SYSTEM_ACTOR, { email: `${unique("promote")}@matrix.test`, name: "Promote Me", role: "viewer" });
      return (await import("@/app/admin/users/actions")).changeUserRoleAction(user.id, "engineer");
    },
  },
  "app/boards/actions.ts#createBoardAction": {
    allowed: ["admin", "lead"],
    invoke: async () => followRedirect(async () => (await import("@/app/boards/actions")).createBoardAction(null, form({ name: "Matrix board", key: unique("mxa"), workflow: "software-development" }))),
  },
  "app/boards/[board]/settings/actions.ts#renameBoardAction": {
    allowed: ["admin", "lead"],
    invoke: async () => (await import("@/app/boards/[board]/settings/actions")).renameBoardAction(boards.A.key, null, form({ name: unique("Renamed ") })),
  },
  "app/boards/[board]/settings/actions.ts#updatePhaseAction": {
    allowed: ["admin", "lead"],
    invoke: async () => (await import("@/app/boards/[board]/settings/actions")).updatePhaseAction(boards.A.key, "review", null, form({ name: unique("Review ") })),
  },
  "app/plans/actions.ts#decidePlanHardStopAction": {
    allowed: ["admin", "lead", "reviewer"],
    // The fixture plan has not reached its HARD STOP: CONFLICT, after authorization.
    passes: ["CONFLICT"],
    invoke: async () => (await import("@/app/plans/actions")).decidePlanHardStopAction(await planOn("A"), { decision: "approve" }),
  },
  "app/boards/[board]/tickets/actions.ts#createTicketAction": {
    allowed: ["admin", "lead", "reviewer", "engineer"],
    invoke: async () => (await import("@/app/boards/[board]/tickets/actions")).createTicketAction(boards.A.key, { title: unique("Created in the matrix ") }),
  },
  "app/boards/[board]/tickets/actions.ts#updateTicketAction": {
    allowed: ["admin", "lead", "reviewer", "engineer"],
    invoke: async () => (await import("@/app/boards/[board]/tickets/actions")).updateTicketAction(await ticketOn("A"), { version: 1, title: "Edited in the matrix" }),
  },
  "app/boards/[board]/tickets/actions.ts#loadEditableTicketAction": {
    allowed: PEOPLE,
    invoke: async () => (await import("@/app/boards/[board]/tickets/actions")).loadEditableTicketAction(await ticketOn("A")),
  },
  "app/boards/[board]/tickets/actions.ts#addDependencyAction": {
    allowed: ["admin", "lead", "reviewer", "engineer"],
    invoke: async () => (await import("@/app/boards/[board]/tickets/actions")).addDependencyAction(await ticketOn("A"), { dependsOnId: await ticketOn("A"), type: "related" }),
  },
  "app/boards/[board]/tickets/actions.ts#removeDependencyAction": {
    allowed: ["admin", "lead", "reviewer", "engineer"],
    invoke: async () => {
      const { addDependency } = await import("@/lib/server/add-dependency");
      const { SYSTEM_ACTOR } = await import("@/lib/domain/permissions");
      const [id, other] = [await ticketOn("A"), await ticketOn("A")];
      await addDependency(SYSTEM_ACTOR, id, { dependsOnId: other, type: "related" });
      return (await import("@/app/boards/[board]/tickets/actions")).removeDependencyAction(id, { dependsOnId: other, type: "related" });
    },
  },
  "app/boards/[board]/tickets/checklist-actions.ts#tickChecklistAction": {
    allowed: ["admin", "lead", "reviewer", "engineer"],
    invoke: async () => (await import("@/app/boards/[board]/tickets/checklist-actions")).tickChecklistAction(boards.A.key, await ticketOn("A"), { index: 0, done: true, version: 1 }),
  },
  "app/boards/[board]/actions.ts#moveTicketAction": {
    allowed: ["admin", "lead", "reviewer", "engineer"],
    invoke: async () => (await import("@/app/boards/[board]/actions")).moveTicketAction(await ticketOn("A"), { toPhase: "backlog", version: 1 }),
  },
  "app/inbox/actions.ts#decideGateAction": {
    allowed: ["lead", "reviewer"],
    invoke: async () => (await import("@/app/inbox/actions")).decideGateAction(await gateRequestOn("A"), { decision: "approve" }),
  },
  "app/inbox/actions.ts#loadInboxAction": { allowed: PEOPLE, invoke: async () => (await import("@/app/inbox/actions")).loadInboxAction() },
  "app/plans/actions.ts#importDocumentAction": {
    allowed: ["admin", "lead", "reviewer", "engineer"],
    invoke: async () => (await import("@/app/plans/actions")).importDocumentAction(null, form({ kind: "summary", markdown: readFileSync(SUMMARY_FIXTURE, "utf8") })),
  },
  "app/sign-in/actions.ts#signInAction": { public: "signing in is what a caller without a session does; Better Auth checks the password" },
  "app/sign-in/actions.ts#signOutAction": { public: "ends the caller's own session, if any" },
};

function walk(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full, keep);
    return keep(entry.name) ? [full] : [];
  });
}

/** A module of server actions: starts with the "use server" directive (actions.ts, checklist-actions.ts, …). */
const isActionModule = (file: string) => /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(readFileSync(file, "utf8"));

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

async function discoverRoutes(): Promise<Array<{ key: string; module: string; method: string }>> {
  const found = [];
  for (const file of walk(path.join(ROOT, "app/api/v1"), (name) => name === "route.ts").sort()) {
    const relative = path.relative(ROOT, file).split(path.sep).join("/");
    const routePath = "/" + relative.replace(/^app\//, "").replace(/\/route\.ts$/, "");
    const loaded = (await import(/* @vite-ignore */ `@/${relative.replace(/\.tsx?$/, "")}`)) as Record<string, unknown>;
    for (const method of HTTP_METHODS) if (typeof loaded[method] === "function") found.push({ key: `${method} ${routePath}`, module: relative, method });
  }
  return found;
}

async function discoverActions(): Promise<string[]> {
  const found = [];
  for (const file of walk(path.join(ROOT, "app"), (name) => /\.tsx?$/.test(name)).filter(isActionModule).sort()) {
    const relative = path.relative(ROOT, file).split(path.sep).join("/");
    const loaded = (await import(/* @vite-ignore */ `@/${relative.replace(/\.tsx?$/, "")}`)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(loaded)) if (typeof value === "function") found.push(`${relative}#${name}`);
  }
  return found;
}

/** A refusal writes exactly one `access.denied` event: none is unaudited, two or more double-count it. */
function auditedOnce(call: string, written: number, unaudited: string[], problems: string[]): void {
  if (written === 0) unaudited.push(call);
  else if (written > 1) problems.push(`${call}: refusal audited ${written} times, expected one access.denied event`);
}

async function deniedCount(): Promise<number> {
  const { db } = await import("@/lib/db");
  return db().auditEvent.count({ where: { action: "access.denied" } });
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function send(handler: Handler, method: string, call: Call, token: string | null): Promise<{ status: number; text: string }> {
  const url = new URL(`http://gateboard.test${call.path}`);
  for (const [name, value] of Object.entries(call.query ?? {})) url.searchParams.set(name, value);
  const response = await handler(
    new Request(url, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(call.body === undefined ? {} : { "content-type": "application/json" }) },
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    }),
    { params: Promise.resolve(call.params ?? {}) },
  );
  // The event stream never ends by itself: its status and headers are the answer.
  if (response.headers.get("content-type")?.startsWith("text/event-stream")) {
    await response.body?.cancel();
    return { status: response.status, text: "" };
  }
  return { status: response.status, text: await response.text() };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const { createBoardWithTickets } = await import("@/tests/helpers/board-fixture");
  for (const side of ["A", "B"] as const) boards[side].id = (await createBoardWithTickets(boards[side].key, { backlog: 2, review: 1 })).board.id;
  const { createApiToken } = await import("@/lib/server/create-api-token");
  const { inviteUser } = await import("@/lib/server/invite-user");
  const { SYSTEM_ACTOR } = await import("@/lib/domain/permissions");
  for (const role of ROLES_UNDER_TEST) tokens[role] = (await createApiToken(SYSTEM_ACTOR, { name: `matrix-${role}`, role })).secret;
  scopedLead = (await createApiToken(SYSTEM_ACTOR, { name: "matrix-scoped-lead", role: "lead", board: boards.A.key })).secret;
  for (const role of PEOPLE) {
    const user = await inviteUser(SYSTEM_ACTOR, { email: `${role}@matrix.test`, name: `Matrix ${role}`, role });
    people[role] = { kind: "user", id: user.id, role, name: user.name };
  }
  const { resetRateLimit } = await import("@/lib/server/api/rate-limit");
  resetRateLimit(1_000_000);
});

afterAll(async () => {
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
  await database?.drop();
});

describe(`authorization matrix on ${testDatabaseKind()}`, () => {
  it("has an entry for every /api/v1 route method and every server action, and none for what no longer exists", async () => {
    const routes = (await discoverRoutes()).map((route) => route.key);
    const actions = await discoverActions();
    expect(routes.filter((route) => !(route in ROUTES)), "routes without a matrix entry").toEqual([]);
    expect(actions.filter((action) => !(action in ACTIONS)), "server actions without a matrix entry").toEqual([]);
    expect(Object.keys(ROUTES).filter((route) => !routes.includes(route)), "matrix entries for routes that do not exist").toEqual([]);
    expect(Object.keys(ACTIONS).filter((action) => !actions.includes(action)), "matrix entries for actions that do not exist").toEqual([]);
  });

  it("every route: allowed roles succeed, others are refused and audited, nobody gets 401, another board's ids are refused", async () => {
    const problems: string[] = [];
    const unaudited: string[] = [];
    let calls = 0;
    let refusals = 0;
    for (const route of await discoverRoutes()) {
      const entry = ROUTES[route.key];
      if (!entry) continue;
      const loaded = (await import(/* @vite-ignore */ `@/${route.module.replace(/\.ts$/, "")}`)) as Record<string, Handler>;
      const handler = loaded[route.method]!;

      for (const role of ROLES_UNDER_TEST) {
        const allowed = entry.allowed === "public" || entry.allowed.includes(role);
        const before = await deniedCount();
        const result = await send(handler, route.method, await entry.prepare("A"), tokens[role]);
        calls += 1;
        if (allowed && result.status >= 400 && !entry.passes?.includes(result.status)) problems.push(`${route.key} as ${role}: expected success, got ${result.status} ${result.text.slice(0, 300)}`);
        if (!allowed) {
          refusals += 1;
          if (![403, 404].includes(result.status)) problems.push(`${route.key} as ${role}: expected 403/404, got ${result.status} ${result.text.slice(0, 200)}`);
          else auditedOnce(`${route.key} as ${role}`, (await deniedCount()) - before, unaudited, problems);
        }
      }

      const anonymous = await send(handler, route.method, await entry.prepare("A"), null);
      calls += 1;
      if (entry.allowed === "public" ? anonymous.status >= 400 : anonymous.status !== 401) problems.push(`${route.key} as nobody: got ${anonymous.status}`);

      if (entry.idor === "scoped") {
        const before = await deniedCount();
        const foreign = await send(handler, route.method, await entry.prepare("B"), scopedLead);
        calls += 1;
        refusals += 1;
        if (![403, 404].includes(foreign.status)) problems.push(`${route.key} with board B's ids and a token scoped to A: expected 403/404, got ${foreign.status} ${foreign.text.slice(0, 200)}`);
        else auditedOnce(`${route.key} idor`, (await deniedCount()) - before, unaudited, problems);
        if (entry.allowed === "public" || entry.allowed.includes("lead")) {
          const own = await send(handler, route.method, await entry.prepare("A"), scopedLead);
          calls += 1;
          if (own.status >= 400 && !entry.passes?.includes(own.status)) problems.push(`${route.key} with board A's ids and a token scoped to A: expected success, got ${own.status} ${own.text.slice(0, 200)}`);
        }
      } else if (entry.idor === "filtered") {
        const listed = await send(handler, route.method, await entry.prepare("A"), scopedLead);
        calls += 1;
        if (listed.status >= 400) problems.push(`${route.key} with a token scoped to A: got ${listed.status}`);
        if (listed.text.includes(`${boards.B.key}-`) || listed.text.includes(`"${boards.B.key}"`) || listed.text.includes(boards.B.id)) {
          problems.push(`${route.key} with a token scoped to A shows board B's data: ${listed.text.slice(0, 300)}`);
        }
      } else if (entry.idor === "unscoped") {
        const before = await deniedCount();
        const scoped = await send(handler, route.method, await entry.prepare("A"), scopedLead);
        calls += 1;
        refusals += 1;
        if (scoped.status !== 403) problems.push(`${route.key} with a token scoped to A: expected 403, got ${scoped.status} ${scoped.text.slice(0, 200)}`);
        else auditedOnce(`${route.key} scoped`, (await deniedCount()) - before, unaudited, problems);
      } else {
        const global = await send(handler, route.method, await entry.prepare("A"), scopedLead);
        calls += 1;
        if (global.status >= 500) problems.push(`${route.key} with a token scoped to A: got ${global.status}`);
      }
    }
    expect(problems).toEqual([]);
    expect(unaudited, "refusals not audited as access.denied").toEqual([]);
    console.log(`R5 routes (${testDatabaseKind()}): ${Object.keys(ROUTES).length} route methods × (6 roles + nobody + board-scoped IDOR): ${calls} calls, ${refusals} refusals, all audited as access.denied`);
  }, MATRIX_TIMEOUT_MS);

  it("every server action: allowed roles succeed, others are refused and audited, nobody is refused", async () => {
    const problems: string[] = [];
    const unaudited: string[] = [];
    let calls = 0;
    let refusals = 0;
    for (const [name, entry] of Object.entries(ACTIONS)) {
      if ("public" in entry) continue;
      for (const role of PEOPLE) {
        session.actor = people[role];
        const before = await deniedCount();
        const result = await entry.invoke();
        calls += 1;
        const allowed = entry.allowed.includes(role);
        if (allowed && !result.ok && !entry.passes?.includes(result.error.code)) problems.push(`${name} as ${role}: expected success, got ${JSON.stringify(result.error)}`);
        if (!allowed) {
          refusals += 1;
          if (result.ok || !["FORBIDDEN", "NOT_FOUND"].includes(result.error.code)) problems.push(`${name} as ${role}: expected FORBIDDEN, got ${JSON.stringify(result)}`.slice(0, 400));
          else auditedOnce(`${name} as ${role}`, (await deniedCount()) - before, unaudited, problems);
        }
      }
      session.actor = null;
      const anonymous = await entry.invoke();
      calls += 1;
      if (anonymous.ok || anonymous.error.code !== "UNAUTHENTICATED") problems.push(`${name} as nobody: expected UNAUTHENTICATED, got ${JSON.stringify(anonymous)}`.slice(0, 400));
    }
    session.actor = null;
    expect(problems).toEqual([]);
    expect(unaudited, "refusals not audited as access.denied").toEqual([]);
    const checked = Object.values(ACTIONS).filter((entry) => !("public" in entry)).length;
    console.log(`R5 actions (${testDatabaseKind()}): ${checked} server actions × (5 roles + nobody): ${calls} calls, ${refusals} refusals, all audited as access.denied; ${Object.keys(ACTIONS).length - checked} public (sign-in, sign-out)`);
  }, MATRIX_TIMEOUT_MS);

  it("answers an id that exists nowhere NOT_FOUND without an access.denied event: nothing was refused", async () => {
    const scoped: Actor = { kind: "user", id: "matrix-scoped-person", role: "lead", name: "Matrix scoped lead", boardScope: boards.A.id };
    const missingTicket = `${boards.A.key}-missing`;
    const calls: Record<string, () => Promise<unknown>> = {
      renameBoard: async () => (await import("@/lib/server/rename-board")).renameBoard(scoped, "zz", { name: "Nowhere" }),
      updatePhase: async () => (await import("@/lib/server/update-phase")).updatePhase(scoped, "zz", "review", { name: "Nowhere" }),
      openBoardFeed: async () => (await import("@/lib/server/list-board-changes")).openBoardFeed(scoped, "zz"),
      decideGate: async () => (await import("@/lib/server/decide-gate")).decideGate(scoped, "missing-request", { decision: "approve" }),
      getPlan: async () => (await import("@/lib/server/get-plan")).getPlan(scoped, "missing-plan"),
      exportPlanMarkdown: async () => (await import("@/lib/server/export-plan-markdown")).exportPlanMarkdown(scoped, "missing-plan"),
      decidePlanHardStop: async () => (await import("@/lib/server/decide-plan-hard-stop")).decidePlanHardStop(scoped, "missing-plan", { decision: "approve" }),
      attachArtifact: async () => (await import("@/lib/server/attach-artifact")).attachArtifact(scoped, missingTicket, { kind: "log", format: "text", content: "matrix" }),
      getChecklist: async () => (await import("@/lib/server/get-checklist")).getChecklist(scoped, missingTicket),
      tickChecklist: async () => (await import("@/lib/server/tick-checklist")).tickChecklist(scoped, missingTicket, { index: 0, done: true, version: 1 }),
      claimTicket: async () => (await import("@/lib/server/claim-ticket")).claimTicket(scoped, missingTicket, {}),
      moveTicket: async () => (await import("@/lib/server/move-ticket")).moveTicket(scoped, missingTicket, { toPhase: "backlog", version: 1 }),
    };
    const problems: string[] = [];
    for (const [name, call] of Object.entries(calls)) {
      const before = await deniedCount();
      const outcome = await call().then(
        () => "succeeded",
        (error: unknown) => (error instanceof Error && "code" in error ? String(error.code) : String(error)),
      );
      if (outcome !== "NOT_FOUND") problems.push(`${name}: expected NOT_FOUND, got ${outcome}`);
      const written = (await deniedCount()) - before;
      if (written !== 0) problems.push(`${name}: a missing id wrote ${written} access.denied event(s)`);
    }
    expect(problems).toEqual([]);
  });

  it("refuses a plan on no board to a board-scoped caller as NOT_FOUND, audited once", async () => {
    const { importPlan } = await import("@/lib/server/import-plan");
    const { SYSTEM_ACTOR } = await import("@/lib/domain/permissions");
    const { id } = await importPlan(SYSTEM_ACTOR, { markdown: planMarkdown(unique("matrixboardless")) });
    const scoped: Actor = { kind: "user", id: "matrix-scoped-person", role: "lead", name: "Matrix scoped lead", boardScope: boards.A.id };
    const calls: Record<string, () => Promise<unknown>> = {
      getPlan: async () => (await import("@/lib/server/get-plan")).getPlan(scoped, id),
      exportPlanMarkdown: async () => (await import("@/lib/server/export-plan-markdown")).exportPlanMarkdown(scoped, id),
      decidePlanHardStop: async () => (await import("@/lib/server/decide-plan-hard-stop")).decidePlanHardStop(scoped, id, { decision: "approve" }),
    };
    for (const [name, call] of Object.entries(calls)) {
      const before = await deniedCount();
      await expect(call(), name).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect((await deniedCount()) - before, `${name}: access.denied events written`).toBe(1);
    }
  });
});
