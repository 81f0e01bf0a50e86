import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { findStoredFile } from "@/db/queries/files";
import { botChunks } from "@/db/schema";
import { DELETE as remove } from "@/app/api/v1/bot-config/documents/[id]/route";
import { GET as chunks } from "@/app/api/v1/bot-config/documents/[id]/chunks/route";
import { GET as status } from "@/app/api/v1/bot-config/documents/[id]/status/route";
import { GET as list, POST as upload } from "@/app/api/v1/bot-config/documents/route";
import { GET as embeddingInfo } from "@/app/api/v1/bot-config/embedding-info/route";
import { POST as testRag } from "@/app/api/v1/bot-config/test-rag/route";
import { overrideModels } from "@/lib/ai/providers";
import { encryptSecret } from "@/lib/crypto/secrets";
import { storage } from "@/lib/storage";
import { createBotConfig, createDocument } from "@/lib/testing/bot-factories";
import { createTeam } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { makePdf } from "@/lib/testing/make-docs";
import { fakeEmbeddingModel } from "./fake-embedding";
import { createTextDocument, ingestDocument } from "./ingest";

function form(name: string, bytes: Buffer | Uint8Array, type = "", title?: string) {
  const f = new FormData();
  f.set("file", new Blob([new Uint8Array(bytes)], { type }), name);
  if (title) f.set("title", title);
  return f;
}

