import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { findPhase, transitionGates } from "@/lib/domain/workflow/engine";
import type { WipPolicy } from "@/lib/board-view";
import type { WorkflowDefinition } from "@/lib/schemas/workflow";
import { authorize } from "@/lib/server/authorize";

export type PhaseSettings = {
  key: string;
  name: string;
  position: number;
  wipPolicy: WipPolicy;
  wipMin: number | null;
  wipMax: number | null;
  count: number;
  doneDefinitions: number;
  /** Set when the workflow moves tickets on by themselves once every done definition is ticked. */
  autoAdvanceTo: { name: string; gated: boolean } | null;
};

export type BoardSettings = { id: string; key: string; name: string; workflowKey: string; workflowName: string; phases: PhaseSettings[] };

/** What the settings screen edits, for people who may manage the board (no tickets: a large board stays cheap). */
export async function getBoardSettings(actor: Actor, key: string): Promise<BoardSettings> {
  const board = await db().board.findUnique({
    where: { key },
    select: {
      id: true,
      key: true,
      name: true,
      workflowKey: true,
      workflow: true,
      phases: { orderBy: { position: "asc" }, select: { key: true, name: true, position: true, wipPolicy: true, wipMin: true, wipMax: true, ticketCount: true } },
    },
  });
  if (!board || (actor.boardScope && actor.boardScope !== board.id)) throw new AppError("NOT_FOUND", `No board "${key}".`);
  await authorize(actor, "board.manage", board.id, { message: "Only a lead or an admin can change a board's settings." });
  const workflow = board.workflow as unknown as WorkflowDefinition;
  return {
    id: board.id,
    key: board.key,
    name: board.name,
    workflowKey: board.workflowKey,
    workflowName: workflow.name,
    phases: board.phases.map(({ ticketCount, ...phase }) => {
      const definition = findPhase(workflow, phase.key);
      const target = definition?.autoAdvance ? board.phases.find((candidate) => candidate.key === definition.autoAdvance?.to) : undefined;
      return {
        ...phase,
        wipPolicy: phase.wipPolicy as WipPolicy,
        count: ticketCount,
        doneDefinitions: definition?.doneDefinitions.length ?? 0,
        autoAdvanceTo: target ? { name: target.name, gated: transitionGates(workflow, phase.key, target.key).length > 0 } : null,
      };
    }),
  };
}
