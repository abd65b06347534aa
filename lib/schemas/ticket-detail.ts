import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import type { TicketDetail } from "@/lib/server/get-ticket";
import { auditPageSchema } from "./audit";

// The response of GET /api/v1/tickets/{id}. Not re-validated at run time; the type check
// at the bottom keeps it in step with what getTicket returns.
extendZodWithOpenApi(z);

const actorRef = z.object({ kind: z.string(), id: z.string(), name: z.string().nullable() });
const phaseRef = z.object({ key: z.string(), name: z.string() });

const edgeView = z.object({
  ticketId: z.string().describe("The ticket at the other end of the edge"),
  title: z.string().nullable().describe("Null when that ticket is not on the board (tombstone, external reference)"),
  status: z.string().nullable(),
  type: z.string(),
  affectsReadiness: z.boolean().describe("blocks, conditional-blocks, waits-for and parent-child decide readiness; the rest annotate"),
  blocking: z.boolean().describe("Whether the edge holds the dependent ticket up right now"),
});

const notReadyReason = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("closed") }),
  z.object({ kind: z.literal("status"), status: z.string() }),
  z.object({ kind: z.literal("non-work-type"), type: z.string() }),
  z.object({ kind: z.literal("deferred"), until: z.string() }),
  z.object({ kind: z.literal("ancestor-deferred"), ancestorId: z.string(), until: z.string() }),
  z.object({ kind: z.literal("blocked-by"), edgeType: z.enum(["blocks", "conditional-blocks"]), blockerId: z.string(), blockerStatus: z.string() }),
  z.object({ kind: z.literal("waits-for"), spawnerId: z.string(), gate: z.enum(["all-children", "any-children"]), openChildIds: z.array(z.string()) }),
  z.object({ kind: z.literal("parent-blocked"), parentId: z.string(), parentStatus: z.string(), blockedAncestorId: z.string() }),
]);

export const ticketDetailSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string().describe("Markdown"),
    acceptanceCriteria: z.string().describe("Markdown"),
    type: z.string(),
    priority: z.int(),
    status: z.string(),
    version: z.int().describe("Send it back with an edit (PATCH) or a move"),
    labels: z.array(z.string()),
    files: z.array(z.string()),
    board: z.object({ id: z.string(), key: z.string(), name: z.string() }),
    phase: phaseRef,
    phaseEnteredAt: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    closedAt: z.string().nullable(),
    assignee: z.object({ kind: z.enum(["user", "agent"]), name: z.string() }).nullable(),
    parent: z.object({ id: z.string(), title: z.string(), status: z.string() }).nullable(),
    children: z.array(z.object({ id: z.string(), title: z.string(), status: z.string(), phase: z.string() })),
    dependsOn: z.array(edgeView).describe("Edges where this ticket depends on another"),
    dependents: z.array(edgeView).describe("Edges where another ticket depends on this one"),
    readiness: z.object({
      state: z.enum(["ready", "blocked", "not-ready"]),
      reasons: z.array(notReadyReason).describe("Why it is not ready; empty when it is"),
    }),
    history: z
      .array(
        z.object({
          from: phaseRef.nullable(),
          to: phaseRef,
          actor: actorRef,
          at: z.string(),
          reason: z.string().nullable(),
          gateRequestId: z.string().nullable().describe("The gate request whose approval let the move happen"),
          wipOverride: z.boolean(),
        }),
      )
      .describe("Phase history, oldest first"),
    artifacts: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        format: z.string(),
        name: z.string().nullable(),
        url: z.string().nullable(),
        sizeBytes: z.int(),
        createdBy: actorRef,
        createdAt: z.string(),
        tests: z.object({ tests: z.int(), passed: z.int(), failures: z.int(), errors: z.int(), skipped: z.int() }).nullable().describe("JUnit counts"),
      }),
    ),
    gateRequests: z.array(
      z.object({
        id: z.string(),
        from: phaseRef,
        to: phaseRef,
        status: z.string().describe("pending | approved | rejected | cancelled | completed"),
        waitingForCapacity: z.boolean(),
        requestedBy: actorRef,
        createdAt: z.string(),
        resolvedAt: z.string().nullable(),
        decisions: z.int(),
      }),
    ),
    doneDefinitions: z.array(z.object({ item: z.string(), done: z.boolean() })).describe("The current phase's done definitions"),
    asOf: z.string().describe("When the data was read"),
    audit: auditPageSchema.describe("The ticket's audit events, newest first; page on with GET /api/v1/audit?entity=ticket&entityId=…&after=nextCursor"),
  })
  .openapi("TicketDetail");

type Fits<Actual, Documented> = Actual extends Documented ? true : never;
export const _ticketDetailFits: Fits<TicketDetail, z.infer<typeof ticketDetailSchema>> = true;
