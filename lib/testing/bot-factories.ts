import { getDb } from "@/db/client";
import { botConfigs, botDocuments, botIntents, botMedia, botPresets, botSnapshots, botTools, connections, storedFiles } from "@/db/schema";
import { randomToken } from "@/lib/crypto/tokens";

/** Rows of the bot builder, inserted directly (the tests of each endpoint create theirs through the API). */
type Org = { id: number };
const insertOne = async <T extends { id: number }>(q: Promise<T[]>) => (await q)[0];

export const createBotConfig = (org: Org, values: Partial<typeof botConfigs.$inferInsert> = {}) =>
  insertOne(getDb().insert(botConfigs).values({ orgId: org.id, name: `Bot ${randomToken(3)}`, ...values }).returning());

export const createIntent = async (org: Org, values: Partial<typeof botIntents.$inferInsert> = {}) => {
  const configId = values.configId ?? (await createBotConfig(org)).id;
  return insertOne(getDb().insert(botIntents).values({ orgId: org.id, name: `intent-${randomToken(3)}`, response: "Hola", ...values, configId }).returning());
};

export const createPreset = (org: Org) =>
  insertOne(getDb().insert(botPresets).values({ orgId: org.id, name: `preset-${randomToken(3)}`, provider: "LOCAL", model: "local-model", baseUrl: "http://127.0.0.1:1" }).returning());

const createFile = (org: Org, contentType: string) =>
  insertOne(getDb().insert(storedFiles).values({ orgId: org.id, storageKey: `test/${randomToken(6)}`, contentType, size: 1, purpose: "bot" }).returning());

export const createDocument = (org: Org) =>
  insertOne(getDb().insert(botDocuments).values({ orgId: org.id, title: "FAQ", mimeType: "text/plain", status: "READY" }).returning());

export const createBotMediaRow = async (org: Org) => {
  const file = await createFile(org, "image/png");
  return insertOne(getDb().insert(botMedia).values({ orgId: org.id, name: "menu", kind: "IMAGE", fileId: file.id, mimeType: "image/png", size: 1 }).returning());
};

export const createConnection = (org: Org) =>
  insertOne(getDb().insert(connections).values({ orgId: org.id, name: `crm-${randomToken(3)}`, baseUrl: "https://crm.example.test" }).returning());

export const createTool = (org: Org) =>
  insertOne(
    getDb()
      .insert(botTools)
      .values({ orgId: org.id, name: `lookup_${randomToken(3).toLowerCase().replace(/[^a-z0-9]/g, "x")}`, description: "Looks up an order", url: "https://api.example.test/orders" })
      .returning(),
  );

export const createSnapshot = (org: Org) =>
  insertOne(getDb().insert(botSnapshots).values({ orgId: org.id, name: "before", payload: { version: 1 }, size: 13 }).returning());
