"use client";

import { useState } from "react";
import { Dialog } from "radix-ui";

type WipOverrideRequest = { ticketId: string; phaseName: string; refusal: string };

/**
 * A lead's second chance after a move was refused by a hard WIP limit: the same move again,
 * over the limit, with the reason the audit trail keeps. Nothing moves until it is sent.
 */
export function WipOverrideDialog({ request, onCancel, onConfirm }: { request: WipOverrideRequest | null; onCancel: () => void; onConfirm: (reason: string) => void }) {
  const [reason, setReason] = useState("");
  const trimmed = reason.trim();
  return (
    <Dialog.Root
      open={request !== null}
      onOpenChange={(open) => {
        if (!open) {
          setReason("");
          onCancel();
        }
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg border border-zinc-200 bg-white p-5 shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
          {request && (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                if (!trimmed) return;
                setReason("");
                onConfirm(trimmed);
              }}
            >
              <Dialog.Title className="text-base font-semibold">
                Move {request.ticketId} into {request.phaseName} over its limit?
              </Dialog.Title>
              <Dialog.Description className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
                {request.refusal} As a lead you may override the limit; the reason is kept in the audit trail with the move.
              </Dialog.Description>
              <label htmlFor="wip-override-reason" className="mt-4 block text-sm font-medium">
                Reason
              </label>
              <textarea
                id="wip-override-reason"
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                maxLength={500}
                rows={3}
                required
                autoFocus
                placeholder="e.g. Hotfix for the outage, agreed with the team"
                className="mt-1 w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-950"
              />
              <div className="mt-5 flex justify-end gap-2">
                <Dialog.Close className="inline-flex items-center rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800">
                  Cancel
                </Dialog.Close>
                <button
                  type="submit"
                  disabled={!trimmed}
                  className="inline-flex items-center rounded-md bg-red-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-red-700 disabled:cursor-not-allowed disabled:opacity-50"
                >
                  Move over the limit
                </button>
              </div>
            </form>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
