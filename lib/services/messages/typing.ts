import type { Ctx } from "@/lib/api/context";
import { log } from "@/lib/log";
import { loadVisibleConversation } from "@/lib/services/conversations/access";
import { markLatestInboundRead } from "./mark-read";

/** WhatsApp shows "typing…" for up to 25 s: one call per conversation every 5 s keeps it on without flooding Meta. */
export const TYPING_INTERVAL_MS = 5_000;
const lastSent = new Map<number, number>();

function claimSlot(conversationId: number, now: number): boolean {
  const last = lastSent.get(conversationId);
  if (last !== undefined && now - last < TYPING_INTERVAL_MS) return false;
  if (lastSent.size > 10_000) {
    for (const [id, at] of lastSent) if (now - at >= TYPING_INTERVAL_MS) lastSent.delete(id);
  }
  lastSent.set(conversationId, now);
  return true;
}

/** Test hook: forget the per-conversation intervals. */
export const resetTypingSlots = () => lastSent.clear();

/**
 * The customer sees that an agent is typing. Meta's typing indicator rides on the read receipt of the customer's
 * last message. Best effort: Graph errors (and a conversation without a customer message) never fail the request.
 */
export async function sendTypingIndicator(ctx: Ctx, conversationId: number): Promise<void> {
  await loadVisibleConversation(ctx, conversationId);
  if (!claimSlot(conversationId, Date.now())) return;
  try {
    await markLatestInboundRead(ctx.orgId, conversationId, { typing: true });
  } catch (e) {
    log.warn("typing indicator failed", { conversationId, error: e });
  }
}
