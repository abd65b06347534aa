import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import type { BoardView } from "@/lib/board-view";
import { ERROR_STATUS } from "@/lib/domain/errors";
import { ROLES } from "@/lib/domain/permissions";
import type { BoardSummary } from "@/lib/server/list-boards";

// Request and response shapes of /api/v1, shared by the route handlers and the OpenAPI
// document. Responses are not re-validated at run time; the type checks at the bottom keep
// them in step with what the use cases return. `.openapi("Name")` makes a schema a named
// component (#/components/schemas/Name) wherever a route uses it.
extendZodWithOpenApi(z);

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]]),
    message: z.string(),
    details: z.unknown().optional(),
  }),
}).openapi("Error");

export const boardKeyParamsSchema = z.object({
  board: z.string().min(1).max(40).meta({ description: "The board key, e.g. `gb`", example: "gb" }),
});

export const boardSummarySchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  workflowKey: z.string(),
  ticketCount: z.int(),
  openCount: z.int(),
  phases: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      count: z.int(),
      creatable: z.boolean().describe("A new ticket may start here: no gate lies on the way from the first phase"),
    }),
  ),
}).openapi("BoardSummary");

export const boardListSchema = z.object({ boards: z.array(boardSummarySchema) });

const phaseViewSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  position: z.int(),
  wipPolicy: z.enum(["none", "soft", "hard"]),
  wipMin: z.int().nullable(),
  wipMax: z.int().nullable(),
  count: z.int().meta({ description: "Tickets in the column now" }),
  allowedTargets: z.array(z.string()).meta({ description: "Phase keys a ticket may move to from here" }),
});

const cardViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  type: z.string(),
  priority: z.int(),
  status: z.string(),
  phase: z.string().meta({ description: "Key of the phase (column) the ticket is in" }),
  rank: z.string(),
  version: z.int(),
  labels: z.array(z.string()),
  phaseEnteredAt: z.string(),
  parentId: z.string().optional().meta({ description: "Parent epic; absent when there is none" }),
  blocked: z.boolean().optional().meta({ description: "Held up by a dependency (blocks, waits-for, a blocked parent); absent when not" }),
  ready: z.boolean().optional().meta({ description: "In the ready queue: open or in progress, nothing blocking, not deferred; absent when not" }),
  gateWaiting: z
    .object({ to: z.string().meta({ description: "Name of the phase the ticket waits to enter" }), waitingForCapacity: z.boolean() })
    .optional()
    .meta({ description: "An open gate request: waiting for evidence or approval, or approved and waiting for room; absent when none" }),
  assignee: z.object({ kind: z.enum(["user", "agent"]), name: z.string() }).optional().meta({ description: "Absent when unassigned" }),
  orphaned: z.boolean().optional().meta({ description: "Its agent crashed while holding it; nobody is working on it. Absent when not" }),
}).meta({ description: "A compact card. Flags and fields that are false or unset are left out (a board sends thousands of cards)." });

export const boardViewSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  workflowKey: z.string(),
  asOf: z.string(),
  changeSeq: z.int().meta({ description: "The board's latest change (audit sequence) this view includes: `GET /api/v1/events?board=<key>&lastEventId=<changeSeq>` streams every change after it" }),
  phases: z.array(phaseViewSchema),
  tickets: z.array(cardViewSchema),
}).openapi("Board");

export const meSchema = z.object({
  kind: z.enum(["user", "agent", "system"]),
  id: z.string(),
  role: z.enum(ROLES),
  name: z.string().nullable(),
  boardScope: z.string().nullable().meta({ description: "Board id the token is limited to, if any" }),
  permissions: z.array(z.string()),
}).openapi("Me");

// Compile-time drift checks: the use cases' return types must fit the documented schemas.
type Fits<Actual, Documented> = Actual extends Documented ? true : never;
export const _boardSummaryFits: Fits<BoardSummary, z.infer<typeof boardSummarySchema>> = true;
export const _boardViewFits: Fits<BoardView, z.infer<typeof boardViewSchema>> = true;
