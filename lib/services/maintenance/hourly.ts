import { purgePendingStatuses } from "@/db/queries/messages";
import { log } from "@/lib/log";
import { abandonIdleBotSessions } from "@/lib/services/bot/engine/sessions";

/** A status still unmatched after this long belongs to no message of ours. */
export const PENDING_STATUS_TTL_MS = 7 * 24 * 3600_000;

/** Housekeeping the worker schedules every hour. */
export async function runHourlyMaintenance(now = new Date()) {
  const purged = await purgePendingStatuses(new Date(now.getTime() - PENDING_STATUS_TTL_MS));
  if (purged) log.info("purged unmatched message statuses", { purged });
  const abandoned = await abandonIdleBotSessions(now);
  if (abandoned) log.info("closed silent bot sessions as ABANDONED", { abandoned });
  return { purgedPendingStatuses: purged };
}
