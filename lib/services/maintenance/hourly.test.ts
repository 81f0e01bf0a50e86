import { expect, it } from "vitest";
import { getDb } from "@/db/client";
import { pendingStatuses } from "@/db/schema";
import { PENDING_STATUS_TTL_MS, runHourlyMaintenance } from "./hourly";

it("purges statuses that stayed unmatched for a week and keeps recent ones", async () => {
  const now = new Date();
  const old = new Date(now.getTime() - PENDING_STATUS_TTL_MS - 60_000);
  const payload = { status: "delivered", at: now.toISOString() };
  await getDb()
    .insert(pendingStatuses)
    .values([
      { whatsappAccountId: 1, providerMessageId: "wamid.old", status: "delivered", payload, receivedAt: old },
      { whatsappAccountId: 1, providerMessageId: "wamid.new", status: "delivered", payload, receivedAt: now },
    ]);
  expect(await runHourlyMaintenance(now)).toEqual({ purgedPendingStatuses: 1 });
  const left = await getDb().select({ wamid: pendingStatuses.providerMessageId }).from(pendingStatuses);
  expect(left.map((r) => r.wamid)).toEqual(["wamid.new"]);
});
