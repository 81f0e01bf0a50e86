import { and, asc, desc, eq, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import {
  botChunks,
  botConfigs,
  botDocuments,
  botFeedback,
  botIntents,
  botMedia,
  botPresets,
  botSnapshots,
  botTemplates,
  botTools,
  connections,
  conversations,
  messages,
  storedFiles,
  teams,
  users,
} from "@/db/schema";
import type { BotConfigRow, BotIntentRow } from "./bot-config";
import type { BotDocumentRow } from "./bot-knowledge";
import type { BotToolRow } from "./bot-tools";
import type { ConnectionRow } from "./connections";

/** SQL of the bot "library": export/import, snapshots, media, templates and feedback. Always scoped by org. */

export type { BotConfigRow, BotDocumentRow, BotIntentRow, BotToolRow, ConnectionRow };
export type BotMediaRow = typeof botMedia.$inferSelect;
export type BotSnapshotRow = typeof botSnapshots.$inferSelect;
export type BotTemplateRow = typeof botTemplates.$inferSelect;

const one = async <T>(q: Promise<T[]>) => (await q)[0];
const lowerIn = (column: SQL | typeof botTools.name, names: string[]) =>
  inArray(sql`lower(${column})`, names.map((n) => n.toLowerCase()));

// ---- intents (the rest of config SQL lives in db/queries/bot-config.ts) ----------------------------------------------

export const deleteIntentsOf = (orgId: number, configId: number, tx: Tx) =>
  tx.delete(botIntents).where(and(eq(botIntents.orgId, orgId), eq(botIntents.configId, configId)));

// ---- rows referenced by name ---------------------------------------------------------------------------------------

export const presetsByIds = (orgId: number, ids: number[], tx: Tx = getDb()) =>
  ids.length ? tx.select().from(botPresets).where(and(eq(botPresets.orgId, orgId), inArray(botPresets.id, ids))) : Promise.resolve([]);
export const presetsByNames = (orgId: number, names: string[], tx: Tx = getDb()) =>
  names.length ? tx.select().from(botPresets).where(and(eq(botPresets.orgId, orgId), lowerIn(sql`${botPresets.name}`, names))) : Promise.resolve([]);

export const teamsByIds = (orgId: number, ids: number[], tx: Tx = getDb()) =>
  ids.length ? tx.select().from(teams).where(and(eq(teams.orgId, orgId), inArray(teams.id, ids))) : Promise.resolve([]);
export const teamsByNames = (orgId: number, names: string[], tx: Tx = getDb()) =>
  names.length
    ? tx
        .select()
        .from(teams)
        .where(and(eq(teams.orgId, orgId), eq(teams.isActive, true), lowerIn(sql`${teams.name}`, names)))
    : Promise.resolve([]);

export const toolsByIds = (orgId: number, ids: number[], tx: Tx = getDb()) =>
  ids.length ? tx.select().from(botTools).where(and(eq(botTools.orgId, orgId), inArray(botTools.id, ids))).orderBy(asc(botTools.id)) : Promise.resolve([]);
export const toolsByNames = (orgId: number, names: string[], tx: Tx = getDb()) =>
  names.length ? tx.select().from(botTools).where(and(eq(botTools.orgId, orgId), lowerIn(botTools.name, names))) : Promise.resolve([]);
export const insertTools = (values: (typeof botTools.$inferInsert)[], tx: Tx) => (values.length ? tx.insert(botTools).values(values).returning() : Promise.resolve([]));

export const connectionsByIds = (orgId: number, ids: number[], tx: Tx = getDb()) =>
  ids.length ? tx.select().from(connections).where(and(eq(connections.orgId, orgId), inArray(connections.id, ids))) : Promise.resolve([]);
export const connectionsByNames = (orgId: number, names: string[], tx: Tx = getDb()) =>
  names.length ? tx.select().from(connections).where(and(eq(connections.orgId, orgId), lowerIn(sql`${connections.name}`, names))) : Promise.resolve([]);
export const insertConnections = (values: (typeof connections.$inferInsert)[], tx: Tx) =>
  values.length ? tx.insert(connections).values(values).returning() : Promise.resolve([]);

export const mediaByNames = (orgId: number, names: string[], tx: Tx = getDb()) =>
  names.length ? tx.select().from(botMedia).where(and(eq(botMedia.orgId, orgId), lowerIn(sql`${botMedia.name}`, names))) : Promise.resolve([]);

export const filesByIds = (orgId: number, ids: number[], tx: Tx = getDb()) =>
  ids.length ? tx.select().from(storedFiles).where(and(eq(storedFiles.orgId, orgId), inArray(storedFiles.id, ids))) : Promise.resolve([]);
export const insertFileRows = (values: (typeof storedFiles.$inferInsert)[], tx: Tx) =>
  values.length ? tx.insert(storedFiles).values(values).returning() : Promise.resolve([]);

// ---- knowledge documents -------------------------------------------------------------------------------------------

export const readyDocuments = (orgId: number, tx: Tx = getDb()) =>
  tx
    .select()
    .from(botDocuments)
    .where(and(eq(botDocuments.orgId, orgId), eq(botDocuments.status, "READY")))
    .orderBy(asc(botDocuments.id));

export const chunksOf = (orgId: number, documentIds: number[], tx: Tx = getDb()) =>
  documentIds.length
    ? tx
        .select({ documentId: botChunks.documentId, content: botChunks.content, location: botChunks.location })
        .from(botChunks)
        .where(and(eq(botChunks.orgId, orgId), inArray(botChunks.documentId, documentIds)))
        .orderBy(asc(botChunks.documentId), asc(botChunks.position))
    : Promise.resolve([]);

export const documentsByTitles = (orgId: number, titles: string[], tx: Tx = getDb()) =>
  titles.length ? tx.select().from(botDocuments).where(and(eq(botDocuments.orgId, orgId), lowerIn(sql`${botDocuments.title}`, titles))) : Promise.resolve([]);

// ---- snapshots -----------------------------------------------------------------------------------------------------

export const insertSnapshot = (values: typeof botSnapshots.$inferInsert, tx: Tx = getDb()) => one(tx.insert(botSnapshots).values(values).returning());

export const listSnapshots = (orgId: number, configId: number | undefined, tx: Tx = getDb()) =>
  tx
    .select({ id: botSnapshots.id, configId: botSnapshots.configId, name: botSnapshots.name, note: botSnapshots.note, size: botSnapshots.size, createdAt: botSnapshots.createdAt })
    .from(botSnapshots)
    .where(and(eq(botSnapshots.orgId, orgId), configId === undefined ? undefined : eq(botSnapshots.configId, configId)))
    .orderBy(desc(botSnapshots.createdAt), desc(botSnapshots.id))
    .limit(200);

export const findSnapshot = (orgId: number, id: number, tx: Tx = getDb()) =>
  one(tx.select().from(botSnapshots).where(and(eq(botSnapshots.orgId, orgId), eq(botSnapshots.id, id))).limit(1));

export const deleteSnapshot = (orgId: number, id: number, tx: Tx = getDb()) =>
  one(tx.delete(botSnapshots).where(and(eq(botSnapshots.orgId, orgId), eq(botSnapshots.id, id))).returning({ id: botSnapshots.id }));

// ---- media ---------------------------------------------------------------------------------------------------------

export const listMedia = (orgId: number, tx: Tx = getDb()) =>
  tx.select().from(botMedia).where(eq(botMedia.orgId, orgId)).orderBy(desc(botMedia.createdAt), desc(botMedia.id));

export const findMedia = (orgId: number, id: number, tx: Tx = getDb()) =>
  one(tx.select().from(botMedia).where(and(eq(botMedia.orgId, orgId), eq(botMedia.id, id))).limit(1));

export const insertMedia = (values: typeof botMedia.$inferInsert, tx: Tx = getDb()) => one(tx.insert(botMedia).values(values).returning());
export const insertMediaRows = (values: (typeof botMedia.$inferInsert)[], tx: Tx) => (values.length ? tx.insert(botMedia).values(values).returning() : Promise.resolve([]));

export const updateMedia = (orgId: number, id: number, values: Partial<Pick<BotMediaRow, "name" | "description" | "tags">>, tx: Tx = getDb()) =>
  one(
    tx
      .update(botMedia)
      .set({ ...values, updatedAt: new Date() })
      .where(and(eq(botMedia.orgId, orgId), eq(botMedia.id, id)))
      .returning(),
  );

export const deleteMediaRow = (orgId: number, id: number, tx: Tx) =>
  one(tx.delete(botMedia).where(and(eq(botMedia.orgId, orgId), eq(botMedia.id, id))).returning());

export const intentsUsingMedia = (orgId: number, mediaId: number, tx: Tx = getDb()) =>
  tx
    .select({ id: botIntents.id, name: botIntents.name, configName: botConfigs.name })
    .from(botIntents)
    .innerJoin(botConfigs, eq(botConfigs.id, botIntents.configId))
    .where(and(eq(botIntents.orgId, orgId), eq(botIntents.mediaId, mediaId)));

export const mediaNameTaken = async (orgId: number, name: string, exceptId: number | null, tx: Tx = getDb()) =>
  !!(await one(
    tx
      .select({ id: botMedia.id })
      .from(botMedia)
      .where(and(eq(botMedia.orgId, orgId), sql`lower(${botMedia.name}) = ${name.toLowerCase()}`, exceptId ? sql`${botMedia.id} <> ${exceptId}` : undefined))
      .limit(1),
  ));

export const deleteFileRows = (orgId: number, ids: number[], tx: Tx) =>
  ids.length ? tx.delete(storedFiles).where(and(eq(storedFiles.orgId, orgId), inArray(storedFiles.id, ids))).returning() : Promise.resolve([]);

// ---- templates (platform-wide: no org) -----------------------------------------------------------------------------

export const listTemplates = (tx: Tx = getDb()) => tx.select().from(botTemplates).orderBy(asc(botTemplates.category), asc(botTemplates.name));

export const findTemplate = (id: number, tx: Tx = getDb()) => one(tx.select().from(botTemplates).where(eq(botTemplates.id, id)).limit(1));

export const insertTemplate = (values: typeof botTemplates.$inferInsert, tx: Tx = getDb()) => one(tx.insert(botTemplates).values(values).returning());

export const updateTemplate = (id: number, values: Partial<typeof botTemplates.$inferInsert>, tx: Tx = getDb()) =>
  one(
    tx
      .update(botTemplates)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(botTemplates.id, id))
      .returning(),
  );

