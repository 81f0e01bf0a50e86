import { z } from "zod";
import { defineContract, idParams, idString, iso, pageOf, pageQuery, queryBoolean } from "../contract";

const tags = ["WhatsApp accounts"] as const;
const manage = { tags, access: "member", permission: "whatsapp.manage" } as const;

export const accountStatusSchema = z.enum(["CONNECTED", "DISCONNECTED", "ERROR"]);

export const whatsappAccountSchema = z.object({
  id: idString,
  wabaId: z.string(),
  phoneNumberId: z.string(),
  displayPhoneNumber: z.string().nullable(),
  verifiedName: z.string().nullable(),
  alias: z.string().nullable(),
  isSandbox: z.boolean(),
  status: accountStatusSchema,
  qualityRating: z.string().nullable(),
  messagingLimitTier: z.string().nullable(),
  throughputMps: z.number().int(),
  /** The access token is never returned: only enough of it to recognise which one is stored. */
  tokenMasked: z.string(),
  lastHealthAt: iso.nullable(),
  lastError: z.string().nullable(),
  createdAt: iso,
  updatedAt: iso,
});

const graphId = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{5,32}$/, `must be the numeric ${what} from Meta`);
const accessToken = z.string().trim().min(20, "must be a Meta access token").max(2048);
const alias = z.string().trim().min(1).max(60);

export const listWhatsappAccounts = defineContract({
  tags,
  access: "member",
  permission: "whatsapp.read",
  method: "GET",
  path: "/whatsapp-accounts",
  summary: "List connected WhatsApp Business accounts",
  description: "Includes the organization's sandbox number (isSandbox), created on first use when no real number is connected.",
  response: z.object({ data: z.array(whatsappAccountSchema) }),
});

export const connectWhatsappAccount = defineContract({
  ...manage,
  method: "POST",
  path: "/whatsapp-accounts/connect",
  summary: "Connect account via Meta Embedded Signup (exchange code for token)",
  description:
    "Exchanges the code from Meta's Embedded Signup popup for a business token. The popup's session info carries the " +
    "shared WABA and phone number ids: send them along; without them the token's granted WABAs are looked up. " +
    "503 NOT_CONFIGURED when META_APP_ID is not set; 422 META_REJECTED with Meta's message when Meta refuses.",
  body: z.strictObject({
    code: z.string().trim().min(1).max(2048),
    wabaId: graphId("WABA id").optional(),
    phoneNumberId: graphId("phone number id").optional(),
    alias: alias.optional(),
  }),
  example: { code: "AQBx-signup-code", wabaId: "102290129340398", phoneNumberId: "106540352242922" },
  response: whatsappAccountSchema,
  status: 201,
});

export const connectWhatsappAccountManual = defineContract({
  ...manage,
  method: "POST",
  path: "/whatsapp-accounts/connect-manual",
  summary: "Connect account with manually provided credentials",
  description:
    "The token is checked by reading the phone number from the Graph API (422 META_REJECTED with Meta's message when " +
    "it fails), then stored encrypted. A phone number already connected answers 409.",
  body: z.strictObject({ wabaId: graphId("WABA id"), phoneNumberId: graphId("phone number id"), accessToken, alias: alias.optional() }),
  example: { wabaId: "102290129340398", phoneNumberId: "106540352242922", accessToken: "EAAG-example-system-user-token" },
  response: whatsappAccountSchema,
  status: 201,
});

export const updateWhatsappAccount = defineContract({
  ...manage,
  method: "PATCH",
  path: "/whatsapp-accounts/{id}",
  summary: "Update account alias or access token",
  description: "A new token is verified against the Graph API before it replaces the stored one. The sandbox's token cannot be changed.",
  params: idParams,
  tenantResource: "whatsappAccount",
  body: z
    .strictObject({ alias: alias.nullable().optional(), accessToken: accessToken.optional() })
    .refine((b) => b.alias !== undefined || b.accessToken !== undefined, "Send at least one of: alias, accessToken"),
  example: { alias: "Support line" },
  response: whatsappAccountSchema,
});

