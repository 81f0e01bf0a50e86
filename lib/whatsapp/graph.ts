import { env } from "@/lib/env";

/**
 * A small client of Meta's Graph API (WhatsApp Cloud API). The same code talks to Meta, to the built-in sandbox
 * simulator and to the tests' Graph double: only the base URL differs.
 */

export class GraphError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: number,
    readonly subcode?: number,
    readonly details?: string,
    readonly type?: string,
  ) {
    super(message);
    this.name = "GraphError";
  }
}

/** Meta's error codes that decide what we do (https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes). */
export const GRAPH_CODES = {
  RATE_LIMIT: 130429, // cloud API throughput reached: back off and retry
  PAIR_RATE_LIMIT: 131056, // too many messages to the same customer: back off and retry
  REENGAGEMENT: 131047, // more than 24 h since the customer wrote: needs a template, never retried
  UNDELIVERABLE: 131026, // not on WhatsApp, or cannot receive
  TOKEN_EXPIRED: 190,
  PERMISSION: 200,
  PERMISSION_DENIED: 10,
  TEMPLATE_PARAMS: 132000,
} as const;

export const isRetryable = (code: number) => code === GRAPH_CODES.RATE_LIMIT || code === GRAPH_CODES.PAIR_RATE_LIMIT || code === 131000 || code === 2;
export const isAuthProblem = (code: number) => code === GRAPH_CODES.TOKEN_EXPIRED || code === GRAPH_CODES.PERMISSION || code === GRAPH_CODES.PERMISSION_DENIED;

export type GraphAccount = { phoneNumberId: string; wabaId: string; accessToken: string; isSandbox: boolean };

export function graphBaseUrl(isSandbox: boolean): string {
  const e = env();
  const root = isSandbox ? (e.SANDBOX_GRAPH_URL ?? `${e.APP_URL}/api/sandbox/graph`) : e.META_GRAPH_URL;
  return `${root.replace(/\/$/, "")}/${e.META_GRAPH_VERSION}`;
}

async function parse(res: Response) {
  const text = await res.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = { raw: text };
  }
  if (!res.ok || body.error) {
    const e = (body.error ?? {}) as { message?: string; code?: number; error_subcode?: number; type?: string; error_data?: { details?: string } };
    throw new GraphError(e.message ?? `Graph API answered ${res.status}`, res.status, Number(e.code ?? res.status), e.error_subcode, e.error_data?.details, e.type);
  }
  return body;
}

export type SendResult = { wamid: string; waId?: string };

