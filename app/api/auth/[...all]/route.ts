import { authFor } from "@/lib/auth";

// Better Auth's own endpoints (sign-in, sign-out, get-session). Sign-up is disabled in
// lib/auth.ts: people are invited by an admin.
async function handle(request: Request): Promise<Response> {
  return authFor(request.headers, request.url).handler(request);
}

export const GET = handle;
export const POST = handle;
