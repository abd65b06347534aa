import { apiRoute } from "@/lib/server/api/api-route";
import { boardListSchema } from "@/lib/schemas/api";
import { createBoardSchema, createdBoardSchema } from "@/lib/schemas/board";
import { createBoard } from "@/lib/server/create-board";
import { listBoards } from "@/lib/server/list-boards";

export const GET = apiRoute(
  {
    method: "GET",
    path: "/api/v1/boards",
    summary: "List boards",
    description: "Boards the caller can read (a board-scoped token sees its board only), with ticket counts per phase.",
    tags: ["boards"],
    response: boardListSchema,
  },
  async ({ actor }) => ({ boards: await listBoards(actor) }),
);

export const POST = apiRoute(
  {
    method: "POST",
    path: "/api/v1/boards",
    summary: "Create a board",
    description:
      "Creates a board with one column per phase of the workflow file (`workflows/<workflow>.yaml`), WIP settings as the file declares them. " +
      "Lead or admin. A key already in use is refused with 409 CONFLICT (`details.field` = `key`).",
    tags: ["boards"],
    body: createBoardSchema,
    response: createdBoardSchema,
    status: 201,
  },
  async ({ actor, body }) => createBoard(actor, body),
);
