import { ZodError } from "zod";

export type ErrorDetail = { path: string; message: string };

/** The one error type of the product. Services throw it; the route wrapper maps it to the error envelope. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const errors = {
  validation: (message: string, details?: ErrorDetail[]) => new AppError("VALIDATION_ERROR", 400, message, details),
  unauthenticated: (message = "Authentication required") => new AppError("UNAUTHENTICATED", 401, message),
  forbidden: (message = "You do not have permission to do this") => new AppError("FORBIDDEN", 403, message),
  notFound: (what = "Resource") => new AppError("NOT_FOUND", 404, `${what} not found`),
  conflict: (message: string, details?: ErrorDetail[]) => new AppError("CONFLICT", 409, message, details),
  tooLarge: (message: string) => new AppError("PAYLOAD_TOO_LARGE", 413, message),
  unsupportedMediaType: (message: string) => new AppError("UNSUPPORTED_MEDIA_TYPE", 415, message),
  /** A business rule with its own code, e.g. LAST_ADMIN or WINDOW_CLOSED. */
  rule: (code: string, message: string) => new AppError(code, 422, message),
  rateLimited: (retryAfterSeconds: number) =>
    new AppError("RATE_LIMITED", 429, `Too many requests; retry in ${retryAfterSeconds} s`, undefined, {
      "Retry-After": String(retryAfterSeconds),
    }),
  /** `message` says what to configure, when "X is not configured" is not enough for the user to act on. */
  notConfigured: (feature: string, message?: string) => new AppError("NOT_CONFIGURED", 503, message ?? `${feature} is not configured`),
};

export function zodDetails(error: ZodError, prefix: string[] = []): ErrorDetail[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path.map(String)];
    if (issue.code === "unrecognized_keys") {
      return { path: [...path, ...issue.keys].join(".") || "(root)", message: `Unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}` };
    }
    return { path: path.join(".") || "(root)", message: issue.message };
  });
}

/** Postgres error codes survive Drizzle's wrapping in `cause`. */
export function pgErrorCode(e: unknown): string | undefined {
  for (let cur: unknown = e, depth = 0; cur && depth < 4; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isUniqueViolation(e: unknown) {
  return pgErrorCode(e) === "23505";
}
