import { z } from "zod";
import { defineContract, idParams, idRef, idString, iso, pageOf, pageQuery } from "../contract";

const tags = ["Templates"] as const;
const read = { tags, access: "member", permission: "templates.read" } as const;
const manage = { tags, access: "member", permission: "templates.manage" } as const;

export const templateStatusSchema = z.enum(["DRAFT", "PENDING", "APPROVED", "REJECTED", "PAUSED", "DISABLED", "REMOVED"]);
export const templateCategorySchema = z.enum(["MARKETING", "UTILITY", "AUTHENTICATION"]);

export const templateName = z
  .string()
  .trim()
  .regex(/^[a-z0-9_]{1,512}$/, "must be 1–512 lowercase letters, digits or underscores");
export const templateLanguage = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'must be a WhatsApp language code such as "es_MX", "en_US" or "es"');

/** Meta's component objects, as the Graph API takes them. Content rules (lengths, variables, examples) are checked by the service. */
const headerComponent = z.strictObject({
  type: z.literal("HEADER"),
  format: z.enum(["TEXT", "IMAGE", "VIDEO", "DOCUMENT", "LOCATION"]),
  text: z.string().optional(),
  example: z.strictObject({ header_text: z.array(z.string()).optional(), header_handle: z.array(z.string()).optional() }).optional(),
});
const bodyComponent = z.strictObject({
  type: z.literal("BODY"),
  text: z.string().optional(),
  example: z.strictObject({ body_text: z.array(z.array(z.string())).optional() }).optional(),
  add_security_recommendation: z.boolean().optional(),
});
const footerComponent = z.strictObject({
  type: z.literal("FOOTER"),
  text: z.string().optional(),
  code_expiration_minutes: z.number().int().min(1).max(90).optional(),
});
export const templateButtonSchema = z.strictObject({
  type: z.enum(["QUICK_REPLY", "URL", "PHONE_NUMBER", "COPY_CODE", "OTP"]),
  text: z.string().optional(),
  url: z.string().optional(),
  phone_number: z.string().optional(),
  example: z.union([z.array(z.string()), z.string()]).optional(),
  otp_type: z.enum(["COPY_CODE", "ONE_TAP", "ZERO_TAP"]).optional(),
  autofill_text: z.string().optional(),
  package_name: z.string().optional(),
  signature_hash: z.string().optional(),
});
const buttonsComponent = z.strictObject({ type: z.literal("BUTTONS"), buttons: z.array(templateButtonSchema).max(10, "at most 10 buttons") });

export const templateComponentSchema = z.discriminatedUnion("type", [headerComponent, bodyComponent, footerComponent, buttonsComponent]);
export type TemplateComponentInput = z.output<typeof templateComponentSchema>;
const components = z.array(templateComponentSchema).max(4, "at most one each of HEADER, BODY, FOOTER and BUTTONS");

export const templateSchema = z.object({
  id: idString,
  name: z.string(),
  language: z.string(),
  category: templateCategorySchema,
  status: templateStatusSchema,
  /** As stored at Meta: templates pulled by sync may carry component fields this API does not create. */
  components: z.array(z.record(z.string(), z.unknown())),
  rejectedReason: z.string().nullable(),
  qualityScore: z.string().nullable(),
  metaTemplateId: z.string().nullable(),
  whatsappAccountId: idString.nullable(),
  headerMediaFileId: idString.nullable(),
  /** Serves the stored header image/video/document to members (GET /templates/{id}/header-media). */
  headerMediaUrl: z.string().nullable(),
  submittedAt: iso.nullable(),
  createdAt: iso,
  updatedAt: iso,
});

const exampleTemplate = {
  name: "order_update",
  language: "es_MX",
  category: "UTILITY",
  components: [
    { type: "HEADER", format: "TEXT", text: "Pedido {{1}}", example: { header_text: ["#1234"] } },
    { type: "BODY", text: "Hola {{1}}, tu pedido llega el {{2}}.", example: { body_text: [["Ana", "lunes"]] } },
    { type: "FOOTER", text: "Responde STOP para no recibir mensajes" },
    { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "Gracias" }] },
  ],
};

const templateFields = {
  name: templateName,
  language: templateLanguage.default("es_MX"),
  category: templateCategorySchema,
  /** A file from POST /templates/upload-media: kept as the header's media for previews and sends. */
  headerMediaFileId: idRef.optional(),
};

export const templateFilters = {
  status: templateStatusSchema.optional(),
  category: templateCategorySchema.optional(),
  language: templateLanguage.optional(),
  search: z.string().trim().max(200).optional(),
};

export const listTemplates = defineContract({
  ...read,
  method: "GET",
  path: "/templates",
  summary: "List WhatsApp templates",
  description: "Every template that is not removed, by name; `status=APPROVED` lists the sendable ones, `status=REMOVED` the removed ones.",
  query: z.strictObject({ ...templateFilters, ...pageQuery }),
  response: pageOf(templateSchema),
});

export const createTemplate = defineContract({
  ...manage,
  method: "POST",
  path: "/templates",
  summary: "Create a WhatsApp template and submit to Meta for approval",
  description:
    "Validated like Meta does (400 with one detail per problem), then submitted through the organization's sending number " +
    "(the sandbox when no real number is connected): status PENDING until Meta's review arrives by webhook.",
  body: z.strictObject({ ...templateFields, components: components.min(1) }),
  example: exampleTemplate,
  response: templateSchema,
  status: 201,
});

