import { CircleUserIcon, KeyRoundIcon, MailIcon, UsersIcon, type LucideIcon } from "lucide-react";

export type NavItem = { href: string; label: "users" | "apiKeys" | "profile" | "devMailbox"; icon: LucideIcon; testId: string };
export type NavGroup = { label: "settings" | "developer"; items: NavItem[] };

/** Only sections that work appear: each item is here because its page exists and the caller may use it. */
export function buildNav({ permissions, devMailbox }: { permissions: string[]; devMailbox: boolean }): NavGroup[] {
  const settings: NavItem[] = [
    { href: "/settings/users", label: "users", icon: UsersIcon, testId: "nav-users" },
    ...(permissions.includes("api_keys.manage")
      ? [{ href: "/settings/api-keys", label: "apiKeys" as const, icon: KeyRoundIcon, testId: "nav-api-keys" }]
      : []),
    { href: "/settings/profile", label: "profile", icon: CircleUserIcon, testId: "nav-profile" },
  ];
  const groups: NavGroup[] = [{ label: "settings", items: settings }];
  if (devMailbox) groups.push({ label: "developer", items: [{ href: "/dev/mailbox", label: "devMailbox", icon: MailIcon, testId: "nav-dev-mailbox" }] });
  return groups;
}
