import { afterAll, describe, expect, it } from "vitest";
import { listDevMails } from "@/db/queries/mail";
import { sendMail } from "@/lib/mail/send";
import { startWorkers } from "./workers";

describe("job workers", () => {
  let stop: (() => Promise<void>) | undefined;
  afterAll(async () => stop?.());

  it("deliver queued mail into the dev mailbox when no SMTP server is configured", async () => {
    stop = (await startWorkers()).stop;
    await sendMail({ to: "Someone@Example.test", subject: "Hello", text: "Body", orgId: null });
    let mails: Awaited<ReturnType<typeof listDevMails>> = [];
    for (let i = 0; i < 60 && mails.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 250));
      mails = await listDevMails({ to: "someone@example.test", limit: 5 });
    }
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ subject: "Hello", text: "Body", to: "someone@example.test" });
  });
});
