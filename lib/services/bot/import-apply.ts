import { getDb, type Tx } from "@/db/client";
import { insertConfig, insertIntents, updateConfig, type BotConfigRow } from "@/db/queries/bot-config";
import { countDocuments, insertChunks, insertDocuments, lockOrgDocuments } from "@/db/queries/bot-knowledge";
import {
  connectionsByNames,
  deleteIntentsOf,
  documentsByTitles,
  insertConnections,
  insertFileRows,
  insertMediaRows,
  insertTools,
  mediaByNames,
  presetsByNames,
  teamsByNames,
  toolsByNames,
} from "@/db/queries/bot-library";
import type { Ctx } from "@/lib/api/context";
import type { BotConfigDto } from "@/lib/api/contracts/bot-schemas";
import { errors, zodDetails } from "@/lib/api/errors";
import { emit } from "@/lib/events/emit";
import type { BotResource } from "@/lib/events/types";
import { assertPublicUrlShape } from "@/lib/net/safe-fetch";
import { audit } from "@/lib/services/audit";
import { removeObject } from "@/lib/services/files/store";
import { planLimits } from "@/lib/billing/plans";
import { configDto } from "./config/load";
import { recordPrompt } from "./config/prompt-versions";
import { exportDocumentSchema, type ExportDocument } from "./export-document";
import { stageFiles, type Staged, type StagedFiles } from "./import-files";
import { estimateTokens } from "./knowledge/chunk";

/** `templateId` names the template imported (for the audit log). */
export type ImportOptions = { files?: Record<string, Uint8Array>; name?: string; templateId?: string };
export type ImportCounts = { intents: number; tools: number; connections: number; media: number; documents: number };
export type ImportResult = { config: BotConfigDto; created: ImportCounts; warnings: string[] };

const lower = (s: string) => s.toLowerCase();

export function parseExportDocument(payload: unknown): ExportDocument {
  const r = exportDocumentSchema.safeParse(payload);
  if (!r.success) throw errors.validation("This is not a valid bot export document", zodDetails(r.error));
  return r.data;
}

/** URLs are checked before anything is written (the same shape rule as the builder's own forms). */
function checkUrls(doc: ExportDocument) {
  const check = (url: string | null | undefined, path: string) => {
    if (!url) return;
    try {
      assertPublicUrlShape(url);
    } catch (e) {
      throw errors.validation("The document holds an invalid URL", [{ path, message: (e as Error).message }]);
    }
  };
  check(doc.config.baseUrl, "config.baseUrl");
  doc.connections?.forEach((c, i) => check(c.baseUrl, `connections.${i}.baseUrl`));
  doc.tools?.forEach((t, i) => /^https?:/i.test(t.url) && check(t.url, `tools.${i}.url`));
}

