import http from "node:http";
import type { AddressInfo } from "node:net";
import { resetEnvCache } from "@/lib/env";

/** Tests only: a local HTTP server that records what it received and answers with `handler`. */
export type Received = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };

export async function fakeServer(handler: (req: Received, res: http.ServerResponse) => void) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const r = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(r);
      handler(r, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

export const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

/** Lets safeFetch reach 127.0.0.1 (or whatever `value` names) until the returned function is called. */
export function allowOutbound(value = "127.0.0.1") {
  const prev = process.env.OUTBOUND_ALLOWLIST;
  process.env.OUTBOUND_ALLOWLIST = value;
  resetEnvCache();
  return () => {
    if (prev === undefined) delete process.env.OUTBOUND_ALLOWLIST;
    else process.env.OUTBOUND_ALLOWLIST = prev;
    resetEnvCache();
  };
}
