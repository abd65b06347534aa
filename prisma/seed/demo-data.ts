// The demo board's content: a small payments team's work, as an orchestrator and a few
// people would have it mid-sprint. Ids are fixed so docs and tests can point at them.

export const DEMO_PASSWORD = "gateboard";

export const DEMO_USERS = [
  { email: "admin@gateboard.local", name: "Ada Admin", role: "admin" },
  { email: "lead@gateboard.local", name: "Lena Lead", role: "lead" },
  { email: "reviewer@gateboard.local", name: "Rita Reviewer", role: "reviewer" },
  { email: "reviewer2@gateboard.local", name: "Ravi Reviewer", role: "reviewer" },
  { email: "engineer@gateboard.local", name: "Eli Engineer", role: "engineer" },
  { email: "viewer@gateboard.local", name: "Vera Viewer", role: "viewer" },
] as const;

type DemoAgent = {
  /** Fixed so docs and tests can point at them. */
  id: string;
  name: string;
  kind: string;
  capabilities: string[];
  capacity: number;
  state: "idle" | "busy" | "paused" | "stopped" | "crashed";
  /**
   * Nothing heartbeats for the demo agents, so the live ones turn stale after 3 intervals
   * and crashed after 6 (45 and 90 minutes): the demo shows them alive for a while, then
   * the crash detection at work.
   */
  heartbeatIntervalSec: number;
  /** Minutes before the seed the last heartbeat came. */
  lastHeartbeatMinutesAgo: number;
  currentTicketId?: string;
  note?: string;
  respawnCount: number;
  /** Oldest first; minutes before the seed. */
  history: Array<{ from: string | null; to: string; note?: string; minutesAgo: number }>;
};

export const DEMO_AGENTS: DemoAgent[] = [
  { id: "agent-demo-orchestrator-1", name: "orchestrator-1", kind: "orchestrator", capabilities: ["plan", "review-routing"], capacity: 3, state: "busy",
    heartbeatIntervalSec: 900, lastHeartbeatMinutesAgo: 1, currentTicketId: "gb-c71e", note: "planning webhooks v2", respawnCount: 1,
    history: [
      { from: null, to: "idle", note: "registered", minutesAgo: 4 * 1440 },
      { from: "idle", to: "busy", minutesAgo: 4 * 1440 - 5 },
      { from: "busy", to: "crashed", note: "no heartbeat for 91 min (expected every 900 s)", minutesAgo: 2 * 1440 },
      { from: "crashed", to: "idle", note: "respawned (#1) after crashed", minutesAgo: 2 * 1440 - 20 },
      { from: "idle", to: "busy", note: "planning webhooks v2", minutesAgo: 2 * 1440 - 18 },
    ] },
  { id: "agent-demo-claude-worker-1", name: "claude-worker-1", kind: "worker", capabilities: ["typescript", "tests"], capacity: 6, state: "busy",
    heartbeatIntervalSec: 900, lastHeartbeatMinutesAgo: 2, currentTicketId: "gb-a3f8.2", note: "writing the idempotency middleware", respawnCount: 0,
    history: [
      { from: null, to: "idle", note: "registered", minutesAgo: 3 * 1440 },
      { from: "idle", to: "busy", minutesAgo: 3 * 1440 - 2 },
      { from: "busy", to: "paused", note: "waiting for a review of gb-6e02", minutesAgo: 300 },
      { from: "paused", to: "busy", minutesAgo: 240 },
    ] },
  { id: "agent-demo-claude-worker-2", name: "claude-worker-2", kind: "worker", capabilities: ["typescript", "sql"], capacity: 8, state: "idle",
    heartbeatIntervalSec: 900, lastHeartbeatMinutesAgo: 3, respawnCount: 0,
    history: [
      { from: null, to: "idle", note: "registered", minutesAgo: 3 * 1440 },
      { from: "idle", to: "busy", minutesAgo: 3 * 1440 - 1 },
      { from: "busy", to: "idle", note: "gb-2c88 handed to deploy", minutesAgo: 30 },
    ] },
  { id: "agent-demo-codex-reviewer-1", name: "codex-reviewer-1", kind: "reviewer", capabilities: ["review", "security"], capacity: 2, state: "crashed",
    heartbeatIntervalSec: 60, lastHeartbeatMinutesAgo: 47, respawnCount: 2,
    history: [
      { from: null, to: "idle", note: "registered", minutesAgo: 2 * 1440 },
      { from: "idle", to: "crashed", note: "no heartbeat for 7 min (expected every 60 s)", minutesAgo: 1440 },
      { from: "crashed", to: "idle", note: "respawned (#1) after crashed", minutesAgo: 1400 },
      { from: "idle", to: "crashed", note: "no heartbeat for 6 min (expected every 60 s)", minutesAgo: 600 },
      { from: "crashed", to: "idle", note: "respawned (#2) after crashed", minutesAgo: 120 },
      { from: "idle", to: "busy", minutesAgo: 110 },
      { from: "busy", to: "crashed", note: "no heartbeat for 7 min (expected every 60 s)", minutesAgo: 40 },
    ] },
];

