import { z } from "zod";
import { compiles } from "@/lib/bot/pattern";
import { defineContract, idParams, idRef, name, optionalText } from "../contract";
import { botAccess } from "./bot-access";
import { intentActionSchema, intentSchema } from "./bot-schemas";
import { configQuery } from "./bot-config";

const { read, manage } = botAccess("Bot");

const phrases = (max: number, len: number) => z.array(z.string().trim().min(1, "is required").max(len)).max(max);

const intentFields = {
  name,
  description: optionalText(500).optional(),
  isActive: z.boolean().optional(),
  keywords: phrases(100, 100).optional(),
  patterns: z
    .array(z.string().min(1, "is required").max(300).refine(compiles, "is not a valid JavaScript regular expression"))
    .max(50)
    .optional()
    .describe("JavaScript regular expressions, matched case-insensitively"),
  examples: phrases(100, 300).optional(),
  action: intentActionSchema.optional(),
  response: optionalText(4000).optional(),
  mediaId: idRef.nullable().optional(),
  toolId: idRef.nullable().optional(),
  teamId: idRef.nullable().optional(),
  actionConfig: z
    .strictObject({ params: z.record(z.string(), z.string().max(1000)).optional(), replyTemplate: z.string().max(4000).optional() })
    .optional(),
};
export const intentInputSchema = z.strictObject(intentFields);
export const intentPatchSchema = z
  .strictObject({ ...intentFields, name: name.optional() })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: "Give at least one field to change" });
export type IntentInput = z.infer<typeof intentInputSchema>;
export type IntentPatch = z.infer<typeof intentPatchSchema>;

const rules =
  "REPLY and ASK need a response or a mediaId; TOOL needs a toolId; HANDOFF may name a teamId (else the config's hand-off " +
  "team). mediaId, toolId and teamId must be rows of the organization (404). Patterns must compile (400 with the pattern's path).";

export const listIntents = defineContract({
  ...read,
  method: "GET",
  path: "/bot-config/intents",
  summary: "List bot intents for the current organization",
  description: "The intents of the active config (or ?configId=) in evaluation order; empty when the organization has no config.",
  query: configQuery,
  response: z.object({ data: z.array(intentSchema) }),
});

export const createIntent = defineContract({
  ...manage,
  method: "POST",
  path: "/bot-config/intents",
  summary: "Create a bot intent",
  description: `Added last in the order of the active config (or ?configId=). ${rules}`,
  query: configQuery,
  body: intentInputSchema,
  example: { name: "horario", keywords: ["horario", "abren"], action: "REPLY", response: "Abrimos de 9 a 18 h." },
  response: intentSchema,
  status: 201,
});

export const reorderIntents = defineContract({
  ...manage,
  method: "PUT",
  path: "/bot-config/intents/reorder",
  summary: "Reorder bot intents",
  description: "`ids` names every intent of the config exactly once, in the new order (400 otherwise). The config is ?configId=, else the one of the intents.",
  query: configQuery,
  body: z.strictObject({ ids: z.array(idRef).min(1).max(500) }),
  example: { ids: ["1"] },
  response: z.object({ data: z.array(intentSchema) }),
});

export const updateIntent = defineContract({
  ...manage,
  method: "PUT",
  path: "/bot-config/intents/{id}",
  summary: "Update a bot intent",
  description: `PATCH-like: absent fields keep their value. ${rules}`,
  params: idParams,
  tenantResource: "botIntent",
  body: intentPatchSchema,
  example: { isActive: false },
  response: intentSchema,
});

export const deleteIntent = defineContract({
  ...manage,
  method: "DELETE",
  path: "/bot-config/intents/{id}",
  summary: "Delete a bot intent",
  description: "The positions of the remaining intents are compacted.",
  params: idParams,
  tenantResource: "botIntent",
  status: 204,
});
