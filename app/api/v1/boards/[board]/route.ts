import { apiRoute } from "@/lib/server/api/api-route";
import { boardKeyParamsSchema, boardViewSchema } from "@/lib/schemas/api";
import { getBoard } from "@/lib/server/get-board";

export const GET = apiRoute(
  {
    method: "GET",
    path: "/api/v1/boards/{board}",
    summary: "Get a board",
    description: "One board with its phases (WIP policy, limits, current counts, allowed moves) and compact tickets.",
    tags: ["boards"],
    params: boardKeyParamsSchema,
    response: boardViewSchema,
  },
  async ({ actor, params }) => getBoard(actor, params.board),
);
