import "server-only";
import { z } from "zod";
import { writeTransaction, type Tx } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import { newId } from "@/lib/domain/ids";
import type { Actor } from "@/lib/domain/permissions";
import { authorize, refuse } from "@/lib/server/authorize";
import { createBoardSchema } from "@/lib/schemas/board";
import { recordAudit } from "@/lib/server/record-audit";
import { getWorkflow } from "@/lib/server/workflows";

export type CreateBoardInput = z.input<typeof createBoardSchema>;

/** Creates a board and its columns from a workflow file; audited as `board.created`. */
export async function createBoard(actor: Actor, input: CreateBoardInput, tx?: Tx): Promise<{ id: string; key: string }> {
  const creator = await authorize(actor, "board.manage", undefined, { message: "Only a lead or an admin can create boards." });
  // A token limited to one board must not reach beyond it, and a new board is beyond it.
  if (creator.boardScope) await refuse(creator, "board.manage", null, new AppError("FORBIDDEN", "This token is limited to one board and cannot create boards; use an instance-wide token."));
  const parsed = createBoardSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", "The board is not valid.", { issues: z.treeifyError(parsed.error) });
  }
  const { name, key, workflow: workflowKey } = parsed.data;
  const workflow = getWorkflow(workflowKey);
  const run = async (t: Tx) => {
    if (await t.board.findUnique({ where: { key }, select: { id: true } })) {
      throw new AppError("CONFLICT", `A board with key "${key}" already exists.`, { field: "key" });
    }
    const boardId = newId();
    await t.board.create({ data: { id: boardId, key, name, workflowKey, workflow: workflow as object } });
    await t.phase.createMany({
      data: workflow.phases.map((phase, position) => ({
        id: newId(),
        boardId,
        key: phase.key,
        name: phase.name,
        position,
        wipPolicy: phase.wip.policy,
        wipMin: phase.wip.min ?? null,
        wipMax: phase.wip.max ?? null,
      })),
    });
    await recordAudit(t, actor, {
      action: "board.created",
      entityType: "board",
      entityId: boardId,
      boardId,
      after: { key, name, workflow: workflowKey, phases: workflow.phases.map((phase) => phase.key) },
    });
    return { id: boardId, key };
  };
  return tx ? run(tx) : writeTransaction(run);
}
