import { randomUUID } from "node:crypto";
import { errors } from "@/lib/api/errors";
import { errorResponse, jsonResponse } from "@/lib/api/route";
import { readRawBody, receiveWebhook, verifySubscription } from "@/lib/services/whatsapp/webhook/receive";

/**
 * Meta's WhatsApp webhook. Not part of the /api/v1 contract: Meta authenticates with the subscription verify token
 * (GET) and the X-Hub-Signature-256 of the body (POST).
 */
export async function GET(req: Request) {
  const challenge = verifySubscription(new URL(req.url).searchParams);
  if (challenge === null) return errorResponse(errors.forbidden("Verification token mismatch"), randomUUID());
  return new Response(challenge, { status: 200, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

export async function POST(req: Request) {
  const requestId = randomUUID();
  try {
    const raw = await readRawBody(req);
    return jsonResponse(await receiveWebhook(raw, req.headers.get("x-hub-signature-256")));
  } catch (e) {
    return errorResponse(e, requestId);
  }
}
