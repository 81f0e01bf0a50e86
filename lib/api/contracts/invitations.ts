import { z } from "zod";
import { defineContract, email, idParams, idString, iso, name, pageOf, pageQuery } from "../contract";
import { roleSchema, sessionSchema } from "./schemas";

const tags = ["Invitations"] as const;

export const invitationStatusSchema = z.enum(["PENDING", "ACCEPTED", "EXPIRED", "REVOKED"]);

export const invitationSchema = z.object({
  id: idString,
  email: z.string(),
  name: z.string().nullable(),
  role: roleSchema,
  status: invitationStatusSchema,
  invitedBy: z.object({ id: idString, name: z.string() }).nullable(),
  expiresAt: iso,
  acceptedAt: iso.nullable(),
  createdAt: iso,
  sentCount: z.number().int(),
});

/** Create and resend answers carry the link itself, so an admin can pass it on when no mail server is configured. */
export const invitationWithUrlSchema = invitationSchema.extend({
  inviteUrl: z.string().describe("the accept link; shown only in the answer that minted its token"),
});

export const invitationInput = z.strictObject({ email, role: roleSchema.optional(), name: name.optional() });

export type InvitationDto = z.infer<typeof invitationSchema>;
export type InvitationInput = z.infer<typeof invitationInput>;

// Any length is accepted here: a wrong token is simply unknown (404), and the body is still validated first.
const tokenParams = z.object({ token: z.string().min(1).max(200) });

export const listInvitations = defineContract({
  method: "GET",
  path: "/invitations",
  summary: "List invitations for current org (newest first)",
  tags,
  access: "member",
  permission: "invitations.manage",
  query: z.strictObject({ status: invitationStatusSchema.optional(), search: z.string().trim().max(200).optional(), ...pageQuery }),
  response: pageOf(invitationSchema),
});

export const createInvitation = defineContract({
  method: "POST",
  path: "/invitations",
  summary: "Create a single invitation",
  description: "409 when the email already belongs to a member, or already has a pending invitation (resend that one instead).",
  tags,
  access: "member",
  permission: "invitations.manage",
  body: invitationInput,
  example: { email: "user@example.com", role: "AGENT", name: "Ana López" },
  response: invitationWithUrlSchema,
  status: 201,
});

export const bulkCreateInvitations = defineContract({
  method: "POST",
  path: "/invitations/bulk",
  summary: "Create multiple invitations at once",
  description: "Each entry succeeds or fails on its own; duplicates inside the batch are reported as failed.",
  tags,
  access: "member",
  permission: "invitations.manage",
  body: z.strictObject({ invitations: z.array(invitationInput).min(1).max(100) }),
  example: { invitations: [{ email: "ana@example.com" }, { email: "luis@example.com", role: "ADMIN" }] },
  response: z.object({
    created: z.array(invitationWithUrlSchema),
    failed: z.array(z.object({ email: z.string(), code: z.string(), message: z.string() })),
  }),
});

export const resendInvitation = defineContract({
  method: "POST",
  path: "/invitations/{id}/resend",
  summary: "Resend invitation email (new link and expiry; expired invitations can be resent)",
  tags,
  access: "member",
  permission: "invitations.manage",
  params: idParams,
  tenantResource: "invitation",
  response: invitationWithUrlSchema,
});

export const revokeInvitation = defineContract({
  method: "DELETE",
  path: "/invitations/{id}",
  summary: "Revoke a pending invitation",
  tags,
  access: "member",
  permission: "invitations.manage",
  params: idParams,
  tenantResource: "invitation",
  status: 204,
});

export const invitationByToken = defineContract({
  method: "GET",
  path: "/invitations/token/{token}",
  summary: "Get invitation details by token (public)",
  tags,
  access: "public",
  params: tokenParams,
  response: z.object({
    email: z.string(),
    name: z.string().nullable(),
    role: roleSchema,
    organization: z.object({ id: idString, name: z.string(), logoUrl: z.string().nullable() }),
    invitedBy: z.string().nullable(),
    status: invitationStatusSchema,
    expiresAt: iso,
    accountExists: z.boolean().describe("an account with a password exists: accepting asks for that password"),
  }),
});

export const acceptInvitation = defineContract({
  method: "POST",
  path: "/invitations/accept/{token}",
  summary: "Accept invitation and create account (public)",
  description:
    "With an existing account, `password` must be that account's password. Otherwise `password` (min 8) sets the new " +
    "account's password and `name` is required when no account exists yet. Answers like login.",
  tags,
  access: "public",
  params: tokenParams,
  body: z.strictObject({ name: name.optional(), password: z.string().max(200).optional() }),
  example: { name: "Ana López", password: "a-long-secret" },
  response: sessionSchema,
});