const nameMap = <T extends { id: number; name: string }>(rows: T[]) => new Map(rows.map((r) => [lower(r.name), r.id]));
/** The entries whose name the org does not have yet, each name once (the first entry of a name wins). */
const missing = <T>(entries: T[] | undefined, nameOf: (e: T) => string, existing: { has(name: string): boolean }) => {
  const seen = new Set<string>();
  return (entries ?? []).filter((e) => {
    const key = lower(nameOf(e));
    if (existing.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/**
 * Writes the document into the org inside `tx`: connections, tools, media and documents by name (existing ones are
 * reused; each kind is written with one statement), then the config (a new draft, or `configId` replaced in place)
 * and its intents.
 */
export async function applyDocument(tx: Tx, ctx: Pick<Ctx, "orgId" | "user" | "org">, doc: ExportDocument, staged: StagedFiles, target: { configId: number } | { name?: string }) {
  const orgId = ctx.orgId;
  const createdById = ctx.user?.id ?? null;
  const warnings: string[] = [];

  const connections = nameMap(await connectionsByNames(orgId, (doc.connections ?? []).map((c) => c.name), tx));
  const newConnections = missing(doc.connections, (c) => c.name, connections);
  const insertedConnections = await insertConnections(
    newConnections.map((c) => ({ orgId, name: c.name, description: c.description ?? null, baseUrl: c.baseUrl, authType: c.authType, headers: c.headers ?? {}, createdById })),
    tx,
  );
  insertedConnections.forEach((r) => connections.set(lower(r.name), r.id));
  for (const c of newConnections) if (c.authType !== "NONE") warnings.push(`Connection "${c.name}" was created without its credentials: add them in Tools → Connections`);

  const toolNames = [...(doc.tools ?? []).map((t) => t.name), ...(doc.config.settings?.tools ?? []), ...doc.intents.flatMap((i) => (i.tool ? [i.tool] : []))];
  const tools = nameMap(await toolsByNames(orgId, toolNames, tx));
  const newTools = missing(doc.tools, (t) => t.name, tools);
  const insertedTools = await insertTools(
    newTools.map((t) => {
      const connectionId = t.connection ? (connections.get(lower(t.connection)) ?? null) : null;
      if (t.connection && !connectionId) warnings.push(`Tool "${t.name}": connection "${t.connection}" does not exist here`);
      return {
        orgId,
        name: t.name,
        description: t.description,
        method: t.method,
        url: t.url,
        connectionId,
        headers: t.headers ?? {},
        query: t.query ?? {},
        bodyTemplate: t.bodyTemplate ?? null,
        parameters: t.parameters ?? [],
        responsePath: t.responsePath ?? null,
        timeoutMs: t.timeoutMs ?? 10_000,
        isActive: t.isActive ?? true,
        availableToAgents: t.availableToAgents ?? false,
        createdById,
      };
    }),
    tx,
  );
  insertedTools.forEach((r) => tools.set(lower(r.name), r.id));

  const mediaNames = [...(doc.media ?? []).map((m) => m.name), ...doc.intents.flatMap((i) => (i.media ? [i.media] : []))];
  const media = nameMap(await mediaByNames(orgId, mediaNames, tx));
  const newMedia = missing(doc.media, (m) => m.name, media).flatMap((m) => {
    const s = staged.media.get(lower(m.name));
    return s ? [{ m, s }] : [];
  });
  const existingDocs = new Set((await documentsByTitles(orgId, (doc.documents ?? []).map((d) => d.title), tx)).map((d) => lower(d.title)));
  const newDocs = missing(doc.documents, (d) => d.title, existingDocs);
  const limit = planLimits(ctx.org.plan).knowledgeDocuments;
  if (limit !== null && newDocs.length) {
    await lockOrgDocuments(orgId, tx); // the same lock as an upload: the two cannot both take the plan's last slots
    if ((await countDocuments(orgId, tx)) + newDocs.length > limit) {
      throw errors.rule("PLAN_LIMIT_REACHED", `Your plan includes ${limit} knowledge documents; this import would add ${newDocs.length}. Delete some or upgrade the plan.`);
    }
  }

  // The staged files of the new media and documents get their rows in one statement, found again by storage key.
  const stagedRows = [
    ...newMedia.flatMap(({ s }) => [s.file, s.thumbnail]).flatMap((f) => (f ? [{ ...f, purpose: "bot-media" }] : [])),
    ...newDocs.flatMap((d) => staged.documents.get(lower(d.title)) ?? []).map((f) => ({ ...f, purpose: "bot-document" })),
  ];
  const fileRows = new Map((await insertFileRows(stagedRows.map((f) => ({ orgId, uploadedById: createdById, ...f })), tx)).map((f) => [f.storageKey, f]));
  const fileOf = (f: Staged | null | undefined) => (f ? fileRows.get(f.storageKey) : undefined);

  const insertedMedia = await insertMediaRows(
    newMedia.map(({ m, s }) => {
      const file = fileOf(s.file)!;
      const thumbnailFileId = fileOf(s.thumbnail)?.id ?? null;
      return { orgId, name: m.name, description: m.description ?? null, kind: s.kind, fileId: file.id, thumbnailFileId, mimeType: file.contentType, size: file.size, tags: m.tags ?? [], createdById };
    }),
    tx,
  );
  insertedMedia.forEach((r) => media.set(lower(r.name), r.id));

  const insertedDocs = await insertDocuments(
    newDocs.map((d) => {
      const file = fileOf(staged.documents.get(lower(d.title)));
      return {
        orgId,
        title: d.title,
        fileId: file?.id ?? null,
        filename: d.filename ?? null,
        mimeType: d.mimeType,
        size: d.size ?? file?.size ?? 0,
        status: "READY" as const,
        progress: 100,
        pageCount: d.pageCount ?? null,
        chunkCount: d.chunks.length,
        createdById,
        processedAt: new Date(),
      };
    }),
    tx,
  );
  const docIds = new Map(insertedDocs.map((r) => [lower(r.title), r.id]));
  await insertChunks(
    newDocs.flatMap((d) =>
      d.chunks.map((c, position) => ({ orgId, documentId: docIds.get(lower(d.title))!, position, content: c.content, location: c.location ?? null, tokenCount: estimateTokens(c.content) })),
    ),
    tx,
  );

  const teamNames = [doc.config.settings?.handoffTeam, ...doc.intents.map((i) => i.team)].filter((n): n is string => !!n);
  const teams = nameMap(await teamsByNames(orgId, teamNames, tx));
  const [preset] = doc.config.preset ? await presetsByNames(orgId, [doc.config.preset], tx) : [];
  if (doc.config.preset && !preset) warnings.push(`Provider preset "${doc.config.preset}" does not exist here: the config uses its own provider fields`);
  const ref = (map: Map<string, number>, name: string | null | undefined, what: string) => {
    if (!name) return null;
    const id = map.get(lower(name));
    if (!id) warnings.push(`${what} "${name}" does not exist here and was left out`);
    return id ?? null;
  };

  const c = doc.config;
  const s = c.settings ?? {};
  const values = {
    presetId: preset?.id ?? null,
    provider: c.provider ?? null,
    model: c.model ?? null,
    baseUrl: c.baseUrl ?? null,
    embeddingModel: c.embeddingModel ?? null,
    temperature: c.temperature ?? 0.3,
    maxTokens: c.maxTokens ?? 500,
    welcomeMessage: c.welcomeMessage ?? null,
    fallbackMessage: c.fallbackMessage ?? null,
    handoffMessage: c.handoffMessage ?? null,
    confidenceThreshold: c.confidenceThreshold ?? 0.5,
    language: c.language ?? "es",
    settings: {
      ...(s.handoffKeywords ? { handoffKeywords: s.handoffKeywords } : {}),
      ...(s.historyTurns !== undefined ? { historyTurns: s.historyTurns } : {}),
      ...(s.ragTopK !== undefined ? { ragTopK: s.ragTopK } : {}),
      ...(s.ragEnabled !== undefined ? { ragEnabled: s.ragEnabled } : {}),
      toolIds: (s.tools ?? []).map((n) => ref(tools, n, "Tool")).filter((id): id is number => id !== null),
      handoffTeamId: ref(teams, s.handoffTeam, "Team"),
    },
  };
  const systemPrompt = c.systemPrompt ?? "";
  let config: BotConfigRow;
  if ("configId" in target) {
    const updated = await updateConfig(orgId, target.configId, values, tx);
    if (!updated) throw errors.notFound("Bot config");
    config = await recordPrompt(ctx, updated, systemPrompt, "Restored from a snapshot", tx);
    await deleteIntentsOf(orgId, config.id, tx);
  } else {
    const inserted = await insertConfig({ ...values, orgId, name: target.name ?? c.name, isActive: false, createdById }, tx);
    config = await recordPrompt(ctx, inserted, systemPrompt, "Imported", tx);
  }
  const intents = await insertIntents(
    doc.intents.map((i, position) => ({
      orgId,
      configId: config.id,
      name: i.name,
      description: i.description ?? null,
      position,
      isActive: i.isActive ?? true,
      keywords: i.keywords ?? [],
      patterns: i.patterns ?? [],
      examples: i.examples ?? [],
      action: i.action,
      response: i.response ?? null,
      mediaId: ref(media, i.media, `Media of intent "${i.name}":`),
      toolId: ref(tools, i.tool, `Tool of intent "${i.name}":`),
      teamId: ref(teams, i.team, `Team of intent "${i.name}":`),
      actionConfig: i.actionConfig ?? {},
    })),
    tx,
  );
  const created: ImportCounts = {
    intents: intents.length,
    tools: insertedTools.length,
    connections: insertedConnections.length,
    media: insertedMedia.length,
    documents: insertedDocs.length,
  };
  // Staged files without a row (one of that name appeared between staging and the transaction) are removed after.
  return { config, created, warnings: [...new Set(warnings)], usedKeys: new Set(fileRows.keys()) };
}

/** Events after a committed import or restore: the config, and each kind of row that was created. */
export function emitImported(orgId: number, configId: number, created: ImportCounts) {
  emit("bot.changed", { orgId, resource: "config", id: configId });
  emit("bot.changed", { orgId, resource: "intent", id: null });
  const kinds: [keyof ImportCounts, BotResource][] = [
    ["tools", "tool"],
    ["connections", "connection"],
    ["media", "media"],
    ["documents", "document"],
  ];
  for (const [k, resource] of kinds) if (created[k]) emit("bot.changed", { orgId, resource, id: null });
}

/** Stages the files, writes everything in one transaction, and cleans the storage up whichever way it ends. */
export async function runImport<T extends { usedKeys: Set<string> }>(orgId: number, doc: ExportDocument, files: Record<string, Uint8Array> | undefined, write: (tx: Tx, staged: StagedFiles) => Promise<T>) {
  checkUrls(doc);
  const staged = await stageFiles(orgId, doc, files);
  let result: T;
  try {
    result = await getDb().transaction((tx) => write(tx, staged));
  } catch (e) {
    await Promise.all(staged.keys.map(removeObject));
    throw e;
  }
  await Promise.all(staged.keys.filter((k) => !result.usedKeys.has(k)).map(removeObject));
  return result;
}

/**
 * Imports an export document as a NEW DRAFT config (the active config is never touched), re-creating the tools,
 * connections, media and documents it names when the org has none of that name. Strictly validated first (400,
 * nothing written); `files` are the entries of an uploaded ZIP.
 */
export async function applyImport(ctx: Ctx, payload: unknown, opts: ImportOptions = {}): Promise<ImportResult> {
  const doc = parseExportDocument(payload);
  const r = await runImport(ctx.orgId, doc, opts.files, async (tx, staged) => {
    const applied = await applyDocument(tx, ctx, doc, staged, { name: opts.name });
    const meta = { tier: doc.tier, templateId: opts.templateId, created: applied.created };
    await audit(ctx, "bot.imported", { type: "bot_config", id: applied.config.id }, meta, tx);
    return applied;
  });
  emitImported(ctx.orgId, r.config.id, r.created);
  return { config: await configDto(r.config), created: r.created, warnings: r.warnings };
}
