import type { Metadata } from "next";
import { connection } from "next/server";
import { InviteUserForm } from "@/components/admin/invite-user-form";
import { UserTable } from "@/components/admin/user-table";
import { NotAllowed } from "@/components/ui/not-allowed";
import { USER_ROLES } from "@/lib/domain/permissions";
import { allowedOrNull } from "@/lib/server/allowed-or-null";
import { listUsers } from "@/lib/server/list-users";
import { requirePageActor } from "@/lib/server/request-actor";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  await connection();
  const actor = await requirePageActor("/admin/users");
  const users = await allowedOrNull(listUsers(actor));
  if (!users) return <NotAllowed what="user management" need="the admin role" />;
  return (
    <main className="mx-auto max-w-5xl space-y-6 px-4 py-8">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">Users</h1>
        <p className="mt-1 text-sm text-zinc-500">
          People sign in with email and password. There is no public sign-up: invite people here and hand them their temporary password.
        </p>
      </div>
      <InviteUserForm roles={USER_ROLES} />
      <UserTable users={users} roles={USER_ROLES} selfId={actor.id} />
    </main>
  );
}
