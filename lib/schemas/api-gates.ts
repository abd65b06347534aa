import { z } from "zod";

export const ticketIdParamsSchema = z.object({
  id: z.string().min(1).max(120).meta({ description: "Ticket id, e.g. gb-a3f8", example: "gb-a3f8" }),
});

export const gateRequestIdParamsSchema = z.object({
  id: z.string().min(1).max(80).meta({ description: "Gate request id" }),
});

export const gateRequestListQuerySchema = z.object({
  status: z.enum(["pending", "open"]).default("open").describe("pending: awaiting decisions; open: pending or approved and waiting for capacity"),
  board: z.string().max(40).optional().describe("Only this board"),
  ticket: z.string().max(120).optional().describe("Only this ticket"),
});

export const moveResultSchema = z.object({
  outcome: z.literal("moved"),
  from: z.string(),
  ticket: z.object({ id: z.string(), phase: z.string(), rank: z.string(), version: z.int(), status: z.string() }),
  wipFlag: z.enum(["over-soft-limit", "hard-limit-overridden"]).nullable(),
});
