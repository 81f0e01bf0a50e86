import { randomBytes } from "node:crypto";

/** Meta's error envelope: {"error":{"message","type","code","error_subcode","error_data":{"details"},"fbtrace_id"}}. */
export type GraphErrorSpec = { code: number; message?: string; status?: number; subcode?: number; details?: string; type?: string };

const defaultStatus = (code: number) =>
  code === 190 ? 401 : code === 10 || code === 200 ? 403 : [4, 80007, 130429, 131056].includes(code) ? 429 : 400;

export class SimError extends Error {
  constructor(readonly spec: GraphErrorSpec) {
    super(spec.message ?? `(#${spec.code})`);
  }
}

export const fail = (code: number, message: string, extra: Omit<GraphErrorSpec, "code" | "message"> = {}) =>
  new SimError({ code, message, ...extra });

/** (#100) errors: the parameter checks Meta runs before accepting a call. */
export const invalidParam = (details: string, message = "(#100) Invalid parameter") => fail(100, message, { details });

export const badToken = () => fail(190, "Invalid OAuth access token - Cannot parse access token", { status: 401 });

export const unknownObject = (id: string, method: string) =>
  fail(100, `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, {
    subcode: 33,
  });

export function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=UTF-8" } });
}

export function errorResponse(spec: GraphErrorSpec) {
  const error: Record<string, unknown> = {
    message: spec.message ?? `(#${spec.code}) Graph API error`,
    type: spec.type ?? "OAuthException",
    code: spec.code,
    ...(spec.subcode !== undefined ? { error_subcode: spec.subcode } : {}),
    ...(spec.details ? { error_data: { messaging_product: "whatsapp", details: spec.details } } : {}),
    fbtrace_id: randomBytes(9).toString("base64url"),
  };
  return json({ error }, spec.status ?? defaultStatus(spec.code));
}

/** The access token of a Graph call: `Authorization: Bearer …` (or `OAuth …` for resumable uploads) or ?access_token=. */
export function tokenOf(req: Request, url: URL): string | undefined {
  const header = req.headers.get("authorization") ?? "";
  const m = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header.trim());
  const token = (m?.[1] ?? url.searchParams.get("access_token") ?? "").trim();
  return token || undefined;
}

export async function readBody(req: Request): Promise<Record<string, unknown>> {
  const text = await req.text();
  if (!text.trim()) return {};
  const type = req.headers.get("content-type") ?? "";
  if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(text));
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw invalidParam("The request body is not a JSON object", "(#100) Invalid JSON");
}