export const deleteTemplate = (id: number, tx: Tx = getDb()) => one(tx.delete(botTemplates).where(eq(botTemplates.id, id)).returning());

// ---- feedback ------------------------------------------------------------------------------------------------------

export const findMessageOf = (orgId: number, conversationId: number, messageId: number, tx: Tx = getDb()) =>
  one(
    tx
      .select({ id: messages.id, direction: messages.direction, senderType: messages.senderType, isPrivate: messages.isPrivate })
      .from(messages)
      .where(and(eq(messages.orgId, orgId), eq(messages.conversationId, conversationId), eq(messages.id, messageId)))
      .limit(1),
  );

export const upsertFeedback = (values: typeof botFeedback.$inferInsert, tx: Tx = getDb()) =>
  one(
    tx
      .insert(botFeedback)
      .values(values)
      .onConflictDoUpdate({ target: [botFeedback.messageId, botFeedback.userId], set: { rating: values.rating, comment: values.comment ?? null, createdAt: new Date() } })
      .returning({ id: botFeedback.id }),
  );

const feedbackColumns = {
  id: botFeedback.id,
  messageId: botFeedback.messageId,
  conversationId: botFeedback.conversationId,
  rating: botFeedback.rating,
  comment: botFeedback.comment,
  createdAt: botFeedback.createdAt,
  userId: users.id,
  userName: users.name,
  messageBody: messages.body,
};
export type FeedbackListRow = { id: number; messageId: number; conversationId: number; rating: number; comment: string | null; createdAt: Date; userId: number | null; userName: string | null; messageBody: string | null };

/** Newest first; `teamIds` (non-null) keeps the conversations without a team or of those teams (the inbox visibility rule). */
export const listFeedback = (orgId: number, opts: { beforeId?: number; id?: number; limit: number; teamIds: number[] | null }, tx: Tx = getDb()): Promise<FeedbackListRow[]> =>
  tx
    .select(feedbackColumns)
    .from(botFeedback)
    .innerJoin(messages, eq(messages.id, botFeedback.messageId))
    .innerJoin(conversations, eq(conversations.id, botFeedback.conversationId))
    .leftJoin(users, eq(users.id, botFeedback.userId))
    .where(
      and(
        eq(botFeedback.orgId, orgId),
        opts.beforeId ? lt(botFeedback.id, opts.beforeId) : undefined,
        opts.id ? eq(botFeedback.id, opts.id) : undefined,
        opts.teamIds === null
          ? undefined
          : or(sql`${conversations.teamId} is null`, opts.teamIds.length ? inArray(conversations.teamId, opts.teamIds) : sql`false`),
      ),
    )
    .orderBy(desc(botFeedback.id))
    .limit(opts.limit);
