import { z } from "zod";
import { defineContract, idParam, idParams, idRef } from "../contract";
import { tagRefSchema, tagSchema } from "./inbox-schemas";

const tags = ["Tags"] as const;
const read = { tags, access: "member", permission: "tags.read" } as const;
const write = { tags, access: "member", permission: "tags.write" } as const;
const manage = { tags, access: "member", permission: "tags.manage" } as const;

/**
 * The fixed palette a tag's color comes from. Tags store the name; clients map it to the hex (also in dark mode, where
 * the same names read well on a dark background).
 */
export const TAG_COLORS = [
  { name: "gray", hex: "#6b7280" },
  { name: "red", hex: "#ef4444" },
  { name: "orange", hex: "#f97316" },
  { name: "amber", hex: "#f59e0b" },
  { name: "lime", hex: "#84cc16" },
  { name: "green", hex: "#22c55e" },
  { name: "teal", hex: "#14b8a6" },
  { name: "sky", hex: "#0ea5e9" },
  { name: "blue", hex: "#3b82f6" },
  { name: "indigo", hex: "#6366f1" },
  { name: "purple", hex: "#a855f7" },
  { name: "pink", hex: "#ec4899" },
] as const;
export type TagColor = (typeof TAG_COLORS)[number]["name"];

const colorNames = TAG_COLORS.map((c) => c.name) as [TagColor, ...TagColor[]];
export const tagColorSchema = z
  .string()
  .describe(`a palette name (GET /tags/colors): ${TAG_COLORS.map((c) => c.name).join(", ")}`)
  .trim()
  .toLowerCase()
  .pipe(z.enum(colorNames, { error: `must be one of: ${colorNames.join(", ")}` }));

const tagName = z.string().trim().min(1, "is required").max(50);
const description = z
  .string()
  .trim()
  .max(200)
  .transform((v) => v || null)
  .nullable();

export const listTags = defineContract({
  ...read,
  method: "GET",
  path: "/tags",
  summary: "List all tags for the organization",
  description: "Sorted by name. conversationCount counts the conversations that are not closed carrying the tag.",
  response: z.object({ data: z.array(tagSchema) }),
});

export const createTag = defineContract({
  ...write,
  method: "POST",
  path: "/tags",
  summary: "Create a new tag",
  description: "Names are unique per organization regardless of case (409 CONFLICT). Without a color, one of the palette is picked from the name.",
  body: z.strictObject({ name: tagName, color: tagColorSchema.optional(), description: description.optional() }),
  example: { name: "VIP", color: "amber", description: "Customers with priority care" },
  response: tagSchema,
  status: 201,
});

export const tagColors = defineContract({
  ...read,
  method: "GET",
  path: "/tags/colors",
  summary: "Get available tag color palette",
  response: z.object({ data: z.array(z.object({ name: z.string(), hex: z.string() })) }),
});

export const updateTag = defineContract({
  ...manage,
  method: "PUT",
  path: "/tags/{id}",
  summary: "Update a tag",
  params: idParams,
  tenantResource: "tag",
  body: z
    .strictObject({ name: tagName.optional(), color: tagColorSchema.optional(), description: description.optional() })
    .refine((b) => Object.values(b).some((v) => v !== undefined), { message: "Give at least one of name, color, description" }),
  example: { color: "red" },
  response: tagSchema,
});

export const deleteTag = defineContract({
  ...manage,
  method: "DELETE",
  path: "/tags/{id}",
  summary: "Delete a tag (cascade removes from conversations)",
  description: "Every open conversation that carried the tag gets a new version (conversation.updated).",
  params: idParams,
  tenantResource: "tag",
  status: 204,
});

export const addConversationTag = defineContract({
  ...write,
  method: "POST",
  path: "/conversations/{id}/tags",
  summary: "Add a tag to a conversation",
  description: "Idempotent: a tag the conversation already carries changes nothing. Answers the conversation's tags, by name.",
  params: idParams,
  tenantResource: "conversation",
  body: z.strictObject({ tagId: idRef }),
  example: { tagId: "1" },
  response: z.object({ data: z.array(tagRefSchema) }),
});

export const removeConversationTag = defineContract({
  ...write,
  method: "DELETE",
  path: "/conversations/{id}/tags/{tagId}",
  summary: "Remove a tag from a conversation",
  description: "Idempotent for a tag of the organization that the conversation does not carry; an unknown tag is a 404.",
  params: z.object({ id: idParam, tagId: idParam }),
  tenantResource: "conversation",
  status: 204,
});
