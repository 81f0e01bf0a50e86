import { abandonSilentSessions } from "@/db/queries/bot-engine";

/** A bot session without a customer message for this long is ABANDONED. */
export const SESSION_IDLE_MS = 24 * 3600_000;

/**
 * Sessions are opened (and counted turn by turn) by the WhatsApp job, closed as ESCALATED by the hand-off and as
 * RESOLVED_CONFIRMED by an END intent; the hourly maintenance closes the silent ones here.
 */
export async function abandonIdleBotSessions(now = new Date()): Promise<number> {
  return abandonSilentSessions(new Date(now.getTime() - SESSION_IDLE_MS), now);
}
