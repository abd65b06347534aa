"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { createTicketAction, loadEditableTicketAction, updateTicketAction } from "@/app/boards/[board]/tickets/actions";
import type { ActionError } from "@/lib/action-result";
import { createTicketSchema, TICKET_STATUSES, TICKET_TYPES, updateTicketSchema } from "@/lib/schemas/ticket";
import { validationIssues, type ValidationIssue } from "@/lib/schemas/validation-issues";
import { ConflictNotice } from "./conflict-notice";
import { FormField } from "./form-field";
import { createInputOf, EMPTY_FORM, FIELD_LABELS, formValuesOf, mergeAfterConflict, updateInputOf, type EditableTicket, type FormField as Field, type TicketFormValues } from "./ticket-form-values";
import { fieldClass, primaryButton, quietButton } from "./ui";

type Props = { boardKey: string } & (
  | {
      mode: "create";
      phases: Array<{ key: string; name: string }>;
      /** A lead or admin: a column refused for its hard WIP limit can be used anyway, with a reason. */
      canOverrideWip?: boolean;
    }
  | { mode: "edit"; ticketId: string; ticket: EditableTicket }
);
type Errors = Partial<Record<Field, string>>;
type Conflict = { message: string; merged?: { theirChanges: Field[]; clashes: Field[] } };

const PRIORITIES = [
  ["0", "P0 · critical"],
  ["1", "P1 · high"],
  ["2", "P2 · normal"],
  ["3", "P3 · low"],
  ["4", "P4 · backlog"],
] as const;

function errorsOf(issues: ValidationIssue[]): Errors {
  const errors: Errors = {};
  for (const issue of issues) {
    const field = issue.path.split(".")[0] as Field;
    if (field in FIELD_LABELS) errors[field] ??= issue.message;
  }
  return errors;
}

