import { getDb } from "@/db/client";
import { findStoredFile } from "@/db/queries/files";
import { applyPendingStatuses, patchMessageMedia } from "@/db/queries/messages";
import { findMessageForDelivery, markAccepted, updatePending, type MessageRow } from "@/db/queries/outbound";
import { findAccount, updateAccount, type WhatsappAccountRow } from "@/db/queries/whatsapp-accounts";
import { emit } from "@/lib/events/emit";
import { QUEUES } from "@/lib/jobs/boss";
import { log } from "@/lib/log";
import { defaultSendingAccount, graphFor, raiseAlert } from "@/lib/services/whatsapp/accounts-core";
import { isPermanentFailure } from "@/lib/services/whatsapp/webhook/statuses";
import { storage } from "@/lib/storage";
import { GRAPH_CODES, GraphError, isAuthProblem, isRetryable } from "@/lib/whatsapp/graph";
import { buildPayload } from "./build-payload";
import type { HeaderMedia } from "./template-payload";
import { awaitSendSlot } from "./throughput";

/**
 * The "whatsapp.send" worker: one job per message. Meta's answer decides what happens:
 * - accepted → SENT with the wamid (then any status that beat us here is applied);
 * - 130429 / 131056 (and Meta's transient 131000 / 2, and network failures) → the job throws and pg-boss retries it
 *   with backoff; when the retries are spent → FAILED, retryable by hand;
 * - 131047 (outside the window), 131026 (not on WhatsApp), 132xxx (template) → FAILED, permanent;
 * - token / permission errors → FAILED, the number goes to ERROR and its admins get an alert;
 * - anything else → FAILED with Meta's code, title and details.
 */

export const SEND_RETRY_LIMIT = QUEUES["whatsapp.send"].retryLimit;

type Failure = { code: number | null; title: string; details?: string | null; permanent: boolean };

class MediaMissing extends Error {}

const WINDOW_TITLE = "More than 24 hours have passed since the customer last wrote: only a template can reopen the conversation";

function changed(m: Pick<MessageRow, "id" | "orgId" | "conversationId">, status: string) {
  emit("message.updated", { orgId: m.orgId, conversationId: m.conversationId, messageId: m.id, status });
}

export async function deliverMessage(messageId: number): Promise<void> {
  const row = await findMessageForDelivery(messageId);
  // Sent already, discarded, or gone: a duplicate or late job has nothing to do.
  if (!row || row.message.direction !== "OUTBOUND" || row.message.status !== "PENDING" || row.message.discardedAt || row.message.providerMessageId) return;
  const m = row.message;
  const account = m.whatsappAccountId ? await findAccount(m.orgId, m.whatsappAccountId) : await defaultSendingAccount(m.orgId);
  if (!account) return fail(m, { code: null, title: "The WhatsApp number of this message was removed", permanent: false });
  try {
    await awaitSendSlot(account);
    const payload = buildPayload(m, row.contact.waId, await mediaIdFor(account, m));
    const { wamid } = await graphFor(account).sendMessage(payload);
    await accepted(m, account.id, wamid);
  } catch (e) {
    await failure(m, account, e);
  }
}

/** Meta's media id for the message's file (or template header), uploading our copy once and remembering the id. */
async function mediaIdFor(account: WhatsappAccountRow, m: MessageRow): Promise<string | undefined> {
  const header = (m.content as { headerMedia?: HeaderMedia } | null)?.headerMedia;
  const needsUpload = m.type === "TEMPLATE" ? Boolean(header && !header.link) : ["IMAGE", "VIDEO", "AUDIO", "DOCUMENT", "STICKER"].includes(m.type);
  if (!needsUpload) return undefined;
  if (m.media?.waMediaId) return m.media.waMediaId;
  const file = m.media?.fileId ? await findStoredFile(m.orgId, m.media.fileId) : undefined;
  const bytes = file ? await storage().get(file.storageKey) : null;
  if (!file || !bytes) throw new MediaMissing("The media file of this message is no longer stored");
  const id = await graphFor(account).uploadMedia(bytes, file.contentType, m.media?.filename ?? file.originalName ?? "file");
  await patchMessageMedia(m.id, { waMediaId: id });
  return id;
}

