import { CircleUserIcon, FileTextIcon, KeyRoundIcon, MailIcon, MessageCircleIcon, SmartphoneIcon, UsersIcon, type LucideIcon } from "lucide-react";

export type NavItem = { href: string; label: "users" | "apiKeys" | "profile" | "devMailbox" | "sandbox" | "whatsapp" | "templates"; icon: LucideIcon; testId: string };
export type NavGroup = { label: "settings" | "developer"; items: NavItem[] };

/** Only sections that work appear: each item is here because its page exists and the caller may use it. */
/** devTools: the sandbox and /dev/simulate are on (outside production, or DEV_TOOLS=true). */
export function buildNav({ permissions, devMailbox, devTools = false }: { permissions: string[]; devMailbox: boolean; devTools?: boolean }): NavGroup[] {
  const settings: NavItem[] = [
    { href: "/settings/users", label: "users", icon: UsersIcon, testId: "nav-users" },
    ...(permissions.includes("api_keys.manage")
      ? [{ href: "/settings/api-keys", label: "apiKeys" as const, icon: KeyRoundIcon, testId: "nav-api-keys" }]
      : []),
    ...(permissions.includes("whatsapp.manage")
      ? [{ href: "/settings/whatsapp", label: "whatsapp" as const, icon: MessageCircleIcon, testId: "nav-whatsapp" }]
      : []),
    ...(permissions.includes("templates.read")
      ? [{ href: "/settings/templates", label: "templates" as const, icon: FileTextIcon, testId: "nav-templates" }]
      : []),
    { href: "/settings/profile", label: "profile", icon: CircleUserIcon, testId: "nav-profile" },
  ];
  const groups: NavGroup[] = [{ label: "settings", items: settings }];
  const developer: NavItem[] = [
    ...(devMailbox ? [{ href: "/dev/mailbox", label: "devMailbox" as const, icon: MailIcon, testId: "nav-dev-mailbox" }] : []),
    ...(devTools && permissions.includes("sandbox.use") ? [{ href: "/sandbox", label: "sandbox" as const, icon: SmartphoneIcon, testId: "nav-sandbox" }] : []),
  ];
  if (developer.length) groups.push({ label: "developer", items: developer });
  return groups;
}
