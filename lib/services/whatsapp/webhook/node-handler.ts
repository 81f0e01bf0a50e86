import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { errorResponse } from "@/lib/api/route";
import { receiveWebhook, WEBHOOK_MAX_BYTES, webhookTooLarge } from "./receive";

export const WEBHOOK_PATH = "/api/webhooks/whatsapp";

/** Meta's deliveries, straight from node:http: the production server answers them without Next's router. */
export const isWebhookPost = (req: IncomingMessage) => req.method === "POST" && (req.url ?? "").split("?")[0] === WEBHOOK_PATH;

function readBody(req: IncomingMessage, max = WEBHOOK_MAX_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"] ?? 0) > max) {
      req.resume();
      return reject(webhookTooLarge(max));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) return void chunks.push(chunk);
      // Stop keeping the body but let it drain, so the 413 still reaches the sender.
      req.off("data", onData);
      req.resume();
      reject(webhookTooLarge(max));
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/**
 * POST /api/webhooks/whatsapp for the production server (scripts/web.ts): the same receive path as the route
 * (app/api/webhooks/whatsapp/route.ts, which serves `next dev` and other hosts) minus about a millisecond of
 * framework work per delivery — this endpoint takes every message of every organization.
 */
export async function handleWebhookPost(req: IncomingMessage, res: ServerResponse) {
  try {
    const raw = await readBody(req);
    const signature = req.headers["x-hub-signature-256"];
    const result = await receiveWebhook(raw, typeof signature === "string" ? signature : null);
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(result));
  } catch (error) {
    const response = errorResponse(error, randomUUID());
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()));
  }
}
