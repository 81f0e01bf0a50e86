import { listIntents } from "@/db/queries/bot-config";
import {
  chunksOf,
  connectionsByIds,
  filesByIds,
  listMedia,
  presetsByIds,
  readyDocuments,
  teamsByIds,
  toolsByIds,
  type BotMediaRow,
} from "@/db/queries/bot-library";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { storage } from "@/lib/storage";
import { targetConfig } from "./config/load";
import { EXPORT_FORMAT, publicHeaders, type ExportDocument, type ExportTier } from "./export-document";
import { applyImport, type ImportResult } from "./import-apply";
import { mediaFields } from "./media";
import { buildZip, isZip, readZip, safeFileName } from "./zip";

/**
 * Export: one config of the org (the active one, else the draft edited last, or `configId`) as a versioned JSON
 * document. Tiers: config (config + intents), standard (+ the tools they use with their connections, + media
 * metadata), full (+ media files and the knowledge base: document titles with their extracted chunks). Other rows are
 * named, never numbered; API keys, connection credentials and auth-looking headers never leave.
 */

/** How file bytes travel: not at all, inline as base64 (JSON), or as separate entries (ZIP). */
type FilesMode = "none" | "inline" | "zip";
export type ExportBundle = { document: ExportDocument; files: Record<string, Uint8Array>; configName: string };

const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
const nameOf = <T extends { id: number; name: string }>(rows: Map<number, T>, id: number | null | undefined) => (id ? (rows.get(id)?.name ?? null) : null);

/** The stored objects of the org's files `ids` (their rows in one query), by file id; a missing one is left out. */
async function readObjects(orgId: number, ids: (number | null)[]) {
  const rows = await filesByIds(orgId, [...new Set(ids.filter((id): id is number => !!id))]);
  const out = new Map<number, { file: (typeof rows)[number]; body: Buffer }>();
  for (const file of rows) {
    const body = await storage().get(file.storageKey);
    if (body) out.set(file.id, { file, body });
  }
  return out;
}

async function mediaEntries(orgId: number, rows: BotMediaRow[], mode: FilesMode, files: ExportBundle["files"]) {
  const objects = await readObjects(orgId, mode === "none" ? [] : rows.flatMap((m) => [m.fileId, m.thumbnailFileId]));
  return rows.map((m) => {
    const entry: NonNullable<ExportDocument["media"]>[number] = { ...mediaFields(m), filename: null };
    if (mode === "none") return entry;
    const main = objects.get(m.fileId);
    const thumb = m.thumbnailFileId ? objects.get(m.thumbnailFileId) : undefined;
    entry.filename = main?.file.originalName ?? null;
    if (main && mode === "inline") entry.data = main.body.toString("base64");
    if (main && mode === "zip") {
      entry.file = `media/${m.id}-${safeFileName(main.file.originalName ?? m.name)}`;
      files[entry.file] = main.body;
    }
    if (thumb) {
      const mimeType = thumb.file.contentType === "image/png" ? "image/png" : "image/jpeg";
      if (mode === "inline") entry.thumbnail = { mimeType, data: thumb.body.toString("base64") };
      else {
        const file = `media/${m.id}-thumbnail.${mimeType === "image/png" ? "png" : "jpg"}`;
        files[file] = thumb.body;
        entry.thumbnail = { mimeType, file };
      }
    }
    return entry;
  });
}

async function documentEntries(orgId: number, mode: FilesMode, files: ExportBundle["files"]) {
  const docs = await readyDocuments(orgId);
  const chunks = new Map(docs.map((d) => [d.id, [] as { content: string; location: string | null }[]]));
  const rows = await chunksOf(
    orgId,
    docs.map((d) => d.id),
  );
  for (const { documentId, content, location } of rows) chunks.get(documentId)?.push({ content, location });
  // The original file only travels in ZIPs: inline, the chunks already carry the text and base64 would double it.
  const originals = await readObjects(orgId, mode === "zip" ? docs.map((d) => d.fileId) : []);
  return docs.map((d) => {
    const entry: NonNullable<ExportDocument["documents"]>[number] = {
      title: d.title,
      filename: d.filename,
      mimeType: d.mimeType,
      size: d.size,
      pageCount: d.pageCount,
      chunks: chunks.get(d.id)!,
    };
    const original = d.fileId ? originals.get(d.fileId) : undefined;
    if (original) {
      entry.file = `documents/${d.id}-${safeFileName(d.filename ?? d.title)}`;
      files[entry.file] = original.body;
    }
    return entry;
  });
}

