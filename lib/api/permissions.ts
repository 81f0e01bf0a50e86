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
  "bot.read",
  "bot.manage",
  "bot.feedback",
  "agent_tools.use",
  "writing_assist.use",
  "platform.manage",
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
  "bot.read",
  "bot.feedback",
  "agent_tools.use",
  "writing_assist.use",
];

/** Platform operations (super-admin console): never part of an org role, added for super admins by the principal. */
export const PLATFORM_PERMISSIONS: readonly Permission[] = ["platform.manage"];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  ADMIN: new Set(PERMISSIONS.filter((p) => !PLATFORM_PERMISSIONS.includes(p))),
  AGENT: new Set(AGENT),
};

const SUPER_ADMIN: Record<Role, ReadonlySet<Permission>> = {
  ADMIN: new Set([...ROLE_PERMISSIONS.ADMIN, ...PLATFORM_PERMISSIONS]),
  AGENT: new Set([...ROLE_PERMISSIONS.AGENT, ...PLATFORM_PERMISSIONS]),
};

/** A person's permissions in an org: their role's, plus the platform's when they are a super admin. */
export const permissionsOf = (role: Role, isSuperAdmin: boolean) => (isSuperAdmin ? SUPER_ADMIN[role] : ROLE_PERMISSIONS[role]);

export const can = (role: Role, permission: Permission) => ROLE_PERMISSIONS[role].has(permission);