describe("knowledge documents API", () => {
  it("uploads (202 PENDING), lists newest first, reports status and pages chunks", async () => {
    const { org, adminToken, agentToken } = await createTeam();
    const first = await call(upload, { token: adminToken, form: form("horario.txt", Buffer.from("Abrimos de 9 a 18 h."), "text/plain", "Horario") });
    expect(first.status).toBe(202);
    expect(first.json).toMatchObject({ title: "Horario", filename: "horario.txt", mimeType: "text/plain", status: "PENDING", progress: 0, error: null, embeddingModel: null });
    const second = await call(upload, { token: adminToken, form: form("guia.pdf", makePdf(["Guía de envíos.", "Segunda página."]), "application/pdf") });
    expect(second.status).toBe(202);
    expect(second.json.title).toBe("guia");

    const listed = await call(list, { token: agentToken });
    expect(listed.status).toBe(200);
    expect(listed.json.data.map((d: { id: string }) => d.id)).toEqual([second.json.id, first.json.id]);

    await ingestDocument(Number(second.json.id), { provider: null });
    const st = await call(status, { token: agentToken, params: { id: second.json.id } });
    expect(st.json).toEqual({ id: second.json.id, status: "READY", progress: 100, error: null, chunkCount: 1 });
    const page = await call(chunks, { token: agentToken, params: { id: second.json.id }, query: { page: "1", limit: "10" } });
    expect(page.status).toBe(200);
    expect(page.json).toMatchObject({ page: 1, limit: 10, total: 1 });
    expect(page.json.data[0]).toMatchObject({ position: 0, location: "pages 1–2", hasEmbedding: false });
    expect(page.json.data[0].content).toContain("Guía de envíos.");
    expect(org.id).toBeGreaterThan(0);
  });

  it("refuses other types (415 with the allowed list), files over 20 MB (413), and agents (403)", async () => {
    const { adminToken, agentToken } = await createTeam();
    const png = await call(upload, { token: adminToken, form: form("foto.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), "image/png") });
    expect(png.status).toBe(415);
    expect(png.json.error.message).toMatch(/allowed types: pdf, docx, txt, md, csv, html/);
    const fakePdf = await call(upload, { token: adminToken, form: form("virus.pdf", Buffer.from("MZ\x90\x00 not a pdf"), "application/pdf") });
    expect(fakePdf.status).toBe(415);
    const big = await call(upload, { token: adminToken, form: form("big.txt", Buffer.alloc(20 * 1024 * 1024 + 1, 0x61), "text/plain") });
    expect(big.status).toBe(413);
    const missing = await call(upload, { token: adminToken, form: new FormData() });
    expect(missing.status).toBe(400);
    const agent = await call(upload, { token: agentToken, form: form("a.txt", Buffer.from("hola"), "text/plain") });
    expect(agent.status).toBe(403);
  });

  it("answers 422 PLAN_LIMIT_REACHED when the plan's documents are used up, storing nothing", async () => {
    const { org, adminToken } = await createTeam(); // FREE: 10 documents
    for (let i = 0; i < 10; i++) await createDocument(org);
    const res = await call(upload, { token: adminToken, form: form("once.txt", Buffer.from("once"), "text/plain") });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("PLAN_LIMIT_REACHED");
    expect((await call(list, { token: adminToken })).json.data).toHaveLength(10);
  });

  it("deletes a document with its chunks and its stored file; another org's id is a 404", async () => {
    const { org, adminToken } = await createTeam();
    const other = await createTeam();
    const up = await call(upload, { token: adminToken, form: form("menu.md", Buffer.from("# Menú\nTacos al pastor a 20 pesos."), "text/markdown") });
    const id = Number(up.json.id);
    await ingestDocument(id, { provider: null });
    const doc = (await getDb().query.botDocuments.findFirst({ where: (d, { eq }) => eq(d.id, id) }))!;
    const file = (await findStoredFile(org.id, doc.fileId!))!;
    expect(await storage().get(file.storageKey)).not.toBeNull();
    expect(await getDb().$count(botChunks, eq(botChunks.documentId, id))).toBeGreaterThan(0);

    expect((await call(remove, { token: other.adminToken, params: { id: String(id) } })).status).toBe(404);
    expect((await call(status, { token: other.adminToken, params: { id: String(id) } })).status).toBe(404);
    const res = await call(remove, { token: adminToken, params: { id: String(id) } });
    expect(res.status).toBe(204);
    expect(await getDb().$count(botChunks, eq(botChunks.documentId, id))).toBe(0);
    expect(await findStoredFile(org.id, file.id)).toBeUndefined();
    expect(await storage().get(file.storageKey)).toBeNull();
    expect((await call(remove, { token: adminToken, params: { id: String(id) } })).status).toBe(404);
  });

  it("test-rag answers passages, mode and time; embedding-info tells text from hybrid", async () => {
    const { org, adminToken, agentToken } = await createTeam();
    await createTextDocument(org.id, { title: "Horario", text: "Nuestro horario de atención es de 9 a 18 horas." }, { provider: null });
    const rag = await call(testRag, { token: agentToken, body: { query: "¿cuál es el horario?" } });
    expect(rag.status).toBe(200);
    expect(rag.json.mode).toBe("text");
    expect(rag.json.passages[0]).toMatchObject({ title: "Horario", vectorScore: null });
    expect(typeof rag.json.ms).toBe("number");
    expect((await call(testRag, { token: agentToken, body: { query: "" } })).status).toBe(400);

    const info = await call(embeddingInfo, { token: agentToken });
    expect(info.json).toMatchObject({ provider: null, model: null, available: false, mode: "text", dimensions: null, chunks: 1, embeddedChunks: 0, documents: 1 });

    await createBotConfig(org, { isActive: true, provider: "OPENAI", model: "gpt-4.1-mini", apiKeyEnc: encryptSecret("sk-test") });
    const undo = overrideModels({ embedding: () => fakeEmbeddingModel({ dims: 32 }) });
    try {
      await createTextDocument(org.id, { title: "Envíos", text: "Enviamos a todo el país en 48 horas." });
      const hybrid = await call(embeddingInfo, { token: adminToken });
      expect(hybrid.json).toMatchObject({ provider: "OPENAI", model: "fake/hash-32", available: true, reason: null, mode: "hybrid", dimensions: 32, chunks: 2, embeddedChunks: 1, documents: 2 });
      const r = await call(testRag, { token: adminToken, body: { query: "envíos en 48 horas", topK: 1 } });
      expect(r.json.mode).toBe("hybrid");
      expect(r.json.passages).toHaveLength(1);
      expect(r.json.passages[0].title).toBe("Envíos");
    } finally {
      undo();
    }
  });
});
