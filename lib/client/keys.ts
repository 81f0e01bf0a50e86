/** Query keys in one place, so invalidations match what the hooks cache. */
export const keys = {
  me: ["me"] as const,
  users: ["users"] as const,
  usersList: (params: object) => ["users", "list", params] as const,
  invitations: ["invitations"] as const,
  invitationsList: (params: object) => ["invitations", "list", params] as const,
  invitationByToken: (token: string) => ["invitation-token", token] as const,
  apiKeys: ["api-keys"] as const,
  profile: ["profile"] as const,
  mailbox: ["dev-mailbox"] as const,
};
