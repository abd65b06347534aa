import "server-only";
import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { apiErrorSchema } from "@/lib/schemas/api";

/**
 * The OpenAPI 3.1 description of /api/v1, assembled from what each route declares to
 * apiRoute (the same zod schemas it validates with). Kept by method + path so a module
 * evaluated twice (dev reloads) replaces its entry instead of duplicating it.
 */
type Registry = { operations: Map<string, RouteConfig> };
const globalForOpenApi = globalThis as unknown as { gateboardOpenApi?: Registry };

function registry(): Registry {
  globalForOpenApi.gateboardOpenApi ??= { operations: new Map() };
  return globalForOpenApi.gateboardOpenApi;
}

export function registerOperation(route: RouteConfig): void {
  registry().operations.set(`${route.method} ${route.path}`, route);
}

export function registeredOperations(): RouteConfig[] {
  return [...registry().operations.values()];
}

export function openApiDocument(serverUrl?: string) {
  const openapi = new OpenAPIRegistry();
  openapi.registerComponent("securitySchemes", "bearerToken", {
    type: "http",
    scheme: "bearer",
    description: "An API token (`gbt_…`) created on the Tokens page or with `gateboard token create`.",
  });
  openapi.registerComponent("securitySchemes", "sessionCookie", { type: "apiKey", in: "cookie", name: "gateboard.session_token", description: "A browser session (sign in at /sign-in)." });
  // Named with .openapi("Error"); listed here because responses refer to it by $ref only.
  openapi.register("Error", apiErrorSchema);
  const sorted = [...registry().operations.values()].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  for (const route of sorted) openapi.registerPath(route);
  return new OpenApiGeneratorV31(openapi.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Gateboard API",
      version: "1",
      description: "REST API for agents and scripts. Errors are `{\"error\": {\"code\", \"message\", \"details\"}}`; every response carries an `x-request-id`.",
    },
    servers: serverUrl ? [{ url: serverUrl }] : [],
  });
}
