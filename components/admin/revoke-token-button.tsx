"use client";

import { useTransition } from "react";
import { AlertDialog } from "radix-ui";
import { toast } from "sonner";
import { revokeTokenAction } from "@/app/admin/tokens/actions";
import { quietButton } from "./form-styles";

export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const [pending, startTransition] = useTransition();
  function revoke() {
    startTransition(async () => {
      const result = await revokeTokenAction(id);
      if (result.ok) toast.success(`Token ${name} revoked`);
      else toast.error(result.error.message);
    });
  }
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>
        <button type="button" disabled={pending} className={quietButton}>
          Revoke
        </button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/40" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(92vw,26rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg border border-zinc-200 bg-white p-5 shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
          <AlertDialog.Title className="text-base font-semibold">Revoke {name}?</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
            Anything using this token is refused from its next request. This cannot be undone; create a new token if it is still needed.
          </AlertDialog.Description>
          <div className="mt-5 flex justify-end gap-2">
            <AlertDialog.Cancel className={quietButton}>Cancel</AlertDialog.Cancel>
            <AlertDialog.Action onClick={revoke} className="inline-flex items-center rounded-md bg-red-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-red-700">
              Revoke token
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
