/**
 * The one error type use cases raise for expected failures. `code` is part of the public
 * API (PRODUCT.md); every door maps it the same way: HTTP status, form error or toast.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  WIP_LIMIT_REACHED: 409,
  TRANSITION_NOT_ALLOWED: 409,
  GATE_PENDING: 409,
  BLOCKED_BY_DEPENDENCIES: 409,
  DEPENDENCY_CYCLE: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toJSON(): { error: { code: ErrorCode; message: string; details?: unknown } } {
    return { error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) } };
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
