"use client";

import { useActionState } from "react";
import { UserPlus } from "lucide-react";
import { inviteUserAction } from "@/app/admin/users/actions";
import type { ActionResult } from "@/lib/action-result";
import type { InvitedUser } from "@/lib/server/invite-user";
import { CopySecret } from "./copy-secret";
import { cardClass, fieldClass, fieldError, formError, labelClass, primaryButton } from "./form-styles";

export function InviteUserForm({ roles }: { roles: readonly string[] }) {
  const [result, action, pending] = useActionState<ActionResult<InvitedUser> | null, FormData>(inviteUserAction, null);
  const invited = result?.ok ? result.data : null;
  const general = formError(result, ["email", "name", "role"]);
  const errors = { email: fieldError(result, "email"), name: fieldError(result, "name"), role: fieldError(result, "role") };
  return (
    <section aria-labelledby="invite" className={cardClass}>
      <h2 id="invite" className="text-sm font-semibold">
        Invite a person
      </h2>
      {/* key: a successful invite resets the fields for the next one. */}
      <form key={invited?.id ?? "form"} action={action} className="mt-3 grid gap-3 sm:grid-cols-[2fr_1.5fr_1fr_auto] sm:items-end">
        <div>
          <label htmlFor="invite-email" className={labelClass}>
            Email
          </label>
          <input id="invite-email" name="email" type="email" required aria-invalid={!!errors.email} className={fieldClass} />
          {errors.email ? <p className="mt-1 text-xs text-red-700 dark:text-red-400">{errors.email}</p> : null}
        </div>
        <div>
          <label htmlFor="invite-name" className={labelClass}>
            Name
          </label>
          <input id="invite-name" name="name" required aria-invalid={!!errors.name} className={fieldClass} />
          {errors.name ? <p className="mt-1 text-xs text-red-700 dark:text-red-400">{errors.name}</p> : null}
        </div>
        <div>
          <label htmlFor="invite-role" className={labelClass}>
            Role
          </label>
          <select id="invite-role" name="role" defaultValue="engineer" className={fieldClass}>
            {roles.map((role) => (
              <option key={role}>{role}</option>
            ))}
          </select>
          {errors.role ? <p className="mt-1 text-xs text-red-700 dark:text-red-400">{errors.role}</p> : null}
        </div>
        <button type="submit" disabled={pending} className={primaryButton}>
          <UserPlus aria-hidden className="size-4" />
          Invite
        </button>
      </form>
      {general ? (
        <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-400">
          {general}
        </p>
      ) : null}
      {invited ? (
        <div role="status" className="mt-4 rounded-md border border-emerald-200 bg-emerald-50 p-3 dark:border-emerald-900 dark:bg-emerald-950/40">
          <p className="mb-2 text-sm">
            <strong>{invited.name}</strong> ({invited.email}) can sign in as {invited.role} with this temporary password. It is shown this once:
            hand it over privately.
          </p>
          <CopySecret label="Temporary password" value={invited.temporaryPassword} />
        </div>
      ) : null}
    </section>
  );
}
