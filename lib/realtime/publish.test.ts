import PusherServer from "pusher";
import PusherClient from "pusher-js";
import { afterAll, beforeAll, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { publish } from "./publish";
import { startPusherServer } from "./pusher-server";

const creds = { appId: "7", key: "publish-key", secret: "publish-secret" };
let server: Awaited<ReturnType<typeof startPusherServer>>;
let client: PusherClient;
const saved = { ...process.env };

beforeAll(async () => {
  server = await startPusherServer({ ...creds, port: 0 });
  Object.assign(process.env, { PUSHER_APP_ID: creds.appId, PUSHER_KEY: creds.key, PUSHER_SECRET: creds.secret, PUSHER_HOST: "127.0.0.1", PUSHER_PORT: String(server.port) });
  resetEnvCache();
  const signer = new PusherServer({ ...creds, host: "127.0.0.1", port: String(server.port), useTLS: false });
  client = new PusherClient(creds.key, {
    cluster: "local",
    wsHost: "127.0.0.1",
    wsPort: server.port,
    forceTLS: false,
    enabledTransports: ["ws"],
    channelAuthorization: { endpoint: "/unused", transport: "ajax", customHandler: ({ socketId, channelName }, cb) => cb(null, signer.authorizeChannel(socketId, channelName)) },
  });
});

afterAll(async () => {
  client.disconnect();
  await server.close();
  process.env = saved;
  resetEnvCache();
});

it("sends a burst in batches and keeps only the last event of a coalescing key", async () => {
  const channel = client.subscribe("private-org-1");
  await new Promise((resolve) => channel.bind("pusher:subscription_succeeded", resolve));
  const got: Array<{ event: string; data: Record<string, unknown> }> = [];
  channel.bind_global((event: string, data: Record<string, unknown>) => {
    if (!event.startsWith("pusher:")) got.push({ event, data });
  });

  const sends: Promise<void>[] = [];
  for (let i = 1; i <= 23; i++) sends.push(publish(["private-org-1"], "message.created", { messageId: String(i) }));
  for (let v = 1; v <= 12; v++) sends.push(publish(["private-org-1"], "conversation.updated", { conversationId: "5", version: v }, { coalesceKey: "5" }));
  sends.push(publish(["private-org-1"], "conversation.updated", { conversationId: "6", version: 1 }, { coalesceKey: "6" }));
  await Promise.all(sends);
  await expect.poll(() => got.length, { timeout: 3000 }).toBe(25);

  expect(got.filter((e) => e.event === "message.created").map((e) => e.data.messageId)).toEqual(Array.from({ length: 23 }, (_, i) => String(i + 1)));
  expect(got.filter((e) => e.event === "conversation.updated").map((e) => e.data)).toEqual([
    { conversationId: "5", version: 12 },
    { conversationId: "6", version: 1 },
  ]);
});
