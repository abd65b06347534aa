import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeNextPath } from "@/lib/schemas/sign-in";
import { requestActor } from "@/lib/server/request-actor";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  await connection();
  const { next: raw } = await searchParams;
  const next = safeNextPath(Array.isArray(raw) ? raw[0] : raw);
  if (await requestActor()) redirect(next);
  return (
    <main className="mx-auto flex max-w-sm flex-col px-4 pt-16 pb-8">
      <h1 className="text-xl font-semibold tracking-tight">Sign in to Gateboard</h1>
      <p className="mt-1 mb-6 text-sm text-zinc-500">Use the email address an admin invited you with.</p>
      <SignInForm next={next} />
      <p className="mt-6 text-xs text-zinc-500">
        No account, or forgot your password? Gateboard has no public sign-up: ask an admin.
      </p>
    </main>
  );
}
