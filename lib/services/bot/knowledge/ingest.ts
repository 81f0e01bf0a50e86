import { getDb } from "@/db/client";
import { findDocumentById, insertDocument, replaceChunks, updateDocument, type BotDocumentRow, type NewChunk } from "@/db/queries/bot-knowledge";
import { findStoredFile } from "@/db/queries/files";
import type { ProviderSettings } from "@/lib/ai/providers";
import { emit } from "@/lib/events/emit";
import { log } from "@/lib/log";
import { storage } from "@/lib/storage";
import { providerOf } from "../provider";
import { chunkSections, type Chunk } from "./chunk";
import { embedTexts } from "./embed";
import { extract, kindOf, type Extracted } from "./extract";

export type IngestJob = { documentId: number };

/** Progress reaches the browser through realtime pushes; more than ~4 a second would only add noise. */
const EMIT_EVERY_MS = 250;

/** A failure that retrying cannot fix (unreadable or empty file): the document is FAILED and the job ends. */
class IngestError extends Error {}

/**
 * The "bot.ingest" job: reads the stored file, extracts its text, chunks it, embeds the chunks when the org's provider
 * can, and stores them — PROCESSING with progress 0..100 along the way, then READY (chunkCount, pageCount) or FAILED
 * with a readable error. Re-running replaces the chunks. Embedding failures (provider down) rethrow so pg-boss retries.
 */
export async function ingestDocument(documentId: number, opts: { provider?: ProviderSettings | null } = {}) {
  const doc = await findDocumentById(documentId);
  if (!doc) return; // deleted before its turn
  const progress = progressReporter(doc);
  await progress.set(0, "PROCESSING");
  try {
    const extracted = await readAndExtract(doc);
    await progress.set(30);
    const chunks = chunkSections(extracted.sections);
    if (!chunks.length) throw new IngestError("The document contains no text to learn from (a scanned PDF needs OCR first).");
    await progress.set(40);
    const provider = opts.provider === undefined ? await providerOf(doc.orgId) : opts.provider;
    const embedded = await embedTexts(provider, chunks.map((c) => c.content), (done, total) => progress.set(40 + Math.floor((50 * done) / total)));
    await progress.set(90);
    const stored = await storeChunks(doc, chunks, embedded, extracted.pageCount);
    if (stored) await progress.set(100, "READY");
  } catch (error) {
    const expected = error instanceof IngestError;
    if (!expected) log.error("document ingestion failed", { documentId, error });
    const message = expected ? error.message : `Processing failed: ${error instanceof Error ? error.message.slice(0, 300) : "unknown error"}`;
    const still = await updateDocument(doc.orgId, doc.id, { status: "FAILED", error: message, processedAt: new Date() });
    if (!still) return;
    progress.push("FAILED", still.progress);
    if (!expected) throw error;
  }
}

async function readAndExtract(doc: BotDocumentRow): Promise<Extracted> {
  const kind = kindOf(doc.mimeType, doc.filename);
  if (!kind) throw new IngestError(`Unsupported file type ${doc.mimeType}.`);
  const file = doc.fileId ? await findStoredFile(doc.orgId, doc.fileId) : undefined;
  const body = file ? await storage().get(file.storageKey) : null;
  if (!body) throw new IngestError("The uploaded file is no longer available; upload it again.");
  try {
    return await extract(kind, body);
  } catch (error) {
    log.warn("document text extraction failed", { documentId: doc.id, error });
    throw new IngestError(`The ${kind.toUpperCase()} file could not be read (damaged or password-protected?).`);
  }
}

/** Chunks and the READY state in one transaction: the READY row, or undefined when the document was deleted meanwhile. */
async function storeChunks(doc: BotDocumentRow, chunks: Chunk[], embedded: { model: string; vectors: number[][] } | null, pageCount: number | null) {
  return getDb().transaction(async (tx) => {
    const row = await updateDocument(doc.orgId, doc.id, {}, tx);
    if (!row) return undefined;
    const rows: NewChunk[] = chunks.map((c, i) => ({ ...c, embedding: embedded?.vectors[i] ?? null }));
    await replaceChunks(doc.orgId, doc.id, rows, tx);
    return updateDocument(
      doc.orgId,
      doc.id,
      { status: "READY", progress: 100, error: null, chunkCount: chunks.length, pageCount, embeddingModel: embedded?.model ?? null, processedAt: new Date() },
      tx,
    );
  });
}

function progressReporter(doc: BotDocumentRow) {
  let lastPush = 0;
  let lastStatus = "";
  const push = (status: string, progress: number) => {
    lastPush = Date.now();
    lastStatus = status;
    emit("bot.document_progress", { orgId: doc.orgId, documentId: doc.id, status, progress });
  };
  return {
    push,
    /** Stores and pushes the progress; intermediate values are throttled, status changes and 100 always go out. */
    async set(progress: number, status: "PROCESSING" | "READY" = "PROCESSING") {
      const changed = status !== lastStatus || progress === 100;
      if (!changed && Date.now() - lastPush < EMIT_EVERY_MS) return;
      if (status === "PROCESSING") await updateDocument(doc.orgId, doc.id, { status, progress, ...(progress === 0 ? { error: null } : {}) });
      push(status, progress);
    },
  };
}

/**
 * A knowledge document made of plain text, chunked (and embedded when the org's provider can) right away — the seed
 * and templates use it. Returns the READY row.
 */
export async function createTextDocument(orgId: number, input: { title: string; text: string; createdById?: number | null }, opts: { provider?: ProviderSettings | null } = {}) {
  const chunks = chunkSections([{ text: input.text, location: null }]);
  const provider = opts.provider === undefined ? await providerOf(orgId) : opts.provider;
  const embedded = await embedTexts(provider, chunks.map((c) => c.content)).catch((error: unknown) => {
    log.warn("text document embedding failed; stored for full-text search only", { orgId, error });
    return null;
  });
  const doc = await insertDocument({
    orgId,
    title: input.title,
    mimeType: "text/plain",
    size: Buffer.byteLength(input.text),
    status: "PROCESSING",
    createdById: input.createdById ?? null,
  });
  const ready = (await storeChunks(doc, chunks, embedded, null))!;
  emit("bot.changed", { orgId, resource: "document", id: doc.id });
  return ready;
}
