import { z } from "zod";
import { BOARD_KEY_PATTERN } from "@/lib/domain/board-key";
import { ROLES } from "@/lib/domain/permissions";

/** Form, CLI and (later) API input for a new token. Empty strings from forms mean "none". */
export const createApiTokenSchema = z
  .object({
    name: z.string().trim().min(1, "Name is required").max(80, "Name is at most 80 characters"),
    role: z.enum(ROLES, { error: `Role must be one of: ${ROLES.join(", ")}` }).default("agent"),
    board: z
      .string()
      .trim()
      .toLowerCase()
      .transform((value) => value || undefined)
      .pipe(z.string().regex(BOARD_KEY_PATTERN, "Board is a board key, e.g. gb").optional())
      .optional(),
    agent: z
      .string()
      .trim()
      .max(80)
      .transform((value) => value || undefined)
      .optional(),
  })
  .strict();

export const revokeApiTokenSchema = z.object({ id: z.string().trim().min(1, "Token id is required").max(100) }).strict();
