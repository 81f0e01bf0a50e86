/**
 * Who may call the bot endpoints filed under an OpenAPI tag: members with bot.read (agents too) read, members with
 * bot.manage (admins) build.
 */
export function botAccess<const T extends string>(tag: T) {
  const tags = [tag] as const;
  return {
    read: { tags, access: "member", permission: "bot.read" },
    manage: { tags, access: "member", permission: "bot.manage" },
  } as const;
}
