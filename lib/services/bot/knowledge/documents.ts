import { getDb } from "@/db/client";
import {
  countDocuments,
  deleteDocumentRow,
  embeddingStats,
  findDocument,
  insertDocument,
  listDocuments,
  lockOrgDocuments,
  pageChunks,
  type BotDocumentRow,
} from "@/db/queries/bot-knowledge";
import type { Ctx } from "@/lib/api/context";
import type { DocumentDto } from "@/lib/api/contracts/bot-schemas";
import { errors } from "@/lib/api/errors";
import { planLimits } from "@/lib/billing/plans";
import { emit } from "@/lib/events/emit";
import { enqueue } from "@/lib/jobs/boss";
import { deleteStoredFile, storeFile } from "@/lib/services/files/store";
import { providerOf } from "../provider";
import { detectKind } from "./extract";
import { DOCUMENT_KINDS, DOCUMENT_MIME_TYPES, DOCUMENT_TYPES, MAX_DOCUMENT_BYTES } from "./formats";
import { embeddingSpec } from "./embed";
import { retrieve } from "./retrieve";

const ALLOWED = `allowed types: ${DOCUMENT_KINDS.join(", ")} (${DOCUMENT_MIME_TYPES.join(", ")})`;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function documentDto(row: BotDocumentRow): DocumentDto {
  return {
    id: String(row.id),
    title: row.title,
    filename: row.filename,
    mimeType: row.mimeType,
    size: row.size,
    status: row.status,
    progress: row.progress,
    error: row.error,
    pageCount: row.pageCount,
    chunkCount: row.chunkCount,
    embeddingModel: row.embeddingModel,
    processedAt: iso(row.processedAt),
    createdAt: row.createdAt.toISOString(),
  };
}

async function loadDocument(ctx: Ctx, id: number) {
  const row = await findDocument(ctx.orgId, id);
  if (!row) throw errors.notFound("Document");
  return row;
}

export async function listKnowledgeDocuments(ctx: Ctx) {
  return { data: (await listDocuments(ctx.orgId)).map(documentDto) };
}

/** The upload's kind, trusting the bytes: missing → 400, over 20 MB → 413, anything else than the six types → 415. */
async function takeDocumentUpload(form: FormData) {
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) throw errors.validation('Attach the document in the "file" field', [{ path: "file", message: "is required" }]);
  if (file.size > MAX_DOCUMENT_BYTES) throw errors.tooLarge(`File exceeds 20 MB (${MAX_DOCUMENT_BYTES} bytes)`);
  const filename = "name" in file && typeof file.name === "string" && file.name ? file.name.slice(0, 255) : null;
  const buffer = Buffer.from(await file.arrayBuffer());
  const kind = detectKind(buffer, filename, file.type.split(";")[0].trim().toLowerCase());
  if (!kind) throw errors.unsupportedMediaType(`Unsupported document; ${ALLOWED}`);
  return { buffer, filename, kind };
}

function assertWithinPlan(ctx: Ctx, count: number) {
  const limit = planLimits(ctx.org.plan).knowledgeDocuments;
  if (limit !== null && count >= limit) {
    throw errors.rule("PLAN_LIMIT_REACHED", `Your plan includes ${limit} knowledge documents; delete one or upgrade the plan to add more.`);
  }
}

/** Stores the file, creates the PENDING document and queues its ingestion ("bot.ingest"). */
export async function uploadKnowledgeDocument(ctx: Ctx, form: FormData) {
  const { buffer, filename, kind } = await takeDocumentUpload(form);
  const rawTitle = form.get("title");
  const title = (typeof rawTitle === "string" && rawTitle.trim()) || filename?.replace(/\.[a-z0-9]+$/i, "") || "Document";
  if (title.length > 200) throw errors.validation("Title is too long", [{ path: "title", message: "must be at most 200 characters" }]);
  assertWithinPlan(ctx, await countDocuments(ctx.orgId));
  const mimeType = DOCUMENT_TYPES[kind].mime;
  const file = await storeFile(ctx, { buffer, contentType: mimeType, originalName: filename, purpose: "bot-knowledge" });
  let row: BotDocumentRow;
  try {
    row = await getDb().transaction(async (tx) => {
      await lockOrgDocuments(ctx.orgId, tx); // two uploads at once cannot both take the plan's last slot
      assertWithinPlan(ctx, await countDocuments(ctx.orgId, tx));
      return insertDocument({ orgId: ctx.orgId, title, fileId: file.id, filename, mimeType, size: buffer.length, createdById: ctx.user?.id ?? null }, tx);
    });
  } catch (e) {
    await deleteStoredFile(ctx.orgId, file.id);
    throw e;
  }
  await enqueue("bot.ingest", { documentId: row.id });
  emit("bot.changed", { orgId: ctx.orgId, resource: "document", id: row.id });
  return documentDto(row);
}

/** Deletes the document (its chunks cascade) and then its stored file. */
export async function deleteKnowledgeDocument(ctx: Ctx, id: number) {
  const row = await deleteDocumentRow(ctx.orgId, id);
  if (!row) throw errors.notFound("Document");
  if (row.fileId) await deleteStoredFile(ctx.orgId, row.fileId);
  emit("bot.changed", { orgId: ctx.orgId, resource: "document", id });
}

export async function documentStatus(ctx: Ctx, id: number) {
  const row = await loadDocument(ctx, id);
  return { id: String(row.id), status: row.status, progress: row.progress, error: row.error, chunkCount: row.chunkCount };
}

export async function documentChunks(ctx: Ctx, id: number, page: number, limit: number) {
  await loadDocument(ctx, id);
  const { rows, total } = await pageChunks(ctx.orgId, id, page, limit);
  return {
    data: rows.map((c) => ({ id: String(c.id), position: c.position, content: c.content, location: c.location, tokenCount: c.tokenCount, hasEmbedding: Boolean(c.embedding?.length) })),
    page,
    limit,
    total,
  };
}

export async function testRag(ctx: Ctx, input: { query: string; topK?: number }) {
  return retrieve(ctx.orgId, input.query, { topK: input.topK });
}

/** What retrieval will use: the active config's embedding model (if any) and how much of the knowledge base has vectors. */
export async function embeddingInfo(ctx: Ctx) {
  const provider = await providerOf(ctx.orgId);
  const model = embeddingSpec(provider);
  const stats = await embeddingStats(ctx.orgId);
  const mode: "hybrid" | "text" = model && stats.embeddedChunks > 0 ? "hybrid" : "text";
  const reason = !provider
    ? "No AI provider is configured: retrieval uses full-text search only."
    : !model
      ? `${provider.provider} offers no embedding model: retrieval uses full-text search only.`
      : stats.embeddedChunks === 0
        ? "No chunk has an embedding yet: documents uploaded from now on are embedded (upload older ones again for semantic search)."
        : null;
  return { provider: provider?.provider ?? null, model: model?.label ?? null, available: Boolean(model), reason, mode, ...stats };
}
