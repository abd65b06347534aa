import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter the email address you were invited with")),
  password: z.string().min(1, "Enter your password").max(128),
  next: z.string().max(2000).optional(),
});

/**
 * Where to go after signing in: only a path on this site. `//evil.example` and `/\evil`
 * are protocol-relative URLs to browsers, so they are refused too (open redirect).
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  if (next.startsWith("/sign-in") || next.startsWith("/api/")) return "/";
  return next;
}
