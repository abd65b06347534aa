import { handleAuthRequest } from "@/lib/auth";

// Better Auth's own endpoints, the ones Gateboard offers (sign-in, sign-out, get-session:
// see handleAuthRequest). Sign-up is disabled in lib/auth.ts: people are invited by an admin.
export const GET = handleAuthRequest;
export const POST = handleAuthRequest;
