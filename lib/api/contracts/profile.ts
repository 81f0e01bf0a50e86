import { z } from "zod";
import { defineContract, name, password } from "../contract";
import { sessionSchema, userSchema } from "./schemas";

const tags = ["Profile"] as const;
/** Every profile operation acts on the caller's own user, so it needs a person, not an API key. */
const own = { tags, access: "user", permission: "profile.manage" } as const;

export const AVATAR_UPLOAD = { field: "avatar", maxBytes: 2 * 1024 * 1024, types: ["image/png", "image/jpeg", "image/webp", "image/gif"] } as const;

export const getProfile = defineContract({
  ...own,
  method: "GET",
  path: "/profile",
  summary: "Get own user profile",
  response: userSchema,
});

export const updateProfile = defineContract({
  ...own,
  method: "PATCH",
  path: "/profile",
  summary: "Update own profile (name, language)",
  body: z
    .strictObject({ name: name.optional(), locale: z.enum(["es", "en"]).optional() })
    .refine((b) => b.name !== undefined || b.locale !== undefined, "Send at least one of: name, locale"),
  response: userSchema,
});

export const setWritingAssist = defineContract({
  ...own,
  method: "PATCH",
  path: "/profile/writing-assist",
  summary: "Toggle user writing assist preference",
  body: z.strictObject({ enabled: z.boolean() }),
  response: userSchema,
});

export const changePassword = defineContract({
  ...own,
  method: "POST",
  path: "/profile/change-password",
  summary: "Change own password",
  description:
    "Needs the current password (422 INVALID_CURRENT_PASSWORD otherwise). Signs out every other session; the answer is a fresh session for the caller, like login.",
  body: z
    .strictObject({ currentPassword: z.string().min(1).max(200), newPassword: password })
    .refine((b) => b.newPassword !== b.currentPassword, { path: ["newPassword"], message: "must differ from the current password" }),
  response: sessionSchema,
});

export const uploadAvatar = defineContract({
  ...own,
  method: "POST",
  path: "/profile/avatar",
  summary: "Upload user avatar image",
  description: "multipart/form-data with the image in the `avatar` field: PNG, JPEG, WebP or GIF, at most 2 MB.",
  multipart: AVATAR_UPLOAD,
  response: userSchema,
});

export const removeAvatar = defineContract({
  ...own,
  method: "DELETE",
  path: "/profile/avatar",
  summary: "Remove user avatar",
  response: userSchema,
});
