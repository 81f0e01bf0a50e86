import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { webhookEvents } from "@/db/schema";
import { insertWebhookEventGrouped } from "./webhook-events";

describe("insertWebhookEventGrouped", () => {
  it("gives each concurrent delivery the id of its own row", async () => {
    const payloads = Array.from({ length: 40 }, (_, i) => JSON.stringify({ object: "whatsapp_business_account", entry: [], n: i }));
    const ids = await Promise.all(payloads.map((p) => insertWebhookEventGrouped(p, "PENDING")));
    expect(new Set(ids).size).toBe(payloads.length);
    const rows = await getDb().select().from(webhookEvents).where(inArray(webhookEvents.id, ids));
    const byId = new Map(rows.map((r) => [r.id, (r.payload as { n: number }).n]));
    ids.forEach((id, i) => expect(byId.get(id)).toBe(i));
  });

  it("a row the database refuses fails alone; its neighbours are stored", async () => {
    const good = [1, 2, 3].map((n) => JSON.stringify({ n }));
    const bad = JSON.stringify({ text: "nul \u0000 inside" });
    const results = await Promise.allSettled([...good, bad].map((p) => insertWebhookEventGrouped(p, "PENDING")));
    expect(results.slice(0, 3).every((r) => r.status === "fulfilled")).toBe(true);
    expect(results[3].status).toBe("rejected");
  });
});