async function accepted(m: MessageRow, accountId: number, wamid: string) {
  const status = await getDb().transaction(async (tx) => {
    const row = await markAccepted(m.id, accountId, wamid, new Date(), tx);
    if (!row) return undefined;
    // A status callback may have arrived before this commit: it was kept aside and applies now.
    const applied = await applyPendingStatuses(tx, accountId, wamid);
    return applied?.status ?? row.status;
  });
  if (status) changed(m, status);
}

async function fail(m: MessageRow, f: Failure) {
  const row = await updatePending(m.id, {
    status: "FAILED",
    failedAt: new Date(),
    errorCode: f.code,
    errorTitle: f.title.slice(0, 500),
    errorDetails: f.details?.slice(0, 2000) ?? null,
    permanentFailure: f.permanent,
  });
  if (row) changed(m, "FAILED");
}

/** Transient: record the attempt and throw so pg-boss retries with backoff; once the retries are spent, FAILED. */
async function retryOrFail(m: MessageRow, f: Failure, error: unknown) {
  if (m.retryCount >= SEND_RETRY_LIMIT) return fail(m, f);
  const row = await updatePending(m.id, { retryCount: m.retryCount + 1, errorCode: f.code, errorTitle: f.title.slice(0, 500), errorDetails: f.details ?? null });
  if (row) changed(m, "PENDING");
  throw error;
}

const isNetworkError = (e: unknown) =>
  e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError" || (e instanceof TypeError && /fetch failed/i.test(e.message)));

async function failure(m: MessageRow, account: WhatsappAccountRow, e: unknown) {
  if (e instanceof GraphError) {
    const f: Failure = { code: e.code, title: e.message, details: e.details ?? null, permanent: isPermanentFailure(e.code) };
    if (isRetryable(e.code)) return retryOrFail(m, f, e);
    if (e.code === GRAPH_CODES.REENGAGEMENT) return fail(m, { ...f, title: WINDOW_TITLE, details: [e.message, e.details].filter(Boolean).join(" — ") });
    if (isAuthProblem(e.code)) {
      await accountProblem(account, e);
      return fail(m, { ...f, permanent: false });
    }
    return fail(m, f);
  }
  if (isNetworkError(e)) return retryOrFail(m, { code: null, title: "Could not reach the WhatsApp API", details: (e as Error).message, permanent: false }, e);
  if (e instanceof MediaMissing) return fail(m, { code: null, title: e.message, permanent: true });
  log.error("whatsapp send failed unexpectedly", { messageId: m.id, error: e });
  return fail(m, { code: null, title: "Unexpected error while sending", details: e instanceof Error ? e.message : String(e), permanent: false });
}

/** A dead token or a revoked permission stops every send of the number: it goes to ERROR and the admins are told once. */
async function accountProblem(account: WhatsappAccountRow, e: GraphError) {
  const tokenDead = e.code === GRAPH_CODES.TOKEN_EXPIRED;
  await updateAccount(account.orgId, account.id, { status: "ERROR", lastError: e.message.slice(0, 500) });
  emit("whatsapp.account_updated", { orgId: account.orgId, accountId: account.id });
  await raiseAlert(account.orgId, {
    accountId: account.id,
    type: tokenDead ? "TOKEN_INVALID" : "PERMISSION_DENIED",
    severity: "critical",
    title: tokenDead ? "WhatsApp access token is no longer valid" : "WhatsApp permission denied",
    message: `${account.displayPhoneNumber ?? account.phoneNumberId}: ${e.message}. Messages from this number fail until ${tokenDead ? "the token is replaced" : "the permission is granted again"}.`,
    metadata: { code: e.code, subcode: e.subcode ?? null },
  });
}
