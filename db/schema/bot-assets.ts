import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, real, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, ref, ts, tsvector, updatedAt } from "./_shared";
import { createdBy, orgRef } from "./_tenant";
import { storedFiles } from "./files";

/** The bot's assets: the knowledge base (documents, chunks), media it can send, connections and HTTP tools. */

export const documentStatusEnum = pgEnum("bot_document_status", ["PENDING", "PROCESSING", "READY", "FAILED"]);

/** The org's knowledge base: shared by every config of the org. */
export const botDocuments = pgTable(
  "bot_documents",
  {
    id: id(),
    orgId: orgRef(),
    title: text("title").notNull(),
    fileId: ref("file_id").references(() => storedFiles.id, { onDelete: "set null" }),
    filename: text("filename"),
    mimeType: text("mime_type").notNull(),
    size: bigint("size", { mode: "number" }).notNull().default(0),
    status: documentStatusEnum("status").notNull().default("PENDING"),
    /** 0..100 while PROCESSING. */
    progress: integer("progress").notNull().default(0),
    error: text("error"),
    pageCount: integer("page_count"),
    chunkCount: integer("chunk_count").notNull().default(0),
    /** The embedding model of its chunks (null: full-text search only). */
    embeddingModel: text("embedding_model"),
    createdById: createdBy(),
    processedAt: ts("processed_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("bot_documents_org_idx").on(t.orgId, t.createdAt)],
);

export const botChunks = pgTable(
  "bot_chunks",
  {
    id: id(),
    orgId: orgRef(),
    documentId: ref("document_id")
      .notNull()
      .references(() => botDocuments.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    content: text("content").notNull(),
    /** Where it came from in the document ("page 3", a heading…). */
    location: text("location"),
    tokenCount: integer("token_count").notNull().default(0),
    /** Exact cosine over a float array: pgvector is not available in the embedded server. */
    embedding: real("embedding").array(),
    search: tsvector("search").generatedAlwaysAs(sql`to_tsvector('spanish', content) || to_tsvector('english', content)`),
    createdAt: createdAt(),
  },
  (t) => [
    index("bot_chunks_document_idx").on(t.documentId, t.position),
    index("bot_chunks_org_idx").on(t.orgId),
    index("bot_chunks_search_idx").using("gin", t.search),
  ],
);

export const botMediaKindEnum = pgEnum("bot_media_kind", ["IMAGE", "VIDEO", "AUDIO", "DOCUMENT"]);

/** Files the bot can send (intent replies, LLM answers that name them). */
export const botMedia = pgTable(
  "bot_media",
  {
    id: id(),
    orgId: orgRef(),
    name: text("name").notNull(),
    description: text("description"),
    kind: botMediaKindEnum("kind").notNull(),
    fileId: ref("file_id")
      .notNull()
      .references(() => storedFiles.id, { onDelete: "restrict" }),
    thumbnailFileId: ref("thumbnail_file_id").references(() => storedFiles.id, { onDelete: "set null" }),
    mimeType: text("mime_type").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    createdById: createdBy(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("bot_media_org_idx").on(t.orgId)],
);

export const connectionAuthEnum = pgEnum("connection_auth", ["NONE", "BEARER", "BASIC", "API_KEY"]);

/** Connection secrets, encrypted as one JSON document: { token } | { username, password } | { headerName, apiKey }. */
export type ConnectionSecrets = { token?: string; username?: string; password?: string; headerName?: string; apiKey?: string };

/** An external system (CRM, ERP, shop) the bot's tools call; holds the base URL and the credentials. */
export const connections = pgTable(
  "connections",
  {
    id: id(),
    orgId: orgRef(),
    name: text("name").notNull(),
    description: text("description"),
    baseUrl: text("base_url").notNull(),
    authType: connectionAuthEnum("auth_type").notNull().default("NONE"),
    secretsEnc: text("secrets_enc"),
    /** Extra non-secret headers sent on every call. */
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    isActive: boolean("is_active").notNull().default(true),
    lastTestedAt: ts("last_tested_at"),
    lastTestOk: boolean("last_test_ok"),
    createdById: createdBy(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("connections_org_name_key").on(t.orgId, sql`lower(${t.name})`)],
);

export type ToolParameter = {
  name: string;
  type: "string" | "number" | "boolean";
  description?: string;
  required?: boolean;
  enum?: string[];
};

/** An HTTP call the bot (and agents, when allowed) can make: {{param}} placeholders in path, query, headers and body. */
export const botTools = pgTable(
  "bot_tools",
  {
    id: id(),
    orgId: orgRef(),
    /** Function name the LLM sees: ^[a-zA-Z][a-zA-Z0-9_]{0,63}$, unique per org. */
    name: text("name").notNull(),
    description: text("description").notNull(),
    method: text("method").notNull().default("GET"),
    /** Absolute URL, or a path appended to the connection's base URL. */
    url: text("url").notNull(),
    connectionId: ref("connection_id").references(() => connections.id, { onDelete: "set null" }),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    query: jsonb("query").$type<Record<string, string>>().notNull().default({}),
    bodyTemplate: text("body_template"),
    parameters: jsonb("parameters").$type<ToolParameter[]>().notNull().default([]),
    /** Dot path into the JSON response that is handed to the LLM (the whole body when null). */
    responsePath: text("response_path"),
    timeoutMs: integer("timeout_ms").notNull().default(10_000),
    isActive: boolean("is_active").notNull().default(true),
    /** Listed in GET /agent-tools for agents in the inbox. */
    availableToAgents: boolean("available_to_agents").notNull().default(false),
    createdById: createdBy(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("bot_tools_org_name_key").on(t.orgId, sql`lower(${t.name})`)],
);
