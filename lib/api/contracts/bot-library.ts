import { z } from "zod";
import { exportDocumentSchema } from "@/lib/services/bot/export-document";
import { defineContract, idParams, idRef } from "../contract";
import { botAccess } from "./bot-access";
import { botConfigSchema, snapshotSchema } from "./bot-schemas";

/** Snapshots, export and import of bot configs. */

const { manage } = botAccess("Bot builder");

export const importResultSchema = z.object({
  config: botConfigSchema,
  created: z.object({ intents: z.number().int(), tools: z.number().int(), connections: z.number().int(), media: z.number().int(), documents: z.number().int() }),
  warnings: z.array(z.string()).describe("references that could not be resolved (a team, preset, media file or tool missing here) and connections created without credentials"),
});

export const listSnapshots = defineContract({
  ...manage,
  method: "GET",
  path: "/bot-config/snapshots",
  summary: "List config snapshots (metadata only)",
  description: "Newest first; ?configId= keeps one config's snapshots.",
  query: z.strictObject({ configId: idRef.optional() }),
  response: z.object({ data: z.array(snapshotSchema) }),
});

export const createSnapshot = defineContract({
  ...manage,
  method: "POST",
  path: "/bot-config/snapshots",
  summary: "Create a config snapshot",
  description: "Saves the config (`configId`, default the active one) as its standard export: config, intents, the tools they use, media metadata. Never API keys.",
  body: z.strictObject({ name: z.string().trim().min(1).max(120).optional(), note: z.string().trim().max(1000).nullable().optional(), configId: idRef.optional() }),
  example: { name: "Before the holidays" },
  response: snapshotSchema,
  status: 201,
});

export const restoreSnapshot = defineContract({
  ...manage,
  method: "POST",
  path: "/bot-config/snapshots/{id}/restore",
  summary: "Restore a config snapshot",
  description:
    "Replaces the fields and intents of the snapshot's config in one transaction (a new draft when that config was deleted), after " +
    'saving its current state as an automatic snapshot "Before restore of …". The API key is kept; media are matched by name; ' +
    "tools that no longer exist are re-created. Answers the restored config.",
  params: idParams,
  tenantResource: "botSnapshot",
  response: botConfigSchema,
});

export const deleteSnapshot = defineContract({
  ...manage,
  method: "DELETE",
  path: "/bot-config/snapshots/{id}",
  summary: "Delete a config snapshot",
  params: idParams,
  tenantResource: "botSnapshot",
  status: 204,
});

export const exportConfig = defineContract({
  ...manage,
  method: "GET",
  path: "/bot-config/export",
  summary: "Export bot config as JSON file",
  description:
    "An attachment holding the export document (format cx-inbox-bot, version 1). Tiers: `config` (config + intents), `standard` " +
    "(+ the tools the config and intents use with their connections, + media metadata), `full` (+ media files inline as base64 and the " +
    "knowledge base as titles with extracted chunks). Other rows are referenced by name; API keys and credentials never leave.",
  query: z.strictObject({ tier: z.enum(["config", "standard", "full"]).default("standard"), configId: idRef.optional() }),
  response: exportDocumentSchema,
});

export const exportConfigZip = defineContract({
  ...manage,
  method: "GET",
  path: "/bot-config/export-zip",
  summary: "Export bot config as ZIP with binary files",
  description: "bot.json (the export document, files referenced by path) + media/<id>-<name> + documents/<id>-<name> (the original knowledge files).",
  query: z.strictObject({ tier: z.enum(["standard", "full"]).default("full"), configId: idRef.optional() }),
});

export const BOT_IMPORT_UPLOAD = { field: "file", maxBytes: 100 * 1024 * 1024, types: ["application/json", "application/zip"] } as const;

export const importConfig = defineContract({
  ...manage,
  method: "POST",
  path: "/bot-config/import",
  summary: "Import bot config from JSON or ZIP file",
  description:
    "multipart/form-data: the export in `file` (.json, or .zip as made by export-zip), optional `name` for the new config. Validated " +
    "strictly first (400 with details, nothing written). Creates a NEW DRAFT config (the active one is never touched) with its intents; " +
    "tools, connections, media and knowledge documents are matched by name and created when absent, all in one transaction.",
  multipart: BOT_IMPORT_UPLOAD,
  response: importResultSchema,
  status: 201,
});
