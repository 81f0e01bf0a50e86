/** The closed list of permissions. Every contract names one; roles map to sets of them. */
export const PERMISSIONS = [
  "org.read",
  "org.update",
  "users.read",
  "users.manage",
  "invitations.manage",
  "api_keys.manage",
  "profile.manage",
  "presence.update",
  "files.read",
  "files.write",
  "mailbox.read",
  "audit.read",
  "whatsapp.read",
  "whatsapp.manage",
  "templates.read",
  "templates.manage",
  "contacts.read",
  "contacts.write",
  "sandbox.use",
  "dev.simulate",
  "messages.send",
  "messages.manage",
  "conversations.read",
  "conversations.write",
  "conversations.manage",
  "tags.read",
  "tags.write",
  "tags.manage",
  "quick_replies.read",
  "quick_replies.manage",
  "teams.read",
  "teams.manage",
  "notifications.read",
] as const;

export type Permission = (typeof PERMISSIONS)[number];
export type Role = "ADMIN" | "AGENT";

const AGENT: Permission[] = [
  "org.read",
  "users.read",
  "profile.manage",
  "presence.update",
  "files.read",
  "files.write",
  "whatsapp.read",
  "templates.read",
  "contacts.read",
  "contacts.write",
  "sandbox.use",
  "messages.send",
  "conversations.read",
  "conversations.write",
  "tags.read",
  "tags.write",
  "quick_replies.read",
  "teams.read",
  "notifications.read",
];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  ADMIN: new Set(PERMISSIONS),
  AGENT: new Set(AGENT),
};

export const can = (role: Role, permission: Permission) => ROLE_PERMISSIONS[role].has(permission);
