import type { WaWebhookPayload } from "@/lib/whatsapp/webhook-types";
import type { Delays, Failure, SimContext } from "./context";
import { Deliverer, postTo, type DeliverHook } from "./delivery";
import { badToken, errorResponse, fail, invalidParam, json, readBody, SimError, tokenOf, unknownObject } from "./http";
import { finishUpload, mediaBytes, mediaInfo, startUpload, uploadMedia, uploadStatus } from "./media";
import { postMessages } from "./messages";
import type { SimNumber } from "./payloads";
import { SimState, type SimRequest } from "./state";
import { createTemplate, deleteTemplates, editTemplate, listTemplates, templateView } from "./templates";

/**
 * The Graph API simulator: a `(req: Request) => Promise<Response>` answering the Cloud API endpoints the product uses
 * with Meta's shapes and error envelope, and calling a webhook with signed callbacks (statuses, template reviews).
 * Served by the app at /api/sandbox/graph (sandbox numbers) and by startGraphSimulator() in tests (server.ts).
 */

/** What a call touches, so `authorize` can check that the token owns it. */
export type AuthScope = { phoneNumberId?: string; wabaId?: string };
export type AuthResult = "ok" | "invalid_token" | "unknown_object";

export type GraphSimulatorOptions = {
  /** Signs every delivery (X-Hub-Signature-256), like the Meta app secret. */
  appSecret: string;
  /** Receives each signed delivery; or give webhookUrl to have them POSTed there. */
  onDeliver?: DeliverHook;
  webhookUrl?: string;
  delays?: Partial<Delays>;
  /** Path prefix in front of /{version}/… (the app mounts the simulator at /api/sandbox/graph). */
  basePath?: string;
  /** Public root of the simulator, for media URLs; default: the request's origin + basePath. */
  publicUrl?: string;
  /** Default: any non-empty token may do anything. */
  authorize?: (token: string, scope: AuthScope) => AuthResult | Promise<AuthResult>;
  /** The display number and WABA of a phone number id, for webhook metadata. */
  number?: (phoneNumberId: string) => Partial<SimNumber> | undefined | Promise<Partial<SimNumber> | undefined>;
  undeliverablePrefix?: string;
  /** Backoff between delivery attempts (ms); a delivery is dropped after the last one. */
  retryDelays?: number[];
  onDeliveryError?: (error: unknown) => void;
};

export type GraphSimulator = ReturnType<typeof createGraphSimulator>;

export const DEFAULT_DELAYS: Delays = { sent: 300, delivered: 700, read: 1500, template: 3000 };
const isVersion = (s: string) => /^v\d+(\.\d+)?$/.test(s);

