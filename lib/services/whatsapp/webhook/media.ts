import { randomUUID } from "node:crypto";
import { insertStoredFile } from "@/db/queries/files";
import { findMessage, findMessageById, patchMessageMedia, type MessageRow } from "@/db/queries/messages";
import { findAccount } from "@/db/queries/whatsapp-accounts";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { emit } from "@/lib/events/emit";
import { enqueue, QUEUES } from "@/lib/jobs/boss";
import { log } from "@/lib/log";
import { removeObject } from "@/lib/services/files/store";
import { graphFor } from "@/lib/services/whatsapp/accounts-core";
import { storage } from "@/lib/storage";

/** The first run plus pg-boss's retries of the "whatsapp.media" queue. */
export const MEDIA_MAX_ATTEMPTS = QUEUES["whatsapp.media"].retryLimit + 1;

const mediaUpdated = (m: MessageRow) => emit("message.updated", { orgId: m.orgId, conversationId: m.conversationId, messageId: m.id, status: m.status });

/** Stores bytes for an org outside any request (jobs have no Ctx); same layout as storeFile. */
async function storeOrgFile(orgId: number, input: { buffer: Buffer; contentType: string; originalName: string | null; purpose: string }) {
  const storageKey = `${orgId}/${input.purpose}/${randomUUID()}`;
  await storage().put(storageKey, input.buffer, input.contentType);
  try {
    const { contentType, originalName, purpose } = input;
    return await insertStoredFile({ orgId, uploadedById: null, storageKey, contentType, originalName, purpose, size: input.buffer.length });
  } catch (e) {
    await removeObject(storageKey);
    throw e;
  }
}

async function fetchAndStore(message: MessageRow) {
  const media = message.media!;
  const account = message.whatsappAccountId ? await findAccount(message.orgId, message.whatsappAccountId) : undefined;
  if (!account) throw new Error("The WhatsApp number of this message no longer exists");
  const client = graphFor(account);
  // Meta's media URLs live for minutes, so the lookup is repeated on every attempt.
  const info = await client.mediaInfo(media.waMediaId!);
  const buffer = await client.downloadMedia(info.url);
  const contentType = info.mime_type || media.mimeType || "application/octet-stream";
  const file = await storeOrgFile(message.orgId, { buffer, contentType, originalName: media.filename ?? null, purpose: "inbound-media" });
  return { file, contentType };
}

/**
 * The worker of the "whatsapp.media" queue: Graph media lookup → download → our storage. A failure is rethrown so the
 * queue retries with backoff; the last attempt marks the media FAILED instead (the inbox offers a manual retry).
 */
export async function downloadInboundMedia(messageId: number) {
  const message = await findMessageById(messageId);
  if (!message?.media?.waMediaId || message.direction !== "INBOUND" || message.media.status === "READY") return;
  const attempts = (message.media.attempts ?? 0) + 1;
  try {
    const { file, contentType } = await fetchAndStore(message);
    const updated = await patchMessageMedia(message.id, { fileId: file.id, size: file.size, mimeType: contentType, status: "READY", attempts, error: null });
    mediaUpdated(updated);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const last = attempts >= MEDIA_MAX_ATTEMPTS;
    const updated = await patchMessageMedia(message.id, { attempts, error: reason, ...(last ? { status: "FAILED" } : {}) });
    if (!last) throw error;
    log.warn("inbound media download gave up", { messageId, attempts, error: reason });
    mediaUpdated(updated);
  }
}

/** POST /messages/{id}/retry-media: downloads the media of a customer's message again (after it failed, or if missing). */
export async function retryInboundMedia(ctx: Ctx, messageId: number) {
  const message = await findMessage(ctx.orgId, messageId);
  if (!message) throw errors.notFound("Message");
  if (message.direction !== "INBOUND" || !message.media?.waMediaId) {
    throw errors.rule("MEDIA_NOT_APPLICABLE", "Only media sent by a customer can be downloaded again");
  }
  if (message.media.status === "READY") return { id: String(message.id), mediaStatus: "READY" as const };
  const updated = await patchMessageMedia(message.id, { status: "PENDING", attempts: 0, error: null });
  await enqueue("whatsapp.media", { messageId: message.id });
  mediaUpdated(updated);
  return { id: String(message.id), mediaStatus: "PENDING" as const };
}
