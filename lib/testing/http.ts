import type { RouteHandler } from "@/lib/api/route";

export type CallOptions = {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** Raw body text, e.g. malformed JSON. */
  raw?: string;
  form?: FormData;
  token?: string;
  cookie?: string;
  headers?: Record<string, string>;
  ip?: string;
};

/** Calls a route handler the way Next.js does, with a real Request. */
export async function call(handler: RouteHandler, opts: CallOptions = {}) {
  const c = handler.contract;
  const path = c.path.replace(/\{(\w+)\}/g, (_, k) => encodeURIComponent(opts.params?.[k] ?? "0"));
  const url = new URL(`http://localhost:3000/api/v1${path}`);
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = { "x-forwarded-for": opts.ip ?? "10.0.0.1", ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.cookie) headers.cookie = opts.cookie;
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.raw !== undefined || opts.body !== undefined) {
    body = opts.raw ?? JSON.stringify(opts.body);
    headers["content-type"] ??= "application/json";
  }
  const res = await handler(new Request(url, { method: c.method, headers, body }), { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  let json: any = undefined; // eslint-disable-line @typescript-eslint/no-explicit-any
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}
