/**
 * startGraphSimulator — the Graph API double of the tests: the same simulator the sandbox number talks to, served by
 * a node:http server on 127.0.0.1, so the product's real Graph client (lib/whatsapp/graph.ts) runs against it.
 *
 *   const sim = await startGraphSimulator({ onDeliver: toHandler(webhookPOST) });   // or { webhookUrl }
 *   process.env.META_GRAPH_URL = sim.url;   // real numbers; SANDBOX_GRAPH_URL = sim.url for sandbox numbers
 *   resetEnvCache();                        // (lib/env.ts) so graphBaseUrl() sees it
 *   ...
 *   await sim.close();
 *
 * Options (all optional):
 *   port: 0 (a free port)            appSecret: signs deliveries (default: env META_APP_SECRET)
 *   onDeliver(payload, signature, raw) | webhookUrl: where signed callbacks go (default: nowhere, still recorded)
 *   delays: {sent, delivered, read, template} ms — default 20/40/60/50 here (the app's sandbox uses 300/700/1500/3000)
 *   authorize(token, {phoneNumberId?, wabaId?}) → "ok" | "invalid_token" | "unknown_object" (default: any token is ok)
 *   number(phoneNumberId) → {wabaId, displayPhoneNumber, verifiedName} for webhook metadata and GET /{phone-number-id}
 *   undeliverablePrefix: recipients starting with it are "not on WhatsApp" (default "999": accepted, then a failed
 *     status with 131026 "Message undeliverable")
 *
 * Returns:
 *   url                 http://127.0.0.1:PORT (the Graph root; the client adds /v21.0)
 *   requests            every call: {method, path: "/{id}/messages", query, body (parsed JSON), status, at}
 *   state               .sends (accepted sends: {wamid, to, waId, type, message, outcome}), .reads (mark-read calls by
 *                       wamid, with typing), .media, .templates, .uploads
 *   deliver(payload)    signs and delivers any webhook payload now (build them with ./payloads: inboundPayload,
 *                       statusPayload, templateStatusPayload)
 *   failNext({code, message?, status?, subcode?, details?, times?, match?})
 *                       the next matching call(s) (default: the next send) answer that Graph error, e.g.
 *                       {code: 130429} rate limit, {code: 131047} re-engagement, {code: 190} expired token
 *   idle()              resolves when every scheduled callback has been delivered (await it instead of sleeping)
 *   close()             stops the server and cancels pending callbacks
 *
 * Endpoints: POST /{phone}/messages (send, or mark read with status:"read"), POST /{phone}/media, GET|DELETE
 * /{media-id}, GET /lookaside/{media-id} (the media URL), GET /{phone} (health fields), GET|POST|DELETE
 * /{waba}/message_templates, GET|POST /{template-id}, POST /{app-id}/uploads, POST|GET /{upload-id},
 * GET /oauth/access_token. New templates are PENDING and then APPROVED by webhook (REJECTED when the name contains
 * "reject"). A missing bearer token answers Meta's 190.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createGraphSimulator, type GraphSimulatorOptions } from "./core";

export type StartOptions = Partial<GraphSimulatorOptions> & { port?: number };
export type GraphSimulatorServer = Awaited<ReturnType<typeof startGraphSimulator>>;

const TEST_DELAYS = { sent: 20, delivered: 40, read: 60, template: 50 };

async function toRequest(req: http.IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
  const hasBody = req.method !== "GET" && req.method !== "HEAD" && chunks.length > 0;
  return new Request(new URL(req.url ?? "/", origin), { method: req.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined });
}

/** Serves a fetch-style handler on 127.0.0.1 (port 0: a free one). Also how tests put route handlers on a real port. */
export async function serveFetch(handle: (req: Request) => Promise<Response>, port = 0) {
  let origin = "http://127.0.0.1";
  const server = http.createServer((req, res) => {
    void (async () => {
      try {
        const out = await handle(await toRequest(req, origin));
        res.writeHead(out.status, Object.fromEntries(out.headers));
        res.end(Buffer.from(await out.arrayBuffer()));
      } catch (e) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: String(e), type: "SimulatorError", code: 1 } }));
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export async function startGraphSimulator(opts: StartOptions = {}) {
  const appSecret = opts.appSecret ?? process.env.META_APP_SECRET;
  if (!appSecret) throw new Error("startGraphSimulator needs appSecret (or META_APP_SECRET)");
  const sim = createGraphSimulator({ ...opts, appSecret, delays: { ...TEST_DELAYS, ...opts.delays } });
  const server = await serveFetch(sim.handle, opts.port);
  return {
    url: server.url,
    requests: sim.requests,
    state: sim.state,
    deliver: sim.deliver,
    failNext: sim.failNext,
    idle: sim.idle,
    handle: sim.handle,
    async close() {
      sim.close();
      await server.close();
    },
  };
}
