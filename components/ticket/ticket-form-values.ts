// The ticket form's values as text fields, and the conversions to and from the API shapes.
// Free of zod so the detail page can import the types without the validator.

/** A ticket's editable fields as the server has them (the edit form's starting point). */
export type EditableTicket = {
  version: number;
  title: string;
  description: string;
  acceptanceCriteria: string;
  type: string;
  priority: number;
  status: string;
  labels: string[];
  files: string[];
};

/** The editable fields of a ticket as the server reads it (the edit page, and the reload after a conflict). */
export function editableTicketOf(ticket: EditableTicket): EditableTicket {
  const { version, title, description, acceptanceCriteria, type, priority, status, labels, files } = ticket;
  return { version, title, description, acceptanceCriteria, type, priority, status, labels, files };
}

/** What the inputs hold: lists as text (labels comma-separated, files one per line). */
export type TicketFormValues = {
  title: string;
  description: string;
  acceptanceCriteria: string;
  type: string;
  priority: string;
  status: string;
  labels: string;
  files: string;
  parentId: string;
  /** Create only: the column's key; empty means the board's first. */
  phase: string;
};

export const FORM_FIELDS = ["title", "description", "acceptanceCriteria", "type", "priority", "status", "labels", "files", "parentId", "phase"] as const;
/** Set when a ticket is created, never by an edit (moves and parents have their own use cases). */
const CREATE_ONLY: readonly FormField[] = ["parentId", "phase"];
export type FormField = (typeof FORM_FIELDS)[number];

export const EMPTY_FORM: TicketFormValues = {
  title: "",
  description: "",
  acceptanceCriteria: "",
  type: "task",
  priority: "2",
  status: "open",
  labels: "",
  files: "",
  parentId: "",
  phase: "",
};

export function formValuesOf(ticket: EditableTicket): TicketFormValues {
  return {
    title: ticket.title,
    description: ticket.description,
    acceptanceCriteria: ticket.acceptanceCriteria,
    type: ticket.type,
    priority: String(ticket.priority),
    status: ticket.status,
    labels: ticket.labels.join(", "),
    files: ticket.files.join("\n"),
    parentId: "",
    phase: "",
  };
}

function list(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** The body of a create: every field, lists split, empty optional fields left out. */
export function createInputOf(values: TicketFormValues): Record<string, unknown> {
  return {
    title: values.title,
    description: values.description,
    acceptanceCriteria: values.acceptanceCriteria,
    type: values.type,
    priority: Number(values.priority),
    labels: list(values.labels, /[,\n]/),
    files: list(values.files, /[\n,]/),
    ...(values.parentId.trim() ? { parentId: values.parentId.trim() } : {}),
    ...(values.phase ? { phase: values.phase } : {}),
  };
}

/**
 * The body of an edit: only the fields that differ from what the form started from, so an
 * imported ticket's unusual type or a field someone else changed meanwhile is left alone.
 */
export function updateInputOf(values: TicketFormValues, base: TicketFormValues, version: number): Record<string, unknown> {
  const changed = changedFields(base, values);
  const full: Record<string, unknown> = { ...createInputOf(values), status: values.status };
  return { version, ...Object.fromEntries(changed.filter((field) => !CREATE_ONLY.includes(field)).map((field) => [field, full[field]])) };
}

export function changedFields(from: TicketFormValues, to: TicketFormValues): FormField[] {
  return FORM_FIELDS.filter((field) => normalised(field, from[field]) !== normalised(field, to[field]));
}

function normalised(field: FormField, value: string): string {
  if (field === "labels") return list(value, /[,\n]/).join(",");
  if (field === "files") return list(value, /[\n,]/).join("\n");
  return value;
}

/**
 * After a VERSION_CONFLICT: the fields this person changed keep their text; the rest take
 * the newer values. `clashes` are fields both changed (theirs is only reported, not applied).
 */
export function mergeAfterConflict(base: TicketFormValues, mine: TicketFormValues, theirs: TicketFormValues): { values: TicketFormValues; theirChanges: FormField[]; clashes: FormField[] } {
  const mineChanged = new Set(changedFields(base, mine));
  const theirChanges = changedFields(base, theirs);
  const values = { ...mine };
  for (const field of theirChanges) if (!mineChanged.has(field)) values[field] = theirs[field];
  return { values, theirChanges, clashes: theirChanges.filter((field) => mineChanged.has(field)) };
}

export const FIELD_LABELS: Record<FormField, string> = {
  title: "Title",
  description: "Description",
  acceptanceCriteria: "Acceptance criteria",
  type: "Type",
  priority: "Priority",
  status: "Status",
  labels: "Labels",
  files: "Files",
  parentId: "Parent",
  phase: "Column",
};
