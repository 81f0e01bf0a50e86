import { z } from "zod";
import { DOCUMENT_MIME_TYPES, MAX_DOCUMENT_BYTES } from "@/lib/services/bot/knowledge/formats";
import { defineContract, idParams, idString, pageOf, pageQuery } from "../contract";
import { botAccess } from "./bot-access";
import { aiProviderSchema, chunkSchema, documentSchema, documentStatusSchema, passageSchema } from "./bot-schemas";

const { read, manage } = botAccess("Bot knowledge");

export const listDocuments = defineContract({
  ...read,
  method: "GET",
  path: "/bot-config/documents",
  summary: "List knowledge base documents",
  description: "Newest first, with their processing status and progress.",
  response: z.object({ data: z.array(documentSchema) }),
});

export const uploadDocument = defineContract({
  ...manage,
  method: "POST",
  path: "/bot-config/documents",
  summary: "Upload a document to the knowledge base",
  description:
    "multipart/form-data: the file in `file` (PDF, DOCX, TXT, Markdown, CSV or HTML, at most 20 MB; 415/413 otherwise), optional `title` " +
    "(default: the file name). Answers 202 with the document PENDING; ingestion (text extraction, chunking, embeddings when the " +
    "provider offers them) runs as a job and reports progress through `bot.document_progress` events and GET …/{id}/status. " +
    "422 PLAN_LIMIT_REACHED when the plan's document allowance is used up.",
  // The content decides the type, not the declared one (documents.ts).
  multipart: { field: "file", maxBytes: MAX_DOCUMENT_BYTES, types: DOCUMENT_MIME_TYPES },
  status: 202,
  response: documentSchema,
});

export const deleteDocument = defineContract({
  ...manage,
  method: "DELETE",
  path: "/bot-config/documents/{id}",
  summary: "Delete a document and its chunks",
  description: "The chunks go with it and the stored file is removed.",
  params: idParams,
  tenantResource: "botDocument",
  status: 204,
});

export const documentStatus = defineContract({
  ...read,
  method: "GET",
  path: "/bot-config/documents/{id}/status",
  summary: "Get document processing status",
  params: idParams,
  tenantResource: "botDocument",
  response: z.object({ id: idString, status: documentStatusSchema, progress: z.number().int(), error: z.string().nullable(), chunkCount: z.number().int() }),
});

export const documentChunks = defineContract({
  ...read,
  method: "GET",
  path: "/bot-config/documents/{id}/chunks",
  summary: "Get chunks for a document",
  description: "In document order, paged.",
  params: idParams,
  query: z.strictObject(pageQuery),
  tenantResource: "botDocument",
  response: pageOf(chunkSchema),
});

export const testRag = defineContract({
  ...read,
  method: "POST",
  path: "/bot-config/test-rag",
  summary: "Test RAG query",
  description:
    "Runs the bot's retrieval on a query: full-text search, fused with vector similarity (mode `hybrid`) when the active " +
    "config's provider can embed and documents were embedded with its model. `score` is 0..1 and is what the engine compares " +
    "with the config's confidence threshold; `ms` is the retrieval time.",
  body: z.strictObject({ query: z.string().trim().min(1, "is required").max(2000), topK: z.number().int().min(1).max(20).optional() }),
  response: z.object({ passages: z.array(passageSchema), mode: z.enum(["hybrid", "text"]), ms: z.number() }),
  example: { query: "¿Cuál es el horario de atención?", topK: 5 },
});

export const embeddingInfo = defineContract({
  ...read,
  method: "GET",
  path: "/bot-config/embedding-info",
  summary: "Get embedding model information",
  description: "The active config's embedding model (null when its provider has none) and how much of the knowledge base carries vectors.",
  response: z.object({
    provider: aiProviderSchema.nullable(),
    model: z.string().nullable(),
    available: z.boolean().describe("the provider offers an embedding model"),
    reason: z.string().nullable().describe("why retrieval is text-only, when it is"),
    dimensions: z.number().int().nullable(),
    mode: z.enum(["hybrid", "text"]),
    chunks: z.number().int(),
    embeddedChunks: z.number().int(),
    documents: z.number().int(),
  }),
});
