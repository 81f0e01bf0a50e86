import { settleWakeups } from "@/lib/services/whatsapp/webhook/receive";
import { resetEnvCache } from "@/lib/env";
import { getBoss, type QueueName } from "@/lib/jobs/boss";
import { HANDLERS } from "@/lib/jobs/handlers";
import { serveFetch } from "@/lib/whatsapp/simulator/server";

/**
 * Test support of the sandbox: the app's own Graph simulator route and webhook route on a real port, with APP_URL
 * pointing there, so sandbox numbers' sends, status callbacks, customer messages and media downloads all travel over
 * HTTP exactly as in the running product. Jobs do not run in tests: drain() runs the WhatsApp queues by hand.
 */

type Handler = (req: Request) => Promise<Response>;

export async function serveSandboxApp(routes: { graph: Handler; webhook: Handler }) {
  const server = await serveFetch(async (req) => {
    const path = new URL(req.url).pathname;
    if (path.startsWith("/api/sandbox/graph/")) return routes.graph(req);
    if (path === "/api/webhooks/whatsapp") return routes.webhook(req);
    return new Response("not found", { status: 404 });
  });
  const previous = process.env.APP_URL;
  process.env.APP_URL = server.url;
  delete process.env.SANDBOX_GRAPH_URL;
  resetEnvCache();
  return {
    url: server.url,
    async close() {
      await server.close();
      process.env.APP_URL = previous;
      resetEnvCache();
    },
  };
}

const QUEUES: QueueName[] = ["whatsapp.webhook", "whatsapp.send", "whatsapp.media"];

/** Runs queued WhatsApp jobs until none is left (a job may queue another: webhook → media download). */
export async function drain() {
  const boss = await getBoss();
  for (let round = 0; round < 20; round++) {
    // Webhook requests answer before their drain wake-up is queued.
    await settleWakeups();
    let ran = 0;
    for (const name of QUEUES) {
      for (const job of await boss.fetch<never>(name, { batchSize: 100 })) {
        await HANDLERS[name](job.data);
        ran++;
      }
    }
    if (!ran) return;
  }
}

/** Keeps draining while `work` is pending: for calls that wait for the pipeline to store what they delivered. */
export async function drainDuring<T>(work: Promise<T>): Promise<T> {
  let done = false;
  const settled = work.finally(() => {
    done = true;
  });
  while (!done) {
    await drain();
    await new Promise((r) => setTimeout(r, 50));
  }
  return settled;
}

/** Makes env() read as a production build would (with or without DEV_TOOLS=true); `false` goes back to tests. */
export function actAsProduction(on: boolean, devTools = false) {
  Object.assign(process.env, { NODE_ENV: on ? "production" : "test" });
  if (devTools) process.env.DEV_TOOLS = "true";
  else delete process.env.DEV_TOOLS;
  resetEnvCache();
}