export function createGraphSimulator(opts: GraphSimulatorOptions) {
  const state = new SimState();
  const hook = opts.onDeliver ?? (opts.webhookUrl ? postTo(opts.webhookUrl) : () => {});
  const deliverer = new Deliverer(opts.appSecret, hook, opts.retryDelays, opts.onDeliveryError);
  const delays = { ...DEFAULT_DELAYS, ...opts.delays };
  const failures: Failure[] = [];
  const authorize = opts.authorize ?? (() => "ok" as const);

  const fill = (phoneNumberId: string, known?: Partial<SimNumber>): SimNumber => ({
    phoneNumberId,
    wabaId: known?.wabaId ?? `sim-waba-${phoneNumberId}`,
    displayPhoneNumber: known?.displayPhoneNumber ?? "15550000000",
    verifiedName: known?.verifiedName,
  });
  const number = async (phoneNumberId: string) => fill(phoneNumberId, await opts.number?.(phoneNumberId));

  async function phoneNumberView(id: string, url: URL) {
    const n = await number(id);
    const all: Record<string, unknown> = {
      verified_name: n.verifiedName ?? "Sandbox",
      display_phone_number: n.displayPhoneNumber,
      quality_rating: "GREEN",
      messaging_limit_tier: "TIER_UNLIMITED",
      throughput: { level: "STANDARD" },
      name_status: "APPROVED",
      code_verification_status: "VERIFIED",
      status: "CONNECTED",
      platform_type: "CLOUD_API",
    };
    const fields = url.searchParams.get("fields")?.split(",").map((f) => f.trim());
    return json({ ...(fields ? Object.fromEntries(Object.entries(all).filter(([k]) => fields.includes(k))) : all), id });
  }

  function takeFailure(method: string, path: string, body: unknown) {
    const i = failures.findIndex((f) => (f.match ? f.match({ method, path, body }) : method === "POST" && /\/messages$/.test(path) && (body as { status?: unknown })?.status !== "read"));
    if (i < 0) return undefined;
    const f = failures[i];
    f.times = (f.times ?? 1) - 1;
    if (f.times <= 0) failures.splice(i, 1);
    return f;
  }

  async function dispatch(req: Request, url: URL, seg: string[], body: Record<string, unknown> | undefined, ctx: SimContext): Promise<Response> {
    const method = req.method.toUpperCase();
    const [id, edge] = seg;
    if (id === "oauth" && edge === "access_token" && method === "GET") {
      const q = url.searchParams;
      if (!q.get("code")) throw invalidParam("code is required", "(#100) The parameter code is required");
      if (q.get("client_secret") !== opts.appSecret) throw fail(1, "Error validating client secret.", { status: 400 });
      return json({ access_token: `SIM-${q.get("code")}-token`, token_type: "bearer" });
    }

    const token = tokenOf(req, url);
    if (!token) throw badToken();
    const allow = async (scope: AuthScope, objectId: string) => {
      const r = await authorize(token, scope);
      if (r === "invalid_token") throw badToken();
      if (r === "unknown_object") throw unknownObject(objectId, method);
    };

    if (id === "lookaside" && edge && method === "GET") {
      const media = state.media.get(edge);
      if (!media) return new Response("Not found", { status: 404 });
      await allow({ phoneNumberId: media.ownerPhoneNumberId }, edge);
      return mediaBytes(media);
    }
    if (!id || seg.length > 2) throw unknownObject(seg.join("/"), method);

    if (edge === "messages" && method === "POST") {
      await allow({ phoneNumberId: id }, id);
      return postMessages(ctx, id, body ?? {});
    }
    if (edge === "media" && method === "POST") {
      await allow({ phoneNumberId: id }, id);
      return uploadMedia(ctx, id, req);
    }
    if (edge === "message_templates") {
      await allow({ wabaId: id }, id);
      if (method === "GET") return listTemplates(ctx, id, url);
      if (method === "POST") return createTemplate(ctx, id, body ?? {});
      if (method === "DELETE") return deleteTemplates(ctx, id, url);
    }
    if (edge === "uploads" && method === "POST") {
      await allow({}, id);
      return startUpload(ctx, url);
    }
    if (edge) throw unknownObject(`${id}/${edge}`, method);

    const upload = state.uploads.get(id);
    if (upload) {
      await allow({}, id);
      return method === "POST" ? finishUpload(ctx, id, req) : uploadStatus(ctx, id);
    }
    const media = state.media.get(id);
    if (media) {
      await allow({ phoneNumberId: media.ownerPhoneNumberId }, id);
      if (method === "GET") return mediaInfo(ctx, media);
      if (method === "DELETE") return json({ success: state.deleteMedia(id) });
    }
    const template = state.templates.get(id);
    if (template) {
      await allow({ wabaId: template.wabaId }, id);
      if (method === "GET") return templateView(template, url);
      if (method === "POST") return editTemplate(ctx, template, body ?? {});
    }
    if (method === "GET" && !media && !template) {
      await allow({ phoneNumberId: id }, id);
      return phoneNumberView(id, url);
    }
    throw unknownObject(id, method);
  }

  async function handle(req: Request): Promise<Response> {
    const url = new URL(req.url);
    let path = url.pathname;
    if (opts.basePath && path.startsWith(opts.basePath)) path = path.slice(opts.basePath.length);
    const seg = path.split("/").filter(Boolean).map(decodeURIComponent);
    if (seg.length && isVersion(seg[0])) seg.shift();
    const method = req.method.toUpperCase();
    const type = req.headers.get("content-type") ?? "";
    const textual = method !== "GET" && (!type || type.includes("json") || type.includes("x-www-form-urlencoded"));
    const record: SimRequest = { method, path: `/${seg.join("/")}`, query: Object.fromEntries(url.searchParams), body: undefined, status: 0, at: Date.now() };
    let res: Response;
    try {
      const isUpload = seg.length === 1 && state.uploads.has(seg[0]);
      const body = textual && !isUpload ? await readBody(req) : undefined;
      record.body = body ?? (type.startsWith("multipart/") ? { multipart: true } : undefined);
      const ctx: SimContext = { state, deliverer, delays, undeliverablePrefix: opts.undeliverablePrefix ?? "999", publicUrl: opts.publicUrl ?? `${url.origin}${opts.basePath ?? ""}`, number };
      const injected = takeFailure(method, record.path, body);
      res = injected ? errorResponse(injected) : await dispatch(req, url, seg, body, ctx);
    } catch (e) {
      if (!(e instanceof SimError)) throw e;
      res = errorResponse(e.spec);
    }
    record.status = res.status;
    state.record(record);
    return res;
  }

  return {
    handle,
    state,
    /** Every call, oldest first: {method, path (after the version), query, body, status, at}. */
    requests: state.requests,
    /** Signs and delivers any payload now (e.g. a customer's message), with the same retries as the callbacks. */
    deliver: (payload: WaWebhookPayload, opts?: { retries?: number }) => deliverer.deliver(payload, opts?.retries),
    /** The next matching call(s) answer this Graph error instead (default: the next send). */
    failNext: (f: Failure) => void failures.push({ ...f }),
    /** Resolves when every scheduled callback has been delivered. */
    idle: () => deliverer.idle(),
    number,
    close: () => deliverer.close(),
  };
}
