import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { findDocumentById, pageChunks } from "@/db/queries/bot-knowledge";
import { botChunks } from "@/db/schema";
import { POST as upload } from "@/app/api/v1/bot-config/documents/route";
import type { ProviderSettings } from "@/lib/ai/providers";
import { overrideModels } from "@/lib/ai/providers";
import { getBoss } from "@/lib/jobs/boss";
import { recordEvents } from "@/lib/testing/events";
import { createTeam } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { makeDocx, makePdf, samplePages } from "@/lib/testing/make-docs";
import { fakeEmbeddingModel } from "./fake-embedding";
import { createTextDocument, ingestDocument } from "./ingest";
import { retrieve } from "./retrieve";

const OPENAI: ProviderSettings = { provider: "OPENAI", model: "gpt-4.1-mini", apiKey: "sk-test" };

function form(name: string, bytes: Buffer, type = "", title?: string) {
  const f = new FormData();
  f.set("file", new Blob([new Uint8Array(bytes)], { type }), name);
  if (title) f.set("title", title);
  return f;
}

/** Uploads through the API, checks the job was queued, and runs it the way the worker does. */
async function uploadAndIngest(token: string, name: string, bytes: Buffer, opts: { provider?: ProviderSettings | null } = { provider: null }) {
  const res = await call(upload, { token, form: form(name, bytes) });
  expect(res.status).toBe(202);
  expect(res.json).toMatchObject({ status: "PENDING", progress: 0, chunkCount: 0 });
  const jobs = (await (await getBoss()).fetch<{ documentId: number }>("bot.ingest", { batchSize: 10 })) ?? [];
  const job = jobs.find((j) => String(j.data.documentId) === res.json.id);
  expect(job).toBeDefined();
  await ingestDocument(job!.data.documentId, opts);
  return (await findDocumentById(Number(res.json.id)))!;
}

describe("ingestion", () => {
  it("ingests a real multi-page PDF: text comes back, chunks keep their page, progress reaches 100, READY", async () => {
    const { org, adminToken } = await createTeam();
    const pages = samplePages(3);
    pages[1] = "El horario de atención de la sucursal centro es de 8:00 a 20:00 todos los días.\n" + pages[1];
    const events = recordEvents();
    const doc = await uploadAndIngest(adminToken, "politicas.pdf", makePdf(pages));

    expect(doc).toMatchObject({ status: "READY", progress: 100, pageCount: 3, error: null, embeddingModel: null, mimeType: "application/pdf", filename: "politicas.pdf", title: "politicas" });
    expect(doc.chunkCount).toBeGreaterThan(2);
    const { rows, total } = await pageChunks(org.id, doc.id, 1, 100);
    expect(total).toBe(doc.chunkCount);
    expect(rows.every((c) => /^pages? \d/.test(c.location ?? ""))).toBe(true);
    expect(rows.every((c) => c.embedding === null)).toBe(true);
    const hit = rows.find((c) => c.content.includes("sucursal centro es de 8:00 a 20:00"));
    expect(hit?.location).toMatch(/page.* 2|pages 1–2/);

    const progress = events.filter((e) => e.name === "bot.document_progress").map((e) => e.payload);
    expect(progress[0]).toMatchObject({ orgId: org.id, documentId: doc.id, status: "PROCESSING", progress: 0 });
    expect(progress.at(-1)).toMatchObject({ status: "READY", progress: 100 });
    const values = progress.map((p) => p.progress as number);
    expect(values).toEqual([...values].sort((a, b) => a - b));

    const r = await retrieve(org.id, "¿horario de la sucursal centro?", { provider: null });
    expect(r.passages[0].content).toContain("sucursal centro");
    expect(r.passages[0].location).toMatch(/page/);
  });

  it("ingests a real DOCX", async () => {
    const { org, adminToken } = await createTeam();
    const doc = await uploadAndIngest(adminToken, "faq.docx", makeDocx(["Preguntas frecuentes", "Aceptamos tarjetas de crédito, débito y transferencias.", "Las devoluciones se aceptan durante 30 días."]));
    expect(doc).toMatchObject({ status: "READY", progress: 100, chunkCount: 1, pageCount: null });
    const { rows } = await pageChunks(org.id, doc.id, 1, 10);
    expect(rows[0].content).toContain("Aceptamos tarjetas de crédito");
    expect((await retrieve(org.id, "tarjeta de credito", { provider: null })).passages[0].documentId).toBe(String(doc.id));
  });

  it("embeds chunks with the provider's model in batches and records the model", async () => {
    const { org, adminToken } = await createTeam();
    const model = fakeEmbeddingModel({ dims: 64 });
    const undo = overrideModels({ embedding: () => model });
    try {
      const doc = await uploadAndIngest(adminToken, "larga.pdf", makePdf(samplePages(50)), { provider: OPENAI });
      expect(doc.status).toBe("READY");
      expect(doc.embeddingModel).toBe("fake/hash-64");
      expect(doc.chunkCount).toBeGreaterThan(96); // more than one embedMany batch
      expect(model.doEmbedCalls.length).toBeGreaterThan(1);
      const { rows } = await pageChunks(org.id, doc.id, 1, 5);
      for (const c of rows) {
        expect(c.embedding).toHaveLength(64);
        expect(Math.hypot(...c.embedding!)).toBeCloseTo(1, 4); // stored at unit length
      }
      expect((await retrieve(org.id, "política de garantía", { provider: OPENAI })).mode).toBe("hybrid");
    } finally {
      undo();
    }
  });

  it("marks an unreadable file FAILED with a clear error, and an empty one too", async () => {
    const { adminToken } = await createTeam();
    const broken = await uploadAndIngest(adminToken, "roto.pdf", Buffer.from("%PDF-1.4\nthis is not a pdf at all"));
    expect(broken).toMatchObject({ status: "FAILED", chunkCount: 0 });
    expect(broken.error).toMatch(/PDF file could not be read/);
    const empty = await uploadAndIngest(adminToken, "vacio.txt", Buffer.from("   \n\n  "));
    expect(empty.status).toBe("FAILED");
    expect(empty.error).toMatch(/no text/);
  });

  it("re-running the job replaces the chunks instead of duplicating them", async () => {
    const { org, adminToken } = await createTeam();
    const doc = await uploadAndIngest(adminToken, "notas.md", Buffer.from("# Horario\nAbrimos a las 9.\n\n# Envíos\nGratis."));
    await ingestDocument(doc.id, { provider: null });
    const { total } = await pageChunks(org.id, doc.id, 1, 10);
    expect(total).toBe(doc.chunkCount);
    expect((await findDocumentById(doc.id))!.status).toBe("READY");
  });

  it("createTextDocument stores and chunks synchronously", async () => {
    const { org } = await createTeam();
    const doc = await createTextDocument(org.id, { title: "Bienvenida", text: "Somos una cafetería en Puebla. ".repeat(60) }, { provider: null });
    expect(doc).toMatchObject({ status: "READY", progress: 100, mimeType: "text/plain", fileId: null });
    expect(doc.chunkCount).toBeGreaterThan(1);
    const stored = await getDb().$count(botChunks);
    expect(stored).toBeGreaterThanOrEqual(doc.chunkCount);
  });
});