type DemoTicket = {
  id: string;
  title: string;
  type: "epic" | "feature" | "task" | "bug" | "chore";
  priority: 0 | 1 | 2 | 3 | 4;
  phase: "backlog" | "analyzing" | "building" | "testing" | "review" | "deploying" | "done";
  status?: "open" | "in_progress" | "blocked" | "deferred" | "closed";
  parent?: string;
  assignee?: string;
  labels?: string[];
  files?: string[];
  description: string;
  acceptance?: string;
  /** Days the ticket has been in its phase. */
  age: number;
};

export const DEMO_TICKETS: DemoTicket[] = [
  // Epic: idempotent payments
  { id: "gb-a3f8", title: "Idempotent payment creation", type: "epic", priority: 1, phase: "building", labels: ["payments"], age: 6,
    description: "Clients retry `POST /payments` on timeouts and we create duplicate charges. Every create must accept an `Idempotency-Key` and return the first result for repeats." },
  { id: "gb-a3f8.1", title: "Store idempotency keys with a 24 h expiry", type: "task", priority: 1, phase: "testing", parent: "gb-a3f8", assignee: "claude-worker-1", labels: ["payments", "db"], age: 1,
    files: ["src/payments/idempotency-store.ts", "migrations/0042_idempotency_keys.sql"],
    description: "A table keyed by (merchant, key) holding the request hash and the response. Expired rows are swept hourly.",
    acceptance: "- A repeated key with the same body returns the stored response\n- A repeated key with a different body returns 422\n- Rows older than 24 h are removed by the sweeper" },
  { id: "gb-a3f8.2", title: "Idempotency middleware for POST /payments", type: "task", priority: 1, phase: "building", parent: "gb-a3f8", assignee: "claude-worker-1", labels: ["payments", "api"], age: 2,
    files: ["src/http/middleware/idempotency.ts", "src/payments/routes.ts"],
    description: "Wraps the create handler: looks up the key, replays a stored response, or records the new one in the same transaction as the payment.",
    acceptance: "- Concurrent requests with one key create exactly one payment\n- The replayed response carries `Idempotent-Replayed: true`" },
  { id: "gb-a3f8.3", title: "Document Idempotency-Key in the public API reference", type: "chore", priority: 3, phase: "backlog", parent: "gb-a3f8", labels: ["docs"], age: 5,
    files: ["docs/api/payments.md"], description: "Explain the header, the 24 h window and the 422 on a changed body, with a curl example." },

  // Epic: webhooks v2
  { id: "gb-c71e", title: "Webhooks v2: signed, retried, replayable", type: "epic", priority: 1, phase: "analyzing", labels: ["webhooks"], age: 3,
    description: "Merchants miss events when their endpoint is down. v2 signs every delivery, retries with backoff for 3 days and lets merchants replay from the dashboard." },
  { id: "gb-c71e.1", title: "HMAC-SHA256 signatures with timestamp", type: "feature", priority: 1, phase: "review", parent: "gb-c71e", assignee: "engineer@gateboard.local", labels: ["webhooks", "security"], age: 1,
    files: ["src/webhooks/sign.ts", "src/webhooks/sign.test.ts"],
    description: "Header `Gateboard-Signature: t=…,v1=…` over `timestamp.payload`; tolerance 5 minutes.",
    acceptance: "- Signatures verify with the reference snippet in Node, Python and Go\n- A replayed delivery older than 5 minutes fails verification" },
  { id: "gb-c71e.2", title: "Retry deliveries with exponential backoff", type: "feature", priority: 2, phase: "analyzing", parent: "gb-c71e", assignee: "claude-worker-2", labels: ["webhooks"], age: 2,
    files: ["src/webhooks/dispatcher.ts", "src/jobs/"], description: "Backoff 1 min doubling to 6 h, for 3 days; give up with a `delivery.failed` event." },
  { id: "gb-c71e.3", title: "Replay deliveries from the dashboard", type: "feature", priority: 2, phase: "backlog", parent: "gb-c71e", labels: ["webhooks", "dashboard"], age: 3,
    files: ["web/src/pages/webhooks/", "src/webhooks/routes.ts"], description: "A list of deliveries per endpoint with status, and a Replay button that re-sends the original payload." },
  { id: "gb-c71e.4", title: "Delivery log retention job", type: "task", priority: 3, phase: "backlog", parent: "gb-c71e", labels: ["webhooks", "ops"], age: 3,
    files: ["src/jobs/webhook-log-retention.ts"], description: "Delete delivery logs older than 30 days in batches of 5,000 to keep vacuum cheap." },

  // Epic: dashboard performance
  { id: "gb-5d20", title: "Dashboard loads in under 1 second", type: "epic", priority: 2, phase: "backlog", labels: ["dashboard", "performance"], age: 9,
    description: "The merchant dashboard takes 3–4 s on accounts with 100k payments. Target: p75 under 1 s." },
  { id: "gb-5d20.1", title: "Paginate the payments table by cursor", type: "task", priority: 2, phase: "backlog", parent: "gb-5d20", labels: ["dashboard", "api"], age: 9,
    files: ["src/payments/list.ts", "web/src/pages/payments/table.tsx"], description: "Offset pagination scans; switch to a (created_at, id) cursor." },
  { id: "gb-5d20.2", title: "Index payments by (merchant_id, created_at)", type: "task", priority: 2, phase: "done", parent: "gb-5d20", assignee: "claude-worker-2", labels: ["db", "performance"], age: 12,
    files: ["migrations/0040_payments_merchant_created_idx.sql"], description: "Created concurrently; the list query now uses an index range scan." },

  // Standalone work across phases
  { id: "gb-e912", title: "Refunds over the original amount are accepted", type: "bug", priority: 0, phase: "building", assignee: "engineer@gateboard.local", labels: ["payments", "bug"], age: 1,
    files: ["src/refunds/create.ts", "src/refunds/create.test.ts"],
    description: "A partial refund followed by a full refund refunds more than was charged. The check reads the amount before the first refund commits.",
    acceptance: "- The sum of refunds can never exceed the captured amount, under concurrency\n- The API returns 409 `REFUND_EXCEEDS_CAPTURE`" },
  { id: "gb-0b4c", title: "Currency rounding differs between API and invoice PDF", type: "bug", priority: 1, phase: "testing", assignee: "claude-worker-1", labels: ["invoices", "bug"], age: 2,
    files: ["src/money/round.ts", "src/invoices/pdf.ts"], description: "The PDF rounds half-up, the API banker's rounding. Use the money module everywhere." },
  { id: "gb-7f31", title: "Rate limit the login endpoint per IP and per account", type: "feature", priority: 1, phase: "review", assignee: "claude-worker-2", labels: ["security", "auth"], age: 2,
    files: ["src/auth/login.ts", "src/http/rate-limit.ts"], description: "10 attempts per 15 minutes per account, 100 per IP; a locked account gets an email.",
    acceptance: "- The 11th attempt within 15 min gets 429 with Retry-After\n- Limits survive a restart (stored in Redis)" },
  { id: "gb-2c88", title: "Upgrade PostgreSQL driver to 8.x", type: "chore", priority: 3, phase: "deploying", assignee: "claude-worker-2", labels: ["deps"], age: 1,
    files: ["package.json", "src/db/pool.ts"], description: "Pool options were renamed; `idleTimeoutMillis` now defaults to 10 s." },
  { id: "gb-9a07", title: "Export payments as CSV", type: "feature", priority: 2, phase: "deploying", assignee: "engineer@gateboard.local", labels: ["dashboard"], age: 0,
    files: ["src/payments/export.ts", "web/src/pages/payments/export-button.tsx"], description: "Streams rows so a 1M-row export stays under 50 MB of memory." },
  { id: "gb-4e19", title: "Fraud score on the payment detail page", type: "feature", priority: 2, phase: "analyzing", assignee: "lead@gateboard.local", labels: ["risk", "dashboard"], age: 4,
    files: ["web/src/pages/payments/detail.tsx", "src/risk/score.ts"], description: "Show the score with the three strongest signals and a link to the rules that fired." },
  { id: "gb-61d2", title: "Move session storage from memory to Redis", type: "task", priority: 2, phase: "analyzing", labels: ["auth", "ops"], age: 6, status: "blocked",
    files: ["src/auth/session-store.ts", "deploy/redis.yaml"], description: "Sessions are lost on every deploy. Needs the Redis cluster from ops first." },
  { id: "gb-d4a6", title: "Provision a Redis cluster for sessions", type: "task", priority: 2, phase: "backlog", labels: ["ops"], age: 6,
    files: ["deploy/redis.yaml"], description: "Three nodes with persistence off; sessions tolerate loss on a full outage." },
  { id: "gb-83be", title: "Flaky test: settlement report at midnight UTC", type: "bug", priority: 2, phase: "building", assignee: "claude-worker-1", labels: ["tests", "bug"], age: 3,
    files: ["src/settlement/report.test.ts"], description: "Fails when the suite runs across midnight: the test builds 'today' twice. Inject the clock." },
  { id: "gb-b0f5", title: "Audit log for merchant settings changes", type: "feature", priority: 2, phase: "building", assignee: "engineer@gateboard.local", labels: ["security", "dashboard"], age: 4,
    files: ["src/settings/audit.ts", "migrations/0043_settings_audit.sql"], description: "Who changed what and when, shown on the settings page for 1 year." },
  { id: "gb-1f6a", title: "Payout schedule: weekly option", type: "feature", priority: 3, phase: "backlog", labels: ["payouts"], age: 14,
    files: ["src/payouts/schedule.ts"], description: "Merchants ask for weekly payouts on a chosen weekday." },
  { id: "gb-27c9", title: "3-D Secure 2 challenge flow in checkout", type: "feature", priority: 1, phase: "building", assignee: "claude-worker-2", labels: ["checkout", "payments"], age: 5,
    files: ["web/src/checkout/three-ds.tsx", "src/payments/three-ds.ts"], description: "Frictionless when the issuer allows; an iframe challenge otherwise. Falls back to 3DS1 for old cards." },
  { id: "gb-3a4d", title: "Checkout button double-submits on slow networks", type: "bug", priority: 1, phase: "done", assignee: "engineer@gateboard.local", labels: ["checkout", "bug"], age: 8,
    files: ["web/src/checkout/pay-button.tsx"], description: "Disable the button on submit and reuse the idempotency key on retry." },
  { id: "gb-4b7e", title: "Dark mode for the dashboard", type: "feature", priority: 4, phase: "backlog", labels: ["dashboard", "design"], age: 20,
    files: ["web/src/theme/"], description: "Follow the OS setting with a manual override." },
  { id: "gb-5c21", title: "Alert when webhook failure rate exceeds 5%", type: "task", priority: 2, phase: "backlog", labels: ["webhooks", "ops"], age: 2,
    files: ["deploy/alerts/webhooks.yaml"], description: "Page the on-call after 10 minutes above 5% failures across all merchants." },
  { id: "gb-6e02", title: "OpenAPI spec for the v2 endpoints", type: "chore", priority: 3, phase: "review", assignee: "claude-worker-1", labels: ["docs", "api"], age: 1,
    files: ["docs/openapi/v2.yaml"], description: "Generated from the route schemas and published with the docs site." },
  { id: "gb-7d93", title: "Remove the legacy /v0 endpoints", type: "chore", priority: 3, phase: "done", assignee: "claude-worker-2", labels: ["api"], age: 10,
    files: ["src/http/v0/"], description: "No traffic for 90 days; the routes and their tests go." },
  { id: "gb-8f44", title: "Customer search by email prefix", type: "feature", priority: 2, phase: "testing", assignee: "engineer@gateboard.local", labels: ["dashboard"], age: 2,
    files: ["src/customers/search.ts", "migrations/0044_customers_email_trgm.sql"], description: "Trigram index; results in under 100 ms for 1M customers." },
  { id: "gb-9b15", title: "Decline codes mapped to merchant-friendly messages", type: "task", priority: 3, phase: "done", assignee: "claude-worker-1", labels: ["payments"], age: 15,
    files: ["src/payments/decline-codes.ts"], description: "Map the 40 network decline codes to 8 messages a merchant can act on." },
  { id: "gb-a0c6", title: "Dispute evidence upload", type: "feature", priority: 2, phase: "testing", assignee: "claude-worker-2", labels: ["disputes"], age: 3,
    files: ["src/disputes/evidence.ts", "web/src/pages/disputes/upload.tsx"], description: "PDF and images up to 5 MB each, virus-scanned before submission to the network." },
  { id: "gb-b1d7", title: "Tax ID validation for EU merchants", type: "feature", priority: 3, phase: "done", assignee: "engineer@gateboard.local", labels: ["onboarding"], age: 18,
    files: ["src/onboarding/vat.ts"], description: "VIES lookup with a 24 h cache; onboarding continues when VIES is down." },
  { id: "gb-c2e8", title: "Onboarding: resume where the merchant left off", type: "feature", priority: 3, phase: "backlog", labels: ["onboarding"], age: 11,
    files: ["web/src/pages/onboarding/"], description: "Persist each step; the dashboard shows a progress banner until done." },
  { id: "gb-d3f9", title: "Nightly reconciliation with the acquirer file", type: "task", priority: 1, phase: "building", assignee: "claude-worker-2", labels: ["settlement"], age: 2,
    files: ["src/settlement/reconcile.ts", "src/settlement/acquirer-file.ts"], description: "Match by ARN; mismatches open a ticket for the finance team." },
  { id: "gb-e4a1", title: "Statement descriptor per payment", type: "feature", priority: 3, phase: "done", assignee: "claude-worker-1", labels: ["payments"], age: 21,
    files: ["src/payments/descriptor.ts"], description: "Up to 22 characters, validated against network rules." },
  { id: "gb-f5b2", title: "Load test checkout at 500 payments per second", type: "task", priority: 2, phase: "backlog", labels: ["performance", "checkout"], age: 4, status: "deferred",
    files: ["loadtest/checkout.js"], description: "Deferred until 3DS2 lands: the flow changes." },
  { id: "gb-0c3d", title: "Structured logging with request ids", type: "chore", priority: 3, phase: "done", assignee: "claude-worker-2", labels: ["ops"], age: 25,
    files: ["src/log.ts", "src/http/middleware/request-id.ts"], description: "JSON logs with a request id propagated to jobs." },
  { id: "gb-1d4e", title: "Merchant can rotate API keys without downtime", type: "feature", priority: 2, phase: "review", assignee: "engineer@gateboard.local", labels: ["security", "api"], age: 1,
    files: ["src/auth/api-keys.ts", "web/src/pages/settings/api-keys.tsx"], description: "Two active keys at once; the old one expires after a chosen grace period." },
];

/** Dependency edges beyond parent-child (which the parent field gives). */
export const DEMO_DEPENDENCIES: Array<{ issue: string; dependsOn: string; type: string }> = [
  { issue: "gb-a3f8.2", dependsOn: "gb-a3f8.1", type: "blocks" },
  { issue: "gb-a3f8.3", dependsOn: "gb-a3f8.2", type: "blocks" },
  { issue: "gb-61d2", dependsOn: "gb-d4a6", type: "blocks" },
  { issue: "gb-c71e.3", dependsOn: "gb-c71e.2", type: "blocks" },
  { issue: "gb-f5b2", dependsOn: "gb-27c9", type: "blocks" },
  { issue: "gb-5c21", dependsOn: "gb-c71e.2", type: "related" },
  { issue: "gb-83be", dependsOn: "gb-d3f9", type: "discovered-from" },
];
