import { z } from "zod";

/** Response shapes shared by several resources. */
export const roleSchema = z.enum(["ADMIN", "AGENT"]);
export const presenceSchema = z.enum(["ONLINE", "AWAY", "BUSY", "OFFLINE"]);
export const planSchema = z.enum(["FREE", "STARTER", "PROFESSIONAL", "ENTERPRISE"]);
export const orgStatusSchema = z.enum(["ACTIVE", "SUSPENDED", "CANCELLED"]);

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  avatarUrl: z.string().nullable(),
  role: roleSchema,
  status: presenceSchema,
  isSuperAdmin: z.boolean(),
  locale: z.string().nullable(),
  writingAssist: z.boolean(),
  /** True while the user has been invited but has not set a password yet. */
  invitationPending: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});

export const organizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  plan: planSchema,
  status: orgStatusSchema,
  timezone: z.string(),
  locale: z.string(),
  logoUrl: z.string().nullable(),
  brandColor: z.string().nullable(),
  featureFlags: z.record(z.string(), z.boolean()),
  onboardingCompleted: z.boolean(),
  createdAt: z.string(),
});

export const sessionSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().describe("access token lifetime in seconds"),
  user: userSchema,
  organization: organizationSchema,
  organizations: z.array(z.object({ id: z.string(), name: z.string(), role: roleSchema })),
});

export type UserDto = z.infer<typeof userSchema>;
export type OrganizationDto = z.infer<typeof organizationSchema>;
