/**
 * The production web server (`npm start` runs it through scripts/cx.ts): Next.js's request handler behind node:http,
 * with one exception — Meta's webhook deliveries are answered by lib/services/whatsapp/webhook/node-handler.ts without
 * going through Next's router, since that endpoint carries every inbound message of every organization.
 * Usage: node --import tsx scripts/web.ts <port>
 */
import { createServer } from "node:http";
import next from "next";
import { handleWebhookPost, isWebhookPost } from "../lib/services/whatsapp/webhook/node-handler";

const port = Number(process.argv[2] ?? process.env.PORT ?? 3000);
const app = next({ dev: false, dir: process.cwd(), port });

app.prepare().then(() => {
  const handle = app.getRequestHandler();
  createServer((req, res) => void (isWebhookPost(req) ? handleWebhookPost(req, res) : handle(req, res))).listen(port, () => {
    console.log(`▲ Next.js production server with the webhook fast path on port ${port}`);
  });
});