export async function buildExport(orgId: number, configId: number | null, tier: ExportTier, mode: FilesMode): Promise<ExportBundle> {
  const config = await targetConfig({ orgId }, configId);
  const intents = await listIntents(orgId, config.id);
  const settings = config.settings ?? {};
  const toolIds = [...new Set([...(settings.toolIds ?? []).map(Number), ...intents.map((i) => i.toolId).filter((v): v is number => !!v)])];
  const [presets, teams, tools, media] = await Promise.all([
    presetsByIds(orgId, config.presetId ? [config.presetId] : []),
    teamsByIds(orgId, [...intents.map((i) => i.teamId), settings.handoffTeamId].filter((v): v is number => !!v).map(Number)),
    toolsByIds(orgId, toolIds),
    listMedia(orgId),
  ]);
  const [teamMap, toolMap, mediaMap] = [byId(teams), byId(tools), byId(media)];
  const connections = await connectionsByIds(
    orgId,
    tools.map((t) => t.connectionId).filter((v): v is number => !!v),
  );
  const connectionMap = byId(connections);
  const files: ExportBundle["files"] = {};

  const document: ExportDocument = {
    format: EXPORT_FORMAT,
    version: 1,
    tier,
    exportedAt: new Date().toISOString(),
    config: {
      name: config.name,
      preset: presets[0]?.name ?? null,
      provider: config.provider,
      model: config.model,
      baseUrl: config.baseUrl,
      embeddingModel: config.embeddingModel,
      temperature: config.temperature,
      maxTokens: config.maxTokens,
      systemPrompt: config.systemPrompt,
      welcomeMessage: config.welcomeMessage,
      fallbackMessage: config.fallbackMessage,
      handoffMessage: config.handoffMessage,
      confidenceThreshold: config.confidenceThreshold,
      language: config.language,
      settings: {
        handoffKeywords: settings.handoffKeywords,
        historyTurns: settings.historyTurns,
        ragTopK: settings.ragTopK,
        ragEnabled: settings.ragEnabled,
        tools: (settings.toolIds ?? []).map((id) => nameOf(toolMap, Number(id))).filter((n): n is string => !!n),
        handoffTeam: nameOf(teamMap, settings.handoffTeamId ? Number(settings.handoffTeamId) : null),
      },
    },
    intents: intents.map((i) => ({
      name: i.name,
      description: i.description,
      isActive: i.isActive,
      keywords: i.keywords,
      patterns: i.patterns,
      examples: i.examples,
      action: i.action,
      response: i.response,
      media: nameOf(mediaMap, i.mediaId),
      tool: nameOf(toolMap, i.toolId),
      team: nameOf(teamMap, i.teamId),
      actionConfig: i.actionConfig ?? {},
    })),
  };
  if (tier !== "config") {
    document.connections = connections.map((c) => ({ name: c.name, description: c.description, baseUrl: c.baseUrl, authType: c.authType, headers: publicHeaders(c.headers) }));
    document.tools = tools.map((t) => ({
      name: t.name,
      description: t.description,
      method: t.method as "GET",
      url: t.url,
      connection: nameOf(connectionMap, t.connectionId),
      headers: publicHeaders(t.headers),
      query: t.query,
      bodyTemplate: t.bodyTemplate,
      parameters: t.parameters,
      responsePath: t.responsePath,
      timeoutMs: t.timeoutMs,
      isActive: t.isActive,
      availableToAgents: t.availableToAgents,
    }));
    document.media = await mediaEntries(orgId, media, tier === "full" ? mode : "none", files);
  }
  if (tier === "full") document.documents = await documentEntries(orgId, mode, files);
  return { document, files, configName: config.name };
}

/** The export document; at the full tier media files ride inline as base64. */
export async function exportBot(orgId: number, configId: number | null, tier: ExportTier): Promise<ExportDocument> {
  return (await buildExport(orgId, configId, tier, "inline")).document;
}

export const exportFileName = (configName: string, tier: ExportTier, ext: "json" | "zip") =>
  `bot-${safeFileName(configName).toLowerCase()}-${tier}-${new Date().toISOString().slice(0, 10)}.${ext}`;

/** bot.json plus media/<id>-<name> and documents/<id>-<name> entries. */
export async function exportBotZip(orgId: number, configId: number | null, tier: "standard" | "full") {
  const bundle = await buildExport(orgId, configId, tier, "zip");
  const zip = buildZip({ "bot.json": JSON.stringify(bundle.document, null, 2), ...bundle.files });
  return { zip, filename: exportFileName(bundle.configName, tier, "zip") };
}

/** POST /bot-config/import: the `file` field holds a JSON export or a ZIP made by export-zip (bot.json + files). */
export async function importUpload(ctx: Ctx, form: FormData): Promise<ImportResult> {
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) throw errors.validation('Attach the export in the "file" field', [{ path: "file", message: "is required" }]);
  const nameField = form.get("name");
  const name = typeof nameField === "string" && nameField.trim() ? nameField.trim().slice(0, 120) : undefined;
  const bytes = new Uint8Array(await file.arrayBuffer());
  let files: Record<string, Uint8Array> | undefined;
  let json: Uint8Array = bytes;
  if (isZip(bytes)) {
    files = readZip(bytes);
    const doc = files["bot.json"];
    if (!doc) throw errors.validation("The archive has no bot.json", [{ path: "file", message: "bot.json is missing" }]);
    json = doc;
  }
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(json).toString("utf8"));
  } catch {
    throw errors.validation("The file is neither a JSON export nor a ZIP export", [{ path: "file", message: "is not valid JSON" }]);
  }
  return applyImport(ctx, payload, { files, name });
}

const attachment = (filename: string) => `attachment; filename="${filename}"`;

export async function exportJsonResponse(ctx: Ctx, configId: number | null, tier: ExportTier) {
  const bundle = await buildExport(ctx.orgId, configId, tier, "inline");
  return new Response(JSON.stringify(bundle.document, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": attachment(exportFileName(bundle.configName, tier, "json")),
      "cache-control": "no-store",
    },
  });
}

export async function exportZipResponse(ctx: Ctx, configId: number | null, tier: "standard" | "full") {
  const { zip, filename } = await exportBotZip(ctx.orgId, configId, tier);
  return new Response(new Uint8Array(zip), {
    headers: { "content-type": "application/zip", "content-disposition": attachment(filename), "content-length": String(zip.length), "cache-control": "no-store" },
  });
}
