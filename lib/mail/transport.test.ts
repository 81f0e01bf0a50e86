import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listDevMails } from "@/db/queries/mail";
import { resetEnvCache } from "@/lib/env";
import { deliverMail } from "./transport";

/** A minimal SMTP server on loopback, so the real nodemailer SMTP path runs. */
function fakeSmtp(received: string[]) {
  return createServer((socket) => {
    let inData = false;
    let buffer = "";
    socket.write("220 fake ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString();
      let i;
      while ((i = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            socket.write("250 queued\r\n");
          } else received.push(line);
          continue;
        }
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === "EHLO" || cmd === "HELO") socket.write("250 fake\r\n");
        else if (cmd === "DATA") {
          inData = true;
          socket.write("354 go ahead\r\n");
        } else if (cmd === "QUIT") socket.end("221 bye\r\n");
        else socket.write("250 ok\r\n");
      }
    });
  });
}

describe("mail transport", () => {
  const received: string[] = [];
  let server: Server;
  beforeAll(async () => {
    server = fakeSmtp(received);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    resetEnvCache();
    await new Promise((r) => server.close(r));
  });

  it("stores mail in the dev mailbox when SMTP is not configured", async () => {
    await deliverMail({ to: "dev@example.test", subject: "Dev", text: "stored" });
    expect(await listDevMails({ to: "dev@example.test", limit: 5 })).toHaveLength(1);
  });

  it("sends through SMTP_URL when it is set, and stores nothing", async () => {
    const { port } = server.address() as { port: number };
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}?ignoreTLS=true`;
    resetEnvCache();
    await deliverMail({ to: "real@example.test", subject: "Real one", text: "over smtp" });
    const raw = received.join("\n");
    expect(raw).toContain("Subject: Real one");
    expect(raw).toContain("over smtp");
    expect(await listDevMails({ to: "real@example.test", limit: 5 })).toHaveLength(0);
  });
});
