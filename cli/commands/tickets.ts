import { Option, type Command } from "commander";
import { TICKET_STATUSES, TICKET_TYPES } from "@/lib/schemas/ticket";
import type { z } from "zod";
import type { createdTicketSchema, TicketList, TicketListItem } from "@/lib/schemas/ticket-list";
import { segment } from "../http";
import { clientFor, commaList, integerOption, printJson } from "../io";
import { formatTable } from "../table";
import { wipFlagNote } from "./move";

type CreateOptions = {
  board: string;
  title: string;
  phase?: string;
  type?: string;
  priority?: number;
  description?: string;
  parent?: string;
  labels?: string[];
  files?: string[];
  overrideWip?: boolean;
  reason?: string;
  json?: boolean;
};
type CreatedTicket = z.infer<typeof createdTicketSchema>;

type ListOptions = { board: string; phase?: string; status?: string; assignee?: string; q?: string; limit: number; all?: boolean; json?: boolean };

export function registerTickets(program: Command): void {
  program
    .command("tickets")
    .description("List a board's tickets in board order (phase, then position), filtered")
    .requiredOption("--board <key>", "the board key, e.g. gb")
    .option("--phase <key>", "only this phase, e.g. building")
    .addOption(new Option("--status <status>", "only this status").choices(TICKET_STATUSES))
    .option("--assignee <who>", "a person's email or id, an agent's name or id, or `none`")
    .option("--q <text>", "id or title contains this text (any case)")
    .option("--limit <n>", "at most this many tickets", integerOption("--limit", 1, 500), 100)
    .option("--all", "every matching ticket, page after page")
    .option("--json", "print the API's JSON")
    .action(async (options: ListOptions, command: Command) => {
      const client = clientFor(command);
      const query = { phase: options.phase, status: options.status, assignee: options.assignee, q: options.q, limit: options.limit };
      const path = `/api/v1/boards/${segment(options.board)}/tickets`;
      const list = await client.get<TicketList>(path, query);
      while (options.all && list.nextCursor) {
        const next = await client.get<TicketList>(path, { ...query, cursor: list.nextCursor });
        list.items.push(...next.items);
        list.nextCursor = next.nextCursor;
      }
      if (options.json) return printJson(list);
      console.log(formatTable(list.items, ticketColumns, `No tickets on ${list.board} match.`));
      if (list.nextCursor) console.log(`\nMore tickets match: add --all, or a larger --limit.`);
    });

  program
    .command("ticket")
    .description("Tickets: create")
    .command("create")
    .description("Create a ticket at the bottom of a phase (the board's first phase by default)")
    .requiredOption("--board <key>", "the board key, e.g. gb")
    .requiredOption("--title <title>", "one line, 1–200 characters")
    .option("--phase <key>", "the column to create it in")
    .addOption(new Option("--type <type>", "the ticket type").choices(TICKET_TYPES))
    .option("--priority <n>", "0 (critical) … 4 (backlog)", integerOption("--priority", 0, 4))
    .option("--description <markdown>", "what and why, in Markdown")
    .option("--parent <id>", "the parent epic; the ticket gets the id <parent>.<n>")
    .option("--labels <a,b>", "comma-separated labels", commaList)
    .option("--files <a,b>", "comma-separated repository paths the work touches", commaList)
    .option("--override-wip", "lead or admin: create it in a full hard-limit column (needs --reason)")
    .option("--reason <text>", "why; kept in the audit trail")
    .option("--json", "print the API's JSON")
    .action(async (options: CreateOptions, command: Command) => {
      const created = await clientFor(command).post<CreatedTicket>(`/api/v1/boards/${segment(options.board)}/tickets`, {
        title: options.title,
        phase: options.phase,
        type: options.type,
        priority: options.priority,
        description: options.description,
        parentId: options.parent,
        labels: options.labels,
        files: options.files,
        overrideWip: options.overrideWip,
        reason: options.reason,
      });
      if (options.json) return printJson(created);
      console.log(`Created ${created.id} in ${created.phase} (version ${created.version}).${wipFlagNote(created.wipFlag)}`);
    });
}

const ticketColumns = [
  { header: "ID", value: (t: TicketListItem) => t.id },
  { header: "PHASE", value: (t: TicketListItem) => t.phase },
  { header: "STATUS", value: (t: TicketListItem) => t.status },
  { header: "P", value: (t: TicketListItem) => t.priority, align: "right" as const },
  { header: "TYPE", value: (t: TicketListItem) => t.type },
  { header: "ASSIGNEE", value: (t: TicketListItem) => t.assignee?.name, max: 24 },
  { header: "VER", value: (t: TicketListItem) => t.version, align: "right" as const },
  { header: "TITLE", value: (t: TicketListItem) => t.title, max: 60 },
];
