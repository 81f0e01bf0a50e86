import type { z } from "zod";
import type { Contract } from "@/lib/api/contract";

export type ApiErrorDetail = { path: string; message: string };

/** The API's error envelope `{error:{code,message,details}}`, thrown by every call so forms can show field errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ApiErrorDetail[] = [],
    /** Seconds, from Retry-After on 429. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** First message per field path ("email", "selection.ids"...), for inline errors. */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const d of this.details) out[d.path] ??= d.message;
    return out;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** What a contract answers, and what it accepts, typed straight from its zod schemas. */
export type ResponseOf<C extends Contract> = C["response"] extends z.ZodType ? z.output<C["response"]> : void;
export type BodyOf<C extends Contract> = C["body"] extends z.ZodType ? z.input<C["body"]> : never;
// Outputs, not inputs: coerced numbers (page, limit) are numbers on our side of the wire.
export type QueryOf<C extends Contract> = C["query"] extends z.ZodType ? Partial<z.output<C["query"]>> : never;

type Query = Record<string, string | number | boolean | null | undefined>;

export type ApiOptions = {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  query?: Query;
  body?: unknown;
  form?: FormData;
  signal?: AbortSignal;
};

function buildUrl(path: string, query?: Query) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  const qs = params.toString();
  return `/api/v1${path}${qs ? `?${qs}` : ""}`;
}

/** The API's error envelope of a failed response as an ApiError (for callers that cannot use api(): streams, downloads, uploads). */
export async function toApiError(res: Response): Promise<ApiError> {
  const retry = Number(res.headers.get("retry-after")) || undefined;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string; details?: ApiErrorDetail[] } };
    if (body?.error?.code) return new ApiError(res.status, body.error.code, body.error.message ?? res.statusText, body.error.details ?? [], retry);
  } catch {
    // Not our envelope (a proxy's HTML page, a dropped connection): fall through to a generic error.
  }
  return new ApiError(res.status, res.status >= 500 ? "INTERNAL_ERROR" : "HTTP_ERROR", res.statusText || "Request failed", [], retry);
}

/** fetch for /api/v1 with the session cookie; resolves to the parsed JSON (undefined for 204), throws ApiError. */
export async function api<T>(path: string, opts: ApiOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method: opts.method ?? (body ? "POST" : "GET"),
      headers,
      body,
      credentials: "same-origin",
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error)?.name === "AbortError") throw e;
    throw new ApiError(0, "NETWORK_ERROR", "Network error");
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}
