import { z } from "zod";
import { BOARD_KEY_PATTERN } from "@/lib/domain/board-key";

export const createBoardSchema = z
  .object({
    name: z.string().trim().min(1, "Name is required").max(80, "Name is at most 80 characters"),
    key: z
      .string()
      .trim()
      .toLowerCase()
      .regex(BOARD_KEY_PATTERN, "Key is 2–10 lower-case letters or digits, starting with a letter (it prefixes ticket ids)"),
    workflow: z.string().trim().min(1).default("software-development"),
  })
  .strict();
