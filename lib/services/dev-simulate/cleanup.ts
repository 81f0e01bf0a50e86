import { deleteSimulated } from "@/db/queries/sandbox";
import type { Ctx } from "@/lib/api/context";
import { audit } from "@/lib/services/audit";
import { assertDevTools } from "@/lib/services/sandbox/enabled";

/** Deletes every simulated customer of the org with their conversations and messages (real data is never touched). */
export async function cleanupSimulated(ctx: Ctx) {
  assertDevTools();
  const counts = await deleteSimulated(ctx.orgId);
  await audit(ctx, "dev.simulated_data_deleted", undefined, counts);
  return counts;
}
