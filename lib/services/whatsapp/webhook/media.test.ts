import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as retryMediaRoute } from "@/app/api/v1/messages/[id]/retry-media/route";
import { encryptSecret } from "@/lib/crypto/secrets";
import { resetEnvCache } from "@/lib/env";
import { storage } from "@/lib/storage";
import { createTeam } from "@/lib/testing/factories";
import { getDb, messages, storedFiles } from "@/lib/testing/db";
import { call } from "@/lib/testing/http";
import { downloadInboundMedia, MEDIA_MAX_ATTEMPTS } from "./media";
import { createWaAccount, customer, deliverMessages, inbound, takeJobs, text } from "./test-fixtures";

const JPEG = Buffer.from("ffd8ffe000104a46494600010100000100010000ffd9", "hex");

/** A minimal Graph API double: media lookup and the (bearer-protected) download URL it points to. */
function graphDouble(token: string) {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    const send = (status: number, body: unknown, type = "application/json") => {
      res.writeHead(status, { "content-type": type });
      res.end(type === "application/json" ? JSON.stringify(body) : body);
    };
    if (req.headers.authorization !== `Bearer ${token}`) return send(401, { error: { message: "Invalid OAuth access token", code: 190 } });
    const { port } = server.address() as AddressInfo;
    const info = req.url?.match(/^\/v21\.0\/([\w-]+)$/);
    if (info) {
      if (info[1].startsWith("broken")) return send(500, { error: { message: "An unknown error occurred", code: 131000 } });
      return send(200, { url: `http://127.0.0.1:${port}/file/${info[1]}`, mime_type: "image/jpeg", sha256: "x", file_size: JPEG.length, id: info[1] });
    }
    if (req.url?.startsWith("/file/")) return send(200, JPEG, "image/jpeg");
    send(404, { error: { message: "Unknown path", code: 100 } });
  });
  return { server, hits };
}

let team: Awaited<ReturnType<typeof createTeam>>;
let account: Awaited<ReturnType<typeof createWaAccount>>;
let graph: ReturnType<typeof graphDouble>;

beforeAll(async () => {
  team = await createTeam();
  account = await createWaAccount(team.org, { accessTokenEncrypted: encryptSecret("media-token") });
  graph = graphDouble("media-token");
  await new Promise<void>((resolve) => graph.server.listen(0, "127.0.0.1", resolve));
  vi.stubEnv("META_GRAPH_URL", `http://127.0.0.1:${(graph.server.address() as AddressInfo).port}`);
  resetEnvCache();
});

afterAll(async () => {
  vi.unstubAllEnvs();
  resetEnvCache();
  await new Promise((resolve) => graph.server.close(resolve));
});

beforeEach(async () => {
  await takeJobs("whatsapp.media");
});

async function receiveImage(mediaId: string) {
  const msg = inbound(customer(), "image", { image: { id: mediaId, mime_type: "image/jpeg", caption: "foto" } });
  await deliverMessages(account, { messages: [msg] });
  const [row] = await getDb().select().from(messages).where(eq(messages.providerMessageId, msg.id));
  expect(await takeJobs("whatsapp.media")).toEqual([{ messageId: row.id }]);
  return row;
}
const reload = async (id: number) => (await getDb().select().from(messages).where(eq(messages.id, id)))[0];

describe("inbound media download", () => {
  it("fetches the media from the Graph API into our storage", async () => {
    const msg = await receiveImage("media-ok-1");
    await downloadInboundMedia(msg.id);
    const after = await reload(msg.id);
    expect(after.media).toMatchObject({ waMediaId: "media-ok-1", status: "READY", size: JPEG.length, mimeType: "image/jpeg", caption: "foto", attempts: 1 });
    expect(after.media?.error).toBeUndefined();
    const [file] = await getDb().select().from(storedFiles).where(eq(storedFiles.id, after.media!.fileId!));
    expect(file).toMatchObject({ orgId: team.org.id, purpose: "inbound-media", contentType: "image/jpeg", uploadedById: null });
    expect((await storage().get(file.storageKey))?.equals(JPEG)).toBe(true);
    expect(graph.hits).toContain("GET /v21.0/media-ok-1");

    // Running the job again (a duplicate job) downloads nothing more.
    const before = graph.hits.length;
    await downloadInboundMedia(msg.id);
    expect(graph.hits.length).toBe(before);
  });

  it("retries through the queue and marks the media FAILED after the last attempt", async () => {
    const msg = await receiveImage("broken-1");
    for (let i = 1; i < MEDIA_MAX_ATTEMPTS; i++) {
      await expect(downloadInboundMedia(msg.id)).rejects.toThrow(/unknown error/);
      expect((await reload(msg.id)).media).toMatchObject({ status: "PENDING", attempts: i });
    }
    await downloadInboundMedia(msg.id); // the last attempt settles instead of throwing
    expect((await reload(msg.id)).media).toMatchObject({ status: "FAILED", attempts: MEDIA_MAX_ATTEMPTS, error: expect.stringContaining("unknown error") });
  });
});

describe("POST /messages/{id}/retry-media", () => {
  it("queues the download again for a customer's media of the caller's org", async () => {
    const msg = await receiveImage("broken-2");
    for (let i = 0; i < MEDIA_MAX_ATTEMPTS; i++) await downloadInboundMedia(msg.id).catch(() => {});
    expect((await reload(msg.id)).media?.status).toBe("FAILED");

    const res = await call(retryMediaRoute, { params: { id: String(msg.id) }, token: team.agentToken });
    expect(res.status).toBe(202);
    expect(res.json).toEqual({ id: String(msg.id), mediaStatus: "PENDING" });
    expect(await takeJobs("whatsapp.media")).toEqual([{ messageId: msg.id }]);
    expect((await reload(msg.id)).media).toMatchObject({ status: "PENDING", attempts: 0 });
    expect((await reload(msg.id)).media?.error).toBeUndefined();
  });

  it("leaves stored media alone", async () => {
    const msg = await receiveImage("media-ok-2");
    await downloadInboundMedia(msg.id);
    const res = await call(retryMediaRoute, { params: { id: String(msg.id) }, token: team.adminToken });
    expect(res.json).toEqual({ id: String(msg.id), mediaStatus: "READY" });
    expect(await takeJobs("whatsapp.media")).toEqual([]);
  });

  it("answers 422 for a message without customer media and 404 for another org's message", async () => {
    const t = text(customer(), "sin adjuntos");
    await deliverMessages(account, { messages: [t] });
    const [row] = await getDb().select().from(messages).where(eq(messages.providerMessageId, t.id));
    const res = await call(retryMediaRoute, { params: { id: String(row.id) }, token: team.agentToken });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("MEDIA_NOT_APPLICABLE");

    const other = await createTeam();
    const foreign = await call(retryMediaRoute, { params: { id: String(row.id) }, token: other.adminToken });
    expect(foreign.status).toBe(404);
  });
});
