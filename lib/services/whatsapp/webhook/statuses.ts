import { applyStatusOrKeep, type DeliveryStatus, type StatusUpdate } from "@/db/queries/messages";
import type { WhatsappAccountRow } from "@/db/queries/whatsapp-accounts";
import { emit } from "@/lib/events/emit";
import { log } from "@/lib/log";
import { GRAPH_CODES } from "@/lib/whatsapp/graph";
import type { WaStatus } from "@/lib/whatsapp/webhook-types";
import { providerTime } from "./map-message";

const STATUS: Record<string, DeliveryStatus> = { sent: "SENT", delivered: "DELIVERED", read: "READ", failed: "FAILED" };

/** Failures no retry can fix: outside the 24-hour window, not on WhatsApp, bad recipient, template errors (132xxx). */
export function isPermanentFailure(code: number) {
  return code === GRAPH_CODES.REENGAGEMENT || code === GRAPH_CODES.UNDELIVERABLE || code === 131051 || (code >= 132000 && code <= 132999);
}

/** Meta's status callback in our terms; null for kinds we do not track (e.g. "deleted"). */
export function toStatusUpdate(s: WaStatus): StatusUpdate | null {
  const status = STATUS[s.status];
  if (!status) return null;
  const update: StatusUpdate = { status, at: providerTime(s.timestamp) };
  if (s.pricing || s.conversation) update.pricing = { ...s.pricing, ...(s.conversation ? { conversation: s.conversation } : {}) };
  if (status === "FAILED") {
    const e = s.errors?.[0];
    const code = Number(e?.code ?? 0);
    update.error = {
      code,
      title: e?.title ?? "Failed",
      details: e?.error_data?.details ?? e?.message ?? null,
      permanent: isPermanentFailure(code),
    };
  }
  return update;
}

/** Applies status callbacks in the order Meta listed them; each one is idempotent and forward-only on its own. */
export async function applyStatuses(account: WhatsappAccountRow, statuses: WaStatus[]) {
  for (const s of statuses) {
    const update = toStatusUpdate(s);
    if (!update) {
      log.debug("whatsapp status ignored", { status: s.status, wamid: s.id });
      continue;
    }
    const { applied } = await applyStatusOrKeep(account.id, s.id, update);
    if (applied) emit("message.updated", { orgId: applied.orgId, conversationId: applied.conversationId, messageId: applied.id, status: applied.status });
  }
}
