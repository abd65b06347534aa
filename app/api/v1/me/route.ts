import { PERMISSIONS, can } from "@/lib/domain/permissions";
import { apiRoute } from "@/lib/server/api/api-route";
import { meSchema } from "@/lib/schemas/api";

export const GET = apiRoute(
  {
    method: "GET",
    path: "/api/v1/me",
    summary: "Who am I",
    description: "The caller as the server sees it: person or agent, role, board scope and permissions. Handy to check a token.",
    tags: ["identity"],
    response: meSchema,
  },
  async ({ actor }) => ({
    kind: actor.kind,
    id: actor.id,
    role: actor.role,
    name: actor.name ?? null,
    boardScope: actor.boardScope ?? null,
    permissions: PERMISSIONS.filter((permission) => can(actor, permission)),
  }),
);
