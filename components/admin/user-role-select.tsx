"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { changeUserRoleAction } from "@/app/admin/users/actions";

export function UserRoleSelect({ userId, name, role, roles }: { userId: string; name: string; role: string; roles: readonly string[] }) {
  const [value, setValue] = useState(role);
  const [pending, startTransition] = useTransition();
  function change(next: string) {
    const previous = value;
    setValue(next);
    startTransition(async () => {
      const result = await changeUserRoleAction(userId, next);
      if (result.ok) {
        toast.success(`${name} is now ${next}`);
      } else {
        setValue(previous); // the refusal snaps back, with the reason
        toast.error(result.error.message);
      }
    });
  }
  return (
    <select
      aria-label={`Role of ${name}`}
      value={value}
      disabled={pending}
      onChange={(event) => change(event.target.value)}
      className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900"
    >
      {roles.map((option) => (
        <option key={option}>{option}</option>
      ))}
    </select>
  );
}
