import { apiRoute } from "@/lib/server/api/api-route";
import { boardKeyParamsSchema } from "@/lib/schemas/api";
import { readyQueueQuerySchema, readyQueueSchema } from "@/lib/schemas/beads";
import { getReadyQueue } from "@/lib/server/get-ready-queue";

export const GET = apiRoute(
  {
    method: "GET",
    path: "/api/v1/boards/{board}/ready",
    summary: "Ready queue, conflicts and parallel batches",
    description:
      "Tickets nothing blocks (beads' rule), by priority; `conflicts` are pairs that touch the same files and must run one after the other; `batches` group the rest into parallel-safe sets. `claimable=1` narrows all of it to ready, open, unassigned tickets; `explain=1` adds why every other ticket is not ready.",
    tags: ["dependencies"],
    params: boardKeyParamsSchema,
    query: readyQueueQuerySchema,
    response: readyQueueSchema,
  },
  async ({ actor, params, query }) => getReadyQueue(actor, params.board, { claimable: query.claimable, explain: query.explain }),
);
