import { PgBoss } from "pg-boss";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { getBoss, QUEUES } from "./boss";

describe("job queues", () => {
  it("recreates an idle queue that an older release made with another policy", async () => {
    const old = new PgBoss({ connectionString: env().DATABASE_URL, supervise: false, schedule: false });
    await old.start();
    await old.createQueue("whatsapp.webhook", { retryLimit: 1 });
    expect((await old.getQueue("whatsapp.webhook"))?.policy).toBe("standard");
    await old.stop({ graceful: false });

    const boss = await getBoss({ worker: true });
    const queue = await boss.getQueue("whatsapp.webhook");
    expect(queue?.policy).toBe(QUEUES["whatsapp.webhook"].policy);
    expect(queue?.retryLimit).toBe(QUEUES["whatsapp.webhook"].retryLimit);
  });
});
