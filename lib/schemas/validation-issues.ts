import type { z } from "zod";
import { AppError } from "@/lib/domain/errors";

export type ValidationIssue = { path: string; message: string };

/** zod issues as the API reports them in `details.issues`: a dotted path and a message. */
export function validationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

/** What use cases and doors do with input: the parsed value, or VALIDATION_FAILED with each issue. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, message: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError("VALIDATION_FAILED", message, { issues: validationIssues(parsed.error) });
}
