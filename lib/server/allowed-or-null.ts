import "server-only";
import { isAppError } from "@/lib/domain/errors";

/** For pages: a FORBIDDEN refusal (already audited by authorize) becomes null, to render "Not allowed". */
export async function allowedOrNull<T>(work: Promise<T>): Promise<T | null> {
  try {
    return await work;
  } catch (error) {
    if (isAppError(error) && error.code === "FORBIDDEN") return null;
    throw error;
  }
}
