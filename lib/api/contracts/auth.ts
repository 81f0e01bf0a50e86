import { z } from "zod";
import { defineContract, email, idRef, name, password } from "../contract";
import { organizationSchema, sessionSchema, userSchema } from "./schemas";

const tags = ["Auth"] as const;

export const register = defineContract({
  method: "POST",
  path: "/auth/register",
  summary: "Self-service registration (creates org + admin user)",
  tags,
  access: "public",
  body: z.strictObject({ companyName: name, name, email, password, locale: z.enum(["es", "en"]).optional() }),
  response: sessionSchema,
  status: 201,
});

export const login = defineContract({
  method: "POST",
  path: "/auth/login",
  summary: "Login with email and password",
  tags,
  access: "public",
  body: z.strictObject({ email, password: z.string().min(1).max(200), orgId: idRef.optional() }),
  response: sessionSchema,
});

export const refresh = defineContract({
  method: "POST",
  path: "/auth/refresh",
  summary: "Refresh access token (rotates the refresh token; reusing an old one revokes the whole family)",
  tags,
  access: "public",
  body: z.strictObject({ refreshToken: z.string().min(1).max(200) }),
  response: sessionSchema,
});

export const me = defineContract({
  method: "GET",
  path: "/auth/me",
  summary: "Get current user profile",
  tags,
  access: "member",
  permission: "org.read",
  response: z.object({
    user: userSchema.nullable(),
    organization: organizationSchema,
    permissions: z.array(z.string()),
    organizations: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(["ADMIN", "AGENT"]) })),
    apiKeyId: z.string().nullable(),
  }),
});

export const setPassword = defineContract({
  method: "POST",
  path: "/auth/set-password",
  summary: "Set or update password for the authenticated user",
  description: "Signs out every other session; the answer is a fresh session for the caller, like login.",
  tags,
  access: "user",
  permission: "profile.manage",
  body: z.strictObject({ password }),
  response: sessionSchema,
});

export const requestCode = defineContract({
  method: "POST",
  path: "/auth/request-code",
  summary: "Send a one-time sign-in code by email",
  description: "Always answers 200 so it cannot be used to discover which emails have accounts.",
  tags,
  access: "public",
  body: z.strictObject({ email }),
  response: z.object({ success: z.literal(true), expiresIn: z.number() }),
});

export const verifyCode = defineContract({
  method: "POST",
  path: "/auth/verify-code",
  summary: "Sign in with a one-time email code (same response as login)",
  tags,
  access: "public",
  body: z.strictObject({ email, code: z.string().trim().regex(/^\d{6}$/, "must be the 6-digit code"), orgId: idRef.optional() }),
  response: sessionSchema,
});

export const completeOnboarding = defineContract({
  method: "POST",
  path: "/auth/complete-onboarding",
  summary: "Mark onboarding as completed for the current org",
  tags,
  access: "member",
  permission: "org.update",
  response: organizationSchema,
});
