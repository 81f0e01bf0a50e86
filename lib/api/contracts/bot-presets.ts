import { z } from "zod";
import { defineContract, idParams, name } from "../contract";
import { botAccess } from "./bot-access";
import { presetSchema } from "./bot-schemas";
import { providerFields } from "./bot-config";

const { read, manage } = botAccess("Bot");

const presetFields = {
  name,
  provider: providerFields.provider,
  model: providerFields.model,
  baseUrl: providerFields.baseUrl.optional(),
  apiKey: providerFields.apiKey.optional(),
  embeddingModel: providerFields.embeddingModel.optional(),
  temperature: providerFields.temperature.nullable().optional(),
  maxTokens: providerFields.maxTokens.nullable().optional(),
};
export const presetInputSchema = z.strictObject(presetFields);
export const presetPatchSchema = z
  .strictObject({ ...presetFields, name: name.optional(), provider: presetFields.provider.optional(), model: presetFields.model.optional() })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: "Give at least one field to change" });
export type PresetInput = z.infer<typeof presetInputSchema>;
export type PresetPatch = z.infer<typeof presetPatchSchema>;

const rules = "Names are unique per organization regardless of case (409). A LOCAL provider needs a baseUrl. The key is write-only and shown masked.";

export const listPresets = defineContract({
  ...read,
  method: "GET",
  path: "/bot-config/presets",
  summary: "List provider presets for the current organization",
  description: "By name.",
  response: z.object({ data: z.array(presetSchema) }),
});

export const createPreset = defineContract({
  ...manage,
  method: "POST",
  path: "/bot-config/presets",
  summary: "Create a provider preset",
  description: rules,
  body: presetInputSchema,
  example: { name: "OpenAI mini", provider: "OPENAI", model: "gpt-4.1-mini", apiKey: "sk-test" },
  response: presetSchema,
  status: 201,
});

export const updatePreset = defineContract({
  ...manage,
  method: "PUT",
  path: "/bot-config/presets/{id}",
  summary: "Update a provider preset",
  description: `PATCH-like: absent fields keep their value. ${rules}`,
  params: idParams,
  tenantResource: "botPreset",
  body: presetPatchSchema,
  example: { model: "gpt-4.1" },
  response: presetSchema,
});

export const deletePreset = defineContract({
  ...manage,
  method: "DELETE",
  path: "/bot-config/presets/{id}",
  summary: "Delete a provider preset",
  description: "Configs that used it fall back to their own provider fields; writing assist stops using it.",
  params: idParams,
  tenantResource: "botPreset",
  status: 204,
});