export const deleteWhatsappAccount = defineContract({
  ...manage,
  method: "DELETE",
  path: "/whatsapp-accounts/{id}",
  summary: "Disconnect a WhatsApp Business account",
  description: "Soft delete: the number stops routing and sending. The sandbox number cannot be deleted (422 SANDBOX_ACCOUNT).",
  params: idParams,
  tenantResource: "whatsappAccount",
  status: 204,
});

export const accountHealthSchema = z.object({
  accountId: idString,
  status: accountStatusSchema,
  checkedAt: iso,
  displayPhoneNumber: z.string().nullable(),
  verifiedName: z.string().nullable(),
  qualityRating: z.string().nullable(),
  messagingLimitTier: z.string().nullable(),
  throughputLevel: z.string().nullable(),
  throughputMps: z.number().int(),
  nameStatus: z.string().nullable(),
  codeVerificationStatus: z.string().nullable(),
  numberStatus: z.string().nullable(),
  platformType: z.string().nullable(),
  error: z.object({ code: z.number().int(), message: z.string() }).nullable(),
});

export const whatsappAccountHealth = defineContract({
  ...manage,
  method: "GET",
  path: "/whatsapp-accounts/{id}/health",
  summary: "Get live health and status info from Meta Graph API",
  description:
    "Reads the number from the Graph API and stores what it learns (quality, tier, throughput). When Meta refuses the " +
    "token the answer is still 200, with status ERROR and Meta's error, and an account alert is raised.",
  params: idParams,
  tenantResource: "whatsappAccount",
  response: accountHealthSchema,
});

export const metaConfigSchema = z.object({
  appId: z.string().nullable(),
  configId: z.string().nullable(),
  /** META_APP_ID (and its secret) are set on the server, so Embedded Signup codes can be exchanged. */
  serverConfigured: z.boolean(),
  /** Both the org's app settings and the server's are present: the "Connect with Facebook" button can be offered. */
  embeddedSignupAvailable: z.boolean(),
  graphVersion: z.string(),
});

export const getMetaConfig = defineContract({
  ...manage,
  method: "GET",
  path: "/whatsapp-accounts/meta-config",
  summary: "Get Meta app configuration (appId + configId, no secret)",
  response: metaConfigSchema,
});

export const putMetaConfig = defineContract({
  ...manage,
  method: "PUT",
  path: "/whatsapp-accounts/meta-config",
  summary: "Save Meta app configuration to DB",
  body: z.strictObject({ appId: graphId("app id"), configId: graphId("Embedded Signup configuration id") }),
  example: { appId: "1234567890123", configId: "987654321098765" },
  response: metaConfigSchema,
});

export const alertSchema = z.object({
  id: idString,
  whatsappAccountId: idString.nullable(),
  type: z.string(),
  severity: z.string(),
  title: z.string(),
  message: z.string(),
  metadata: z.record(z.string(), z.unknown()),
  acknowledgedAt: iso.nullable(),
  acknowledgedById: idString.nullable(),
  createdAt: iso,
});

export const listAccountAlerts = defineContract({
  ...manage,
  method: "GET",
  path: "/whatsapp-accounts/alerts",
  summary: "List account alerts for the current organization",
  description: "Newest first. `acknowledged=false` lists the open ones.",
  query: z.strictObject({ acknowledged: queryBoolean.optional(), ...pageQuery }),
  response: pageOf(alertSchema),
});

export const countUnreadAlerts = defineContract({
  ...manage,
  method: "GET",
  path: "/whatsapp-accounts/alerts/unread-count",
  summary: "Count unacknowledged alerts",
  response: z.object({ count: z.number().int() }),
});

export const acknowledgeAlert = defineContract({
  ...manage,
  method: "POST",
  path: "/whatsapp-accounts/alerts/{id}/acknowledge",
  summary: "Mark an alert as acknowledged",
  params: idParams,
  tenantResource: "alert",
  response: alertSchema,
});

export const acknowledgeAllAlerts = defineContract({
  ...manage,
  method: "POST",
  path: "/whatsapp-accounts/alerts/acknowledge-all",
  summary: "Mark all alerts as acknowledged",
  response: z.object({ acknowledged: z.number().int() }),
});
