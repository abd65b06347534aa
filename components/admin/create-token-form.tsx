"use client";

import { useActionState } from "react";
import { KeyRound } from "lucide-react";
import { createTokenAction } from "@/app/admin/tokens/actions";
import type { ActionResult } from "@/lib/action-result";
import type { CreatedApiToken } from "@/lib/server/create-api-token";
import { CopySecret } from "./copy-secret";
import { cardClass, fieldClass, fieldError, formError, labelClass, primaryButton } from "./form-styles";

type Props = { roles: readonly string[]; boards: Array<{ key: string; name: string }> };

export function CreateTokenForm({ roles, boards }: Props) {
  const [result, action, pending] = useActionState<ActionResult<CreatedApiToken> | null, FormData>(createTokenAction, null);
  const created = result?.ok ? result.data : null;
  const general = formError(result, ["name", "role", "board", "agent"]);
  return (
    <section aria-labelledby="new-token" className={cardClass}>
      <h2 id="new-token" className="text-sm font-semibold">
        New token
      </h2>
      <form action={action} className="mt-3 grid gap-3 sm:grid-cols-[2fr_1fr_1fr_1.5fr_auto] sm:items-end">
        <Field label="Name" name="name" error={fieldError(result, "name")}>
          <input id="token-name" name="name" required placeholder="e.g. ci-runner" aria-invalid={!!fieldError(result, "name")} className={fieldClass} />
        </Field>
        <Field label="Role" name="role" error={fieldError(result, "role")}>
          <select id="token-role" name="role" defaultValue="agent" className={fieldClass}>
            {roles.map((role) => (
              <option key={role}>{role}</option>
            ))}
          </select>
        </Field>
        <Field label="Board" name="board" error={fieldError(result, "board")}>
          <select id="token-board" name="board" defaultValue="" className={fieldClass}>
            <option value="">All boards</option>
            {boards.map((board) => (
              <option key={board.key} value={board.key}>
                {board.key} · {board.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Agent (optional)" name="agent" error={fieldError(result, "agent")}>
          <input id="token-agent" name="agent" placeholder="registered agent name" aria-invalid={!!fieldError(result, "agent")} className={fieldClass} />
        </Field>
        <button type="submit" disabled={pending} className={primaryButton}>
          <KeyRound aria-hidden className="size-4" />
          Create
        </button>
      </form>
      {general ? (
        <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-400">
          {general}
        </p>
      ) : null}
      {created ? (
        <div role="status" className="mt-4 rounded-md border border-emerald-200 bg-emerald-50 p-3 dark:border-emerald-900 dark:bg-emerald-950/40">
          <p className="mb-2 text-sm">
            Token <strong>{created.name}</strong> created. Copy it now: it is shown this once and cannot be recovered.
          </p>
          <CopySecret label="Token secret" value={created.secret} />
        </div>
      ) : null}
    </section>
  );
}

function Field({ label, name, error, children }: { label: string; name: string; error?: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={`token-${name}`} className={labelClass}>
        {label}
      </label>
      {children}
      {error ? <p className="mt-1 text-xs text-red-700 dark:text-red-400">{error}</p> : null}
    </div>
  );
}
