import { apiRoute } from "@/lib/server/api/api-route";
import { boardKeyParamsSchema, boardViewSchema } from "@/lib/schemas/api";
import { renameBoardSchema, renamedBoardSchema } from "@/lib/schemas/board";
import { getBoard } from "@/lib/server/get-board";
import { renameBoard } from "@/lib/server/rename-board";

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

export const PATCH = apiRoute(
  {
    method: "PATCH",
    path: "/api/v1/boards/{board}",
    summary: "Rename a board",
    description: "Changes the board's display name (its key, the ticket id prefix, never changes). Lead or admin; audited as `board.renamed`.",
    tags: ["boards"],
    params: boardKeyParamsSchema,
    body: renameBoardSchema,
    response: renamedBoardSchema,
  },
  async ({ actor, params, body }) => renameBoard(actor, params.board, body),
);