export function graph(account: GraphAccount) {
  const base = graphBaseUrl(account.isSandbox);
  const auth = { authorization: `Bearer ${account.accessToken}` };
  const json = async (method: string, path: string, body?: unknown) =>
    parse(
      await fetch(`${base}${path}`, {
        method,
        headers: { ...auth, ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(20_000),
      }),
    );

  return {
    /** POST /{phone-number-id}/messages with a Cloud API message object (text, image, template, interactive, reaction…). */
    async sendMessage(message: Record<string, unknown>): Promise<SendResult> {
      const out = (await json("POST", `/${account.phoneNumberId}/messages`, { messaging_product: "whatsapp", recipient_type: "individual", ...message })) as {
        messages?: { id: string }[];
        contacts?: { wa_id: string }[];
      };
      const wamid = out.messages?.[0]?.id;
      if (!wamid) throw new GraphError("Graph API returned no message id", 502, 0);
      return { wamid, waId: out.contacts?.[0]?.wa_id };
    },
    /** Marks an inbound message read (blue ticks), optionally showing the typing indicator to the customer. */
    async markRead(wamid: string, typing = false) {
      await json("POST", `/${account.phoneNumberId}/messages`, {
        messaging_product: "whatsapp",
        status: "read",
        message_id: wamid,
        ...(typing ? { typing_indicator: { type: "text" } } : {}),
      });
    },
    async uploadMedia(data: Buffer, mimeType: string, filename: string): Promise<string> {
      const form = new FormData();
      form.set("messaging_product", "whatsapp");
      form.set("type", mimeType);
      form.set("file", new Blob([new Uint8Array(data)], { type: mimeType }), filename);
      const out = (await parse(await fetch(`${base}/${account.phoneNumberId}/media`, { method: "POST", headers: auth, body: form, signal: AbortSignal.timeout(60_000) }))) as { id: string };
      return out.id;
    },
    async mediaInfo(mediaId: string) {
      return (await json("GET", `/${mediaId}`)) as { url: string; mime_type: string; sha256?: string; file_size?: number };
    },
    /** Media URLs need the same bearer token; they are short-lived, so fetch them right after mediaInfo. */
    async downloadMedia(url: string): Promise<Buffer> {
      const res = await fetch(url, { headers: auth, signal: AbortSignal.timeout(60_000) });
      if (!res.ok) throw new GraphError(`Media download answered ${res.status}`, res.status, res.status);
      return Buffer.from(await res.arrayBuffer());
    },
    async phoneNumber() {
      return (await json(
        "GET",
        `/${account.phoneNumberId}?fields=display_phone_number,verified_name,quality_rating,messaging_limit_tier,throughput,name_status,code_verification_status,status,platform_type`,
      )) as Record<string, unknown>;
    },
    async listTemplates(after?: string) {
      const q = new URLSearchParams({ fields: "id,name,language,status,category,components,quality_score,rejected_reason", limit: "100" });
      if (after) q.set("after", after);
      return (await json("GET", `/${account.wabaId}/message_templates?${q}`)) as {
        data: Record<string, unknown>[];
        paging?: { cursors?: { after?: string }; next?: string };
      };
    },
    async createTemplate(t: { name: string; language: string; category: string; components: unknown[] }) {
      return (await json("POST", `/${account.wabaId}/message_templates`, t)) as { id: string; status: string; category: string };
    },
    async editTemplate(metaTemplateId: string, body: { components: unknown[]; category?: string }) {
      return (await json("POST", `/${metaTemplateId}`, body)) as { success: boolean };
    },
    async deleteTemplate(name: string, metaTemplateId?: string) {
      const q = new URLSearchParams({ name });
      if (metaTemplateId) q.set("hsm_id", metaTemplateId);
      return (await json("DELETE", `/${account.wabaId}/message_templates?${q}`)) as { success: boolean };
    },
  };
}

export type GraphClient = ReturnType<typeof graph>;

/** Resumable Upload API: returns the handle Meta wants in template headers ("header_handle"). */
export async function resumableUpload(opts: { appId: string; accessToken: string; isSandbox: boolean; data: Buffer; mimeType: string; filename: string }) {
  const base = graphBaseUrl(opts.isSandbox);
  const q = new URLSearchParams({ file_name: opts.filename, file_length: String(opts.data.length), file_type: opts.mimeType });
  const session = (await parse(
    await fetch(`${base}/${opts.appId}/uploads?${q}`, { method: "POST", headers: { authorization: `Bearer ${opts.accessToken}` } }),
  )) as { id: string };
  const done = (await parse(
    await fetch(`${base}/${session.id}`, {
      method: "POST",
      headers: { authorization: `OAuth ${opts.accessToken}`, file_offset: "0" },
      body: new Uint8Array(opts.data),
    }),
  )) as { h: string };
  return done.h;
}

/** Embedded Signup: exchanges the code from Meta's popup for a business token. */
export async function exchangeSignupCode(code: string) {
  const e = env();
  if (!e.META_APP_ID) throw new GraphError("META_APP_ID is not configured", 503, 0);
  const q = new URLSearchParams({ client_id: e.META_APP_ID, client_secret: e.META_APP_SECRET, code });
  const out = (await parse(await fetch(`${graphBaseUrl(false)}/oauth/access_token?${q}`))) as { access_token: string };
  return out.access_token;
}
