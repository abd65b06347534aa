import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Upload } from "lucide-react";
import { PlanList } from "@/components/plans/plan-list";
import { primaryButton } from "@/components/plans/ui-classes";
import { NotAllowed } from "@/components/ui/not-allowed";
import { isAppError } from "@/lib/domain/errors";
import { can } from "@/lib/domain/permissions";
import { listPlans } from "@/lib/server/list-plans";
import { requirePageActor } from "@/lib/server/request-actor";

export const metadata: Metadata = { title: "Plans" };

export default async function PlansPage() {
  await connection();
  const actor = await requirePageActor("/plans");
  const plans = await listPlans(actor).catch((error: unknown) => {
    if (isAppError(error) && error.code === "FORBIDDEN") return null;
    throw error;
  });
  if (!plans) return <NotAllowed what="plans" />;
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <div className="mb-4 flex items-center gap-3">
        <h1 className="text-lg font-semibold tracking-tight">Work plans</h1>
        {can(actor, "plan.import") ? (
          <Link href="/plans/import" className={`${primaryButton} ml-auto`}>
            <Upload aria-hidden className="size-4" /> Import
          </Link>
        ) : null}
      </div>
      <PlanList plans={plans} />
    </main>
  );
}