export const createTemplateDraft = defineContract({
  ...manage,
  method: "POST",
  path: "/templates/draft",
  summary: "Save a template locally as DRAFT without submitting to Meta",
  description: "Drafts may be incomplete (no body or examples yet); the full rules apply on submit.",
  body: z.strictObject({ ...templateFields, components: components.default([]) }),
  example: exampleTemplate,
  response: templateSchema,
  status: 201,
});

export const updateTemplateDraft = defineContract({
  ...manage,
  method: "PUT",
  path: "/templates/{id}/draft",
  summary: "Update a DRAFT template locally",
  description: "Only templates in DRAFT (422 TEMPLATE_NOT_DRAFT otherwise).",
  params: idParams,
  tenantResource: "template",
  body: z.strictObject({
    name: templateName.optional(),
    language: templateLanguage.optional(),
    category: templateCategorySchema.optional(),
    components: components.optional(),
    headerMediaFileId: idRef.nullable().optional(),
  }),
  example: exampleTemplate,
  response: templateSchema,
});

export const submitTemplate = defineContract({
  ...manage,
  method: "POST",
  path: "/templates/{id}/submit",
  summary: "Submit a DRAFT template to Meta for approval",
  params: idParams,
  tenantResource: "template",
  response: templateSchema,
});

export const editTemplate = defineContract({
  ...manage,
  method: "PUT",
  path: "/templates/{id}",
  summary: "Edit a template's components in Meta and update in DB",
  description: "Only APPROVED, REJECTED or PAUSED templates can be edited at Meta (422 TEMPLATE_NOT_EDITABLE); the edit goes back to review (PENDING).",
  params: idParams,
  tenantResource: "template",
  body: z.strictObject({ components: components.min(1), category: templateCategorySchema.optional(), headerMediaFileId: idRef.nullable().optional() }),
  example: { components: exampleTemplate.components },
  response: templateSchema,
});

export const deleteTemplate = defineContract({
  ...manage,
  method: "DELETE",
  path: "/templates/{id}",
  summary: "Soft-delete a template (mark as REMOVED)",
  params: idParams,
  tenantResource: "template",
  status: 204,
});

export const deleteTemplateAtMeta = defineContract({
  ...manage,
  method: "DELETE",
  path: "/templates/{id}/meta",
  summary: "Delete template from Meta and mark as REMOVED in DB",
  params: idParams,
  tenantResource: "template",
  status: 204,
});

export const duplicateTemplate = defineContract({
  ...manage,
  method: "POST",
  path: "/templates/{id}/duplicate",
  summary: "Duplicate a template as a DRAFT",
  description: 'The copy is named "<name>_copy" (then _copy_2, _copy_3… when taken).',
  params: idParams,
  tenantResource: "template",
  response: templateSchema,
  status: 201,
});

export const TEMPLATE_MEDIA = {
  field: "file",
  maxBytes: 100 * 1024 * 1024,
  types: ["image/jpeg", "image/png", "video/mp4", "application/pdf"],
} as const;

export const uploadTemplateMedia = defineContract({
  ...manage,
  method: "POST",
  path: "/templates/upload-media",
  summary: "Upload media for template header (returns file handle for Meta)",
  description:
    "multipart/form-data, the file in `file`: image JPEG/PNG up to 5 MB, video MP4 up to 16 MB, document PDF up to 100 MB " +
    "(415/413 otherwise). Stored, then uploaded with Meta's Resumable Upload API: put `handle` in the header's " +
    "example.header_handle and `fileId` in headerMediaFileId. Real numbers need META_APP_ID (503 NOT_CONFIGURED).",
  multipart: TEMPLATE_MEDIA,
  response: z.object({ fileId: idString, handle: z.string(), url: z.string(), contentType: z.string(), size: z.number().int() }),
  status: 201,
});

export const templateHeaderMedia = defineContract({
  ...read,
  method: "GET",
  path: "/templates/{id}/header-media",
  summary: "Serve template header media file (image/video/document)",
  params: idParams,
  tenantResource: "template",
});

export const syncTemplates = defineContract({
  ...manage,
  method: "POST",
  path: "/templates/sync",
  summary: "Sync templates from WhatsApp Business API",
  description:
    "Pulls every template of the organization's WhatsApp Business Accounts and upserts them by Meta id; local templates " +
    "of those accounts that Meta no longer has are marked REMOVED.",
  response: z.object({ accounts: z.number().int(), fetched: z.number().int(), created: z.number().int(), updated: z.number().int(), removed: z.number().int() }),
});

const bulkActions = ["delete", "submit", "duplicate"] as const;

export const bulkTemplatesBody = z.strictObject({
  action: z.enum(bulkActions),
  selection: z.discriminatedUnion("mode", [
    z.strictObject({ mode: z.literal("ids"), ids: z.array(idRef).min(1).max(500) }),
    z.strictObject({
      mode: z.literal("all"),
      filters: z.strictObject(templateFilters).optional(),
      excludeIds: z.array(idRef).max(5000).optional(),
    }),
  ]),
});
export type BulkTemplatesInput = z.output<typeof bulkTemplatesBody>;

export const bulkTemplates = defineContract({
  ...manage,
  method: "POST",
  path: "/templates/bulk",
  summary: "Bulk actions on templates (admin only)",
  description: "Each template succeeds or fails on its own with the rules of the single operation; failures are listed. Other organizations' ids simply do not match.",
  body: bulkTemplatesBody,
  example: { action: "delete", selection: { mode: "ids", ids: ["12", "15"] } },
  response: z.object({
    action: z.enum(bulkActions),
    matched: z.number().int(),
    succeeded: z.number().int(),
    failed: z.array(z.object({ id: z.string(), code: z.string(), message: z.string() })),
  }),
});
