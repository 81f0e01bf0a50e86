import { z } from "zod";
import { defineContract, email, idParams, idRef, name, pageOf, pageQuery } from "../contract";
import { invitationWithUrlSchema } from "./invitations";
import { presenceSchema, roleSchema, userSchema } from "./schemas";

const tags = ["Users"] as const;

export const memberFilters = {
  search: z.string().trim().max(200).optional(),
  role: roleSchema.optional(),
  status: presenceSchema.optional(),
};

export const listUsers = defineContract({
  method: "GET",
  path: "/users",
  summary: "List users (active members, including invited ones who have not accepted yet)",
  tags,
  access: "member",
  permission: "users.read",
  query: z.strictObject({ ...memberFilters, ...pageQuery }),
  response: pageOf(userSchema),
});

export const createUser = defineContract({
  method: "POST",
  path: "/users",
  summary: "Create a new user (admin only)",
  description:
    "Creates the user without a password and sends an invitation to set one. A person who already has an account in " +
    "another organization joins this one only when they accept.",
  tags,
  access: "member",
  permission: "users.manage",
  body: z.strictObject({ email, name, role: roleSchema.default("AGENT") }),
  example: { email: "user@example.com", name: "Ana López", role: "AGENT" },
  response: z.object({ user: userSchema, invitation: invitationWithUrlSchema }),
  status: 201,
});

export const updateUser = defineContract({
  method: "PATCH",
  path: "/users/{id}",
  summary: "Update a user (admin only)",
  tags,
  access: "member",
  permission: "users.manage",
  params: idParams,
  tenantResource: "user",
  body: z
    .strictObject({ name: name.optional(), role: roleSchema.optional() })
    .refine((b) => b.name !== undefined || b.role !== undefined, { message: "Give at least one of name, role" }),
  example: { name: "Ana López", role: "ADMIN" },
  response: userSchema,
});

export const deleteUser = defineContract({
  method: "DELETE",
  path: "/users/{id}",
  summary: "Soft-delete a user (admin only)",
  description: "Removes the membership; the account itself is deleted when it belongs to no other organization. Signs the user out everywhere.",
  tags,
  access: "member",
  permission: "users.manage",
  params: idParams,
  tenantResource: "user",
  status: 204,
});

export const setUserStatus = defineContract({
  method: "PATCH",
  path: "/users/{id}/status",
  summary: "Update user online status",
  description: "Anyone may set their own status; setting another user's needs users.manage.",
  tags,
  access: "member",
  permission: "presence.update",
  params: idParams,
  tenantResource: "user",
  body: z.strictObject({ status: presenceSchema }),
  example: { status: "ONLINE" },
  response: userSchema,
});

export const resendUserInvite = defineContract({
  method: "POST",
  path: "/users/{id}/resend-invite",
  summary: "Resend invitation email to a user (admin only)",
  tags,
  access: "member",
  permission: "users.manage",
  params: idParams,
  tenantResource: "user",
  response: invitationWithUrlSchema,
});

const bulkActions = ["delete", "changeRole", "resendInvite", "setStatus"] as const;

export const bulkUsersBody = z
  .strictObject({
    action: z.enum(bulkActions),
    role: roleSchema.optional(),
    status: presenceSchema.optional(),
    selection: z.discriminatedUnion("mode", [
      z.strictObject({ mode: z.literal("ids"), ids: z.array(idRef).min(1).max(500) }),
      z.strictObject({
        mode: z.literal("all"),
        filters: z.strictObject(memberFilters).optional(),
        excludeIds: z.array(idRef).max(5000).optional(),
      }),
    ]),
  })
  .superRefine((b, ctx) => {
    if (b.action === "changeRole" && !b.role) ctx.addIssue({ code: "custom", path: ["role"], message: "is required for changeRole" });
    if (b.action === "setStatus" && !b.status) ctx.addIssue({ code: "custom", path: ["status"], message: "is required for setStatus" });
  });

export type BulkUsersInput = z.output<typeof bulkUsersBody>;

export const bulkUsers = defineContract({
  method: "POST",
  path: "/users/bulk",
  summary: "Bulk actions on users (admin only)",
  description:
    "delete and changeRole are all-or-nothing (one transaction; LAST_ADMIN fails the whole request). resendInvite and " +
    "setStatus run per user and report failures. Ids of other organizations simply do not match.",
  tags,
  access: "member",
  permission: "users.manage",
  body: bulkUsersBody,
  example: { action: "changeRole", role: "AGENT", selection: { mode: "ids", ids: ["12", "15"] } },
  response: z.object({
    action: z.enum(bulkActions),
    matched: z.number().int(),
    succeeded: z.number().int(),
    failed: z.array(z.object({ id: z.string(), code: z.string(), message: z.string() })),
  }),
});
