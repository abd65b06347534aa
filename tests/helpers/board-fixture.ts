import { generateNKeysBetween } from "fractional-indexing";
import { db } from "@/lib/db";
import { SYSTEM_ACTOR, type Actor } from "@/lib/domain/permissions";
import { createBoard } from "@/lib/server/create-board";

/** A board of the default workflow with `counts` tickets per phase key, ids `<key>-<phase>-<n>`. */
export async function createBoardWithTickets(key: string, counts: Record<string, number>) {
  const board = await createBoard(SYSTEM_ACTOR, { name: `Board ${key}`, key, workflow: "software-development" });
  const phases = await db().phase.findMany({ where: { boardId: board.id }, orderBy: { position: "asc" } });
  const ids: Record<string, string[]> = {};
  for (const phase of phases) {
    const count = counts[phase.key] ?? 0;
    const ranks = generateNKeysBetween(null, null, count);
    ids[phase.key] = [];
    for (let index = 0; index < count; index += 1) {
      const id = `${key}-${phase.key}-${index + 1}`;
      ids[phase.key]!.push(id);
      await db().ticket.create({
        data: { id, boardId: board.id, phaseId: phase.id, rank: ranks[index]!, title: `Ticket ${id}`, labels: [], files: [], checklist: [] },
      });
    }
    await db().phase.update({ where: { id: phase.id }, data: { ticketCount: count } });
  }
  return { board, phases, ids };
}

export const actors = {
  lead: { kind: "user", id: "lead-1", role: "lead", name: "Lena Lead" },
  engineer: { kind: "user", id: "eng-1", role: "engineer", name: "Eli Engineer" },
  viewer: { kind: "user", id: "viewer-1", role: "viewer", name: "Vera Viewer" },
  agent: { kind: "agent", id: "agent-1", role: "agent", name: "worker-1" },
} satisfies Record<string, Actor>;

/**
 * After racing writers each tried to put one ticket into a column that had one free place:
 * exactly one got in, every other was refused with WIP_LIMIT_REACHED, and the column (its
 * rows and its counter) holds `limit` tickets. Returns one refusal, for its message.
 */
export async function expectOneAdmitted(outcomes: PromiseSettledResult<unknown>[], phaseId: string, limit: number): Promise<{ message: string; details?: unknown }> {
  const { expect } = await import("vitest");
  const codes = outcomes.map((outcome) => (outcome.status === "rejected" ? (outcome.reason as { code?: string }).code : "ok"));
  expect(codes.filter((code) => code === "ok")).toHaveLength(1);
  expect(codes.filter((code) => code === "WIP_LIMIT_REACHED")).toHaveLength(outcomes.length - 1);
  expect(await db().ticket.count({ where: { phaseId } })).toBe(limit);
  expect((await db().phase.findUniqueOrThrow({ where: { id: phaseId } })).ticketCount).toBe(limit);
  return (outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult).reason as { message: string; details?: unknown };
}
