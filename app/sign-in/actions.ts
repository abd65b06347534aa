"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { APIError } from "better-auth/api";
import { authFor } from "@/lib/auth";
import { TokenBuckets } from "@/lib/domain/token-bucket";
import { safeNextPath, signInSchema } from "@/lib/schemas/sign-in";
import { validationIssues } from "@/lib/schemas/validation-issues";

export type SignInState = { error?: string; fieldErrors?: Partial<Record<"email" | "password", string>>; email?: string } | null;

/** Slows password guessing: 10 failed attempts a minute per address and email, then wait. */
const globalForSignIn = globalThis as unknown as { gateboardSignInLimit?: TokenBuckets };
const attempts = (globalForSignIn.gateboardSignInLimit ??= new TokenBuckets(10));

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const input = { email: form.get("email"), password: form.get("password"), next: form.get("next") ?? undefined };
  const parsed = signInSchema.safeParse(input);
  const email = typeof input.email === "string" ? input.email : "";
  if (!parsed.success) {
    const fieldErrors: NonNullable<SignInState>["fieldErrors"] = {};
    for (const issue of validationIssues(parsed.error)) {
      if (issue.path === "email" || issue.path === "password") fieldErrors[issue.path] ??= issue.message;
    }
    return { fieldErrors, email };
  }
  const requestHeaders = await headers();
  const address = requestHeaders.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "unknown";
  const key = `${address}|${parsed.data.email}`;
  const limit = attempts.peek(key, Date.now());
  if (!limit.allowed) return { error: `Too many failed sign-in attempts. Wait ${limit.retryAfterSeconds} seconds and try again.`, email };
  try {
    await authFor(requestHeaders).api.signInEmail({ body: { email: parsed.data.email, password: parsed.data.password }, headers: requestHeaders });
  } catch (error) {
    if (error instanceof APIError && error.statusCode === 401) {
      attempts.take(key, Date.now());
      return { error: "Wrong email or password.", email };
    }
    console.error("sign-in failed", error);
    return { error: "Signing in failed on the server. Try again in a moment.", email };
  }
  redirect(safeNextPath(parsed.data.next));
}

export async function signOutAction(): Promise<void> {
  const requestHeaders = await headers();
  // Deletes the session row and clears the cookie; a session already gone is fine.
  await authFor(requestHeaders)
    .api.signOut({ headers: requestHeaders })
    .catch((error: unknown) => console.error("sign-out failed", error));
  redirect("/sign-in");
}
