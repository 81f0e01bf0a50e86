import { randomUUID } from "node:crypto";
import { z, ZodError } from "zod";
import { authenticate } from "@/lib/auth/principal";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { clientIp, type Ctx, type RequestMeta } from "./context";
import type { Contract } from "./contract";
import { AppError, errors, isUniqueViolation, zodDetails } from "./errors";

const DEFAULT_MAX_BODY = 1024 * 1024;

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export type HandlerInput<C extends Contract> = {
  ctx: C["access"] extends "public" ? RequestMeta : Ctx;
  params: Out<C["params"]>;
  query: Out<C["query"]>;
  body: Out<C["body"]>;
  form: C["multipart"] extends object ? FormData : undefined;
  req: Request;
};

type Result<C extends Contract> = (C["response"] extends z.ZodType ? z.input<C["response"]> : void) | Response;

export type RouteHandler = ((req: Request, route?: { params?: Promise<Record<string, string | string[]>> }) => Promise<Response>) & {
  contract: Contract;
};

export function jsonResponse(body: unknown, status = 200, headers?: Record<string, string>) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

export function errorResponse(e: unknown, requestId: string): Response {
  const headers = { "x-request-id": requestId };
  if (e instanceof AppError) {
    const error = { code: e.code, message: e.message, ...(e.details?.length ? { details: e.details } : {}) };
    return jsonResponse({ error }, e.status, { ...headers, ...e.headers });
  }
  if (e instanceof ZodError) return errorResponse(errors.validation("Invalid input", zodDetails(e)), requestId);
  if (isUniqueViolation(e)) return errorResponse(errors.conflict("A record with these values already exists"), requestId);
  log.error("unhandled error", { requestId, error: e });
  return jsonResponse({ error: { code: "INTERNAL_ERROR", message: `Something went wrong (request ${requestId})` } }, 500, headers);
}

const MUTATIONS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Cookie-authenticated writes must come from our own pages (CSRF). */
function checkOrigin(req: Request) {
  const origin = req.headers.get("origin");
  if (!origin) {
    if (req.headers.get("sec-fetch-site") === "same-origin") return;
    throw errors.forbidden("Cross-site request refused (missing Origin)");
  }
  const allowed = new Set([new URL(env().APP_URL).origin]);
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (host) allowed.add(`${req.headers.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "")}://${host}`);
  if (!allowed.has(origin)) throw errors.forbidden("Cross-site request refused (Origin mismatch)");
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw errors.validation(`Invalid ${where}`, zodDetails(r.error, where === "body" ? [] : [where]));
  return r.data;
}

function queryObject(url: URL) {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of url.searchParams) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

async function readJson(req: Request, max: number): Promise<unknown> {
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > max) throw errors.tooLarge(`Request body exceeds ${max} bytes`);
  const text = await req.text();
  if (Buffer.byteLength(text) > max) throw errors.tooLarge(`Request body exceeds ${max} bytes`);
  if (text.trim() === "") return {};
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(type)) throw errors.unsupportedMediaType("Send the body as application/json");
  try {
    return JSON.parse(text);
  } catch {
    throw errors.validation("Malformed JSON body", [{ path: "(root)", message: "is not valid JSON" }]);
  }
}

async function readForm(req: Request, c: NonNullable<Contract["multipart"]>): Promise<FormData> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) throw errors.unsupportedMediaType("Send the file as multipart/form-data");
  // Multipart framing adds a few hundred bytes; anything far beyond the file limit is refused before buffering.
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > c.maxBytes + 64 * 1024) throw errors.tooLarge(`File exceeds ${c.maxBytes} bytes`);
  try {
    return await req.formData();
  } catch {
    throw errors.validation("Malformed multipart body");
  }
}

/**
 * Turns a contract and a service call into a Next.js route handler:
 * authenticate → resolve tenant → check permission → parse → call → serialize → map errors.
 */
export function route<const C extends Contract>(contract: C, handler: (input: HandlerInput<C>) => Promise<Result<C>>): RouteHandler {
  const fn = async (req: Request, routeCtx?: { params?: Promise<Record<string, string | string[]>> }) => {
    const requestId = req.headers.get("x-request-id")?.slice(0, 64) || randomUUID();
    try {
      const meta: RequestMeta = { requestId, ip: clientIp(req), userAgent: req.headers.get("user-agent") ?? undefined };
      let ctx: RequestMeta | Ctx = meta;
      if (contract.access !== "public") {
        const principal = await authenticate(req);
        if (!principal) throw errors.unauthenticated();
        if (principal.via === "session" && MUTATIONS.has(req.method)) checkOrigin(req);
        if (contract.access === "user" && !principal.user) throw errors.forbidden("This operation needs a signed-in user, not an API key");
        if (contract.permission && !principal.permissions.has(contract.permission)) throw errors.forbidden();
        ctx = { ...principal, ...meta };
      }
      const rawParams = (await routeCtx?.params) ?? {};
      let params: unknown = rawParams;
      if (contract.params) {
        const r = contract.params.safeParse(rawParams);
        if (!r.success) throw errors.notFound();
        params = r.data;
      }
      const query = contract.query ? parseWith(contract.query, queryObject(new URL(req.url)), "query") : undefined;
      const body = contract.body ? parseWith(contract.body, await readJson(req, contract.maxBodyBytes ?? DEFAULT_MAX_BODY), "body") : undefined;
      const form = contract.multipart ? await readForm(req, contract.multipart) : undefined;

      const result = await handler({ ctx, params, query, body, form, req } as HandlerInput<C>);
      if (result instanceof Response) {
        result.headers.set("x-request-id", requestId);
        return result;
      }
      if (result === undefined || contract.status === 204) return new Response(null, { status: 204, headers: { "x-request-id": requestId } });
      if (contract.response && env().NODE_ENV !== "production") {
        // Outside production every answer is checked against its contract, so drift fails tests instead of clients.
        const r = contract.response.safeParse(result);
        if (!r.success) throw new Error(`Response of ${contract.method} ${contract.path} breaks its contract: ${r.error.message}`);
      }
      return jsonResponse(result, contract.status ?? 200, { "x-request-id": requestId });
    } catch (e) {
      return errorResponse(e, requestId);
    }
  };
  return Object.assign(fn, { contract });
}
