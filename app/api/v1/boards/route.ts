import { apiRoute } from "@/lib/server/api/api-route";
import { boardListSchema } from "@/lib/schemas/api";
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
