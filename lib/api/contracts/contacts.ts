import { z } from "zod";
import { defineContract, idString, iso, optionalText } from "../contract";

const tags = ["Contacts"] as const;

export const contactSchema = z.object({
  id: idString,
  waId: z.string(),
  /** The name the team gave the contact, else the customer's WhatsApp profile name, else the number. */
  displayName: z.string(),
  name: z.string().nullable(),
  profileName: z.string().nullable(),
  email: z.string().nullable(),
  category: z.string().nullable(),
  attributes: z.record(z.string(), z.unknown()),
  lastMessageAt: iso.nullable(),
  isSimulated: z.boolean(),
  createdAt: iso,
  updatedAt: iso,
});

/** A WhatsApp id is the customer's number in international format, digits only; a leading "+" is tolerated. */
export const waIdParams = z.object({
  waId: z
    .string()
    .regex(/^\+?\d{5,20}$/)
    .transform((v) => v.replace(/^\+/, "")),
});

export const listContacts = defineContract({
  method: "GET",
  path: "/contacts",
  summary: "List/search contacts",
  description: "Most recent activity first. `search` matches name, WhatsApp profile name or number; pass `nextCursor` back as `cursor` for the next page.",
  tags,
  access: "member",
  permission: "contacts.read",
  query: z.strictObject({
    search: z.string().trim().max(200).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  }),
  response: z.object({ data: z.array(contactSchema), nextCursor: z.string().nullable() }),
});

export const getContact = defineContract({
  method: "GET",
  path: "/contacts/{waId}",
  summary: "Get contact by WhatsApp ID",
  tags,
  access: "member",
  permission: "contacts.read",
  params: waIdParams,
  response: contactSchema,
});


export const updateContact = defineContract({
  method: "PATCH",
  path: "/contacts/{waId}",
  summary: "Update contact name or category",
  description: "An empty string or null clears the field (the profile name from WhatsApp is shown again).",
  tags,
  access: "member",
  permission: "contacts.write",
  params: waIdParams,
  body: z
    .strictObject({ name: optionalText(120).optional(), category: optionalText(60).optional() })
    .refine((b) => b.name !== undefined || b.category !== undefined, "Send at least one of: name, category"),
  example: { name: "Ana López", category: "VIP" },
  response: contactSchema,
});
