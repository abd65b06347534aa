import "server-only";
import { z } from "zod";
import { db, writeTransaction } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import { parseJunitXml } from "@/lib/domain/gates/junit";
import { newId } from "@/lib/domain/ids";
import type { Actor } from "@/lib/domain/permissions";
import { attachArtifactSchema, type AttachArtifactInput } from "@/lib/schemas/artifact";
import { advanceGateRequest, type GateAdvance } from "@/lib/server/advance-gate-request";
import { authorize } from "@/lib/server/authorize";
import { recordAudit } from "@/lib/server/record-audit";

export type AttachResult = { id: string; kind: string; summary: unknown; gates: Array<{ requestId: string; advance: GateAdvance }> };

/**
 * Attaches evidence to a ticket. A JUnit report is parsed once, here, and refused when it
 * is not valid JUnit XML; its summary is what the tests gate reads. Open gate requests of
 * the ticket are then re-evaluated, so evidence arriving completes a waiting move.
 */
export async function attachArtifact(actor: Actor, ticketId: string, input: AttachArtifactInput): Promise<AttachResult> {
  const parsed = attachArtifactSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", "The artifact is not valid.", { issues: z.treeifyError(parsed.error) });
  const artifact = parsed.data;
  let summary: unknown = null;
  if (artifact.format === "junit") {
    const report = parseJunitXml(artifact.content ?? "");
    if (!report.ok) throw new AppError("VALIDATION_FAILED", `The JUnit report cannot be read: ${report.error}`, { field: "content" });
    summary = report;
  } else if (artifact.format === "json") {
    try {
      JSON.parse(artifact.content ?? "");
    } catch (error) {
      throw new AppError("VALIDATION_FAILED", `The content is not valid JSON: ${(error as Error).message}`, { field: "content" });
    }
  }
  const notFound = `No ticket ${ticketId}.`;
  const located = await db().ticket.findUnique({ where: { id: ticketId }, select: { boardId: true } });
  if (!located) throw new AppError("NOT_FOUND", notFound);
  const outOfScope = !!actor.boardScope && actor.boardScope !== located.boardId;
  await authorize(actor, "artifact.attach", located.boardId, outOfScope ? { notFoundMessage: notFound } : {});

  return writeTransaction(async (tx) => {
    const id = newId();
    const content = artifact.content ?? "";
    await tx.artifact.create({
      data: {
        id, ticketId, kind: artifact.kind, format: artifact.format, name: artifact.name ?? null, content, url: artifact.url ?? null,
        summary: summary === null ? undefined : (summary as object), sizeBytes: Buffer.byteLength(content), createdByKind: actor.kind, createdById: actor.id,
      },
    });
    const counts = summary && typeof summary === "object" && "report" in summary ? (summary as { report: { tests: number; failures: number; errors: number; skipped: number } }).report : null;
    await recordAudit(tx, actor, {
      action: "artifact.attached",
      entityType: "ticket",
      entityId: ticketId,
      boardId: located.boardId,
      after: { artifact: id, kind: artifact.kind, format: artifact.format, ...(counts ? { tests: counts.tests, failures: counts.failures, errors: counts.errors, skipped: counts.skipped } : {}) },
    });
    const open = await tx.gateRequest.findMany({ where: { ticketId, status: "pending" }, orderBy: { createdAt: "asc" }, select: { id: true } });
    const gates: AttachResult["gates"] = [];
    for (const request of open) gates.push({ requestId: request.id, advance: await advanceGateRequest(tx, request.id, `Evidence attached: ${artifact.kind}`) });
    return { id, kind: artifact.kind, summary, gates };
  });
}