/** Create or edit a ticket. Checked with the API's own zod schema before sending; the server checks again. */
export function TicketForm(props: Props) {
  const router = useRouter();
  const [base, setBase] = useState<TicketFormValues>(props.mode === "edit" ? formValuesOf(props.ticket) : EMPTY_FORM);
  const [version, setVersion] = useState(props.mode === "edit" ? props.ticket.version : 0);
  const [values, setValues] = useState<TicketFormValues>(base);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  // The column a creation was refused for by its hard WIP limit, while it is still the one chosen.
  const [wipRefusedPhase, setWipRefusedPhase] = useState<string | null>(null);
  const [overrideReason, setOverrideReason] = useState("");
  const [pending, startTransition] = useTransition();
  const ticketId = props.mode === "edit" ? props.ticketId : null;
  const phases = props.mode === "create" ? props.phases : [];
  const back = ticketId ? `/boards/${props.boardKey}/tickets/${encodeURIComponent(ticketId)}` : `/boards/${props.boardKey}`;
  const set = (field: Field) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  function showFailure(error: ActionError) {
    const details = error.details as { issues?: ValidationIssue[]; field?: string } | undefined;
    const fieldErrors = details?.issues ? errorsOf(details.issues) : details?.field && details.field in FIELD_LABELS ? { [details.field as Field]: error.message } : {};
    setErrors(fieldErrors);
    setWipRefusedPhase(error.code === "WIP_LIMIT_REACHED" ? values.phase : null);
    if (error.code === "VERSION_CONFLICT") setConflict({ message: error.message });
    else setFailure(Object.keys(fieldErrors).length > 0 ? "Fix the fields marked below." : error.message);
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    send();
  }

  function send(override?: { overrideWip: true; reason: string }) {
    setFailure(null);
    const input = ticketId ? updateInputOf(values, base, version) : { ...createInputOf(values), ...override };
    const checked = (ticketId ? updateTicketSchema : createTicketSchema).safeParse(input);
    if (!checked.success) {
      setErrors(errorsOf(validationIssues(checked.error)));
      setFailure("Fix the fields marked below.");
      return;
    }
    setErrors({});
    startTransition(async () => {
      const result = ticketId ? await updateTicketAction(ticketId, input) : await createTicketAction(props.boardKey, input);
      if (!result.ok) return showFailure(result.error);
      if ("wipFlag" in result.data && result.data.wipFlag === "over-soft-limit") {
        const { id, phase: key } = result.data;
        toast.warning(`${id} is in ${phases.find((phase) => phase.key === key)?.name ?? key}, now over its soft WIP limit`);
      }
      router.push(`/boards/${props.boardKey}/tickets/${encodeURIComponent(result.data.id)}`);
      router.refresh();
    });
  }

  function reloadLatest() {
    if (!ticketId) return;
    startTransition(async () => {
      const result = await loadEditableTicketAction(ticketId);
      if (!result.ok) return setFailure(result.error.message);
      const theirs = formValuesOf(result.data);
      const merged = mergeAfterConflict(base, values, theirs);
      setBase(theirs);
      setVersion(result.data.version);
      setValues(merged.values);
      setConflict({ message: "", merged: { theirChanges: merged.theirChanges, clashes: merged.clashes } });
    });
  }

  const typeOptions = TICKET_TYPES.includes(values.type as (typeof TICKET_TYPES)[number]) ? TICKET_TYPES : [values.type, ...TICKET_TYPES];
  return (
    <form onSubmit={submit} noValidate aria-label={ticketId ? `Edit ${ticketId}` : "New ticket"} className="grid gap-4">
      {conflict && <ConflictNotice conflict={conflict} pending={pending} onReload={reloadLatest} />}
      {failure && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/50 dark:text-red-200">
          {failure}
        </p>
      )}
      <FormField id="title" label="Title" error={errors.title}>
        <input value={values.title} onChange={(event) => set("title")(event.target.value)} className={fieldClass} autoFocus={!ticketId} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField id="type" label="Type" error={errors.type}>
          <select value={values.type} onChange={(event) => set("type")(event.target.value)} className={fieldClass}>
            {typeOptions.map((type) => (
              <option key={type}>{type}</option>
            ))}
          </select>
        </FormField>
        <FormField id="priority" label="Priority" error={errors.priority}>
          <select value={values.priority} onChange={(event) => set("priority")(event.target.value)} className={fieldClass}>
            {PRIORITIES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </FormField>
        {ticketId ? (
          <FormField id="status" label="Status" error={errors.status}>
            <select value={values.status} onChange={(event) => set("status")(event.target.value)} className={fieldClass}>
              {TICKET_STATUSES.map((status) => (
                <option key={status}>{status}</option>
              ))}
            </select>
          </FormField>
        ) : (
          <FormField id="phase" label="Column" error={errors.phase}>
            <select value={values.phase} onChange={(event) => set("phase")(event.target.value)} className={fieldClass}>
              {phases.map((phase, index) => (
                <option key={phase.key} value={index === 0 ? "" : phase.key}>
                  {phase.name}
                </option>
              ))}
            </select>
          </FormField>
        )}
      </div>
      {props.mode === "create" && props.canOverrideWip && wipRefusedPhase !== null && wipRefusedPhase === values.phase && (
        <div className="grid gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40">
          <FormField id="wipOverrideReason" label="Create it over the limit anyway" hint="As a lead you may override the column's WIP limit; the reason is kept in the audit trail">
            <input value={overrideReason} onChange={(event) => setOverrideReason(event.target.value)} maxLength={500} placeholder="Why it cannot wait" className={fieldClass} />
          </FormField>
          <div>
            <button type="button" disabled={pending || !overrideReason.trim()} onClick={() => send({ overrideWip: true, reason: overrideReason.trim() })} className={quietButton}>
              Create over the limit
            </button>
          </div>
        </div>
      )}
      {!ticketId && (
        <FormField id="parentId" label="Parent epic" error={errors.parentId} hint="Optional: its id, e.g. gb-a3f8; the new ticket becomes <parent>.<n>">
          <input value={values.parentId} onChange={(event) => set("parentId")(event.target.value)} className={`${fieldClass} font-mono`} />
        </FormField>
      )}
      <FormField id="description" label="Description" error={errors.description} hint="Markdown">
        <textarea value={values.description} onChange={(event) => set("description")(event.target.value)} rows={8} className={`${fieldClass} font-mono`} />
      </FormField>
      <FormField id="acceptanceCriteria" label="Acceptance criteria" error={errors.acceptanceCriteria} hint="Markdown; a task list works well">
        <textarea value={values.acceptanceCriteria} onChange={(event) => set("acceptanceCriteria")(event.target.value)} rows={5} className={`${fieldClass} font-mono`} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="labels" label="Labels" error={errors.labels} hint="Comma-separated">
          <input value={values.labels} onChange={(event) => set("labels")(event.target.value)} className={fieldClass} />
        </FormField>
        <FormField id="files" label="Files" error={errors.files} hint="One repository path per line; end a directory with /">
          <textarea value={values.files} onChange={(event) => set("files")(event.target.value)} rows={3} className={`${fieldClass} font-mono`} />
        </FormField>
      </div>
      <div className="flex items-center gap-2">
        <button type="submit" disabled={pending} className={primaryButton}>
          {ticketId ? "Save changes" : "Create ticket"}
        </button>
        <Link href={back} className={quietButton}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
