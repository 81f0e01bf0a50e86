import {
  CircleUserIcon,
  BotIcon,
  ContactIcon,
  FileTextIcon,
  InboxIcon,
  KeyRoundIcon,
  MailIcon,
  MessageCircleIcon,
  MessageSquareTextIcon,
  SmartphoneIcon,
  TagIcon,
  UsersIcon,
  UsersRoundIcon,
  type LucideIcon,
} from "lucide-react";

type ItemLabel = "inbox" | "contacts" | "bot" | "users" | "apiKeys" | "profile" | "devMailbox" | "sandbox" | "whatsapp" | "templates" | "tags" | "quickReplies" | "teams";
export type NavItem = { href: string; label: ItemLabel; icon: LucideIcon; testId: string };
export type NavGroup = { label: "workspace" | "settings" | "developer"; items: NavItem[] };

type Gated = NavItem & { permission: string };

const WORKSPACE: Gated[] = [
  { href: "/inbox", label: "inbox", icon: InboxIcon, testId: "nav-inbox", permission: "conversations.read" },
  { href: "/contacts", label: "contacts", icon: ContactIcon, testId: "nav-contacts", permission: "contacts.read" },
  { href: "/bot", label: "bot", icon: BotIcon, testId: "nav-bot", permission: "bot.manage" },
];
const INBOX_SETTINGS: Gated[] = [
  { href: "/settings/tags", label: "tags", icon: TagIcon, testId: "nav-tags", permission: "tags.manage" },
  { href: "/settings/quick-replies", label: "quickReplies", icon: MessageSquareTextIcon, testId: "nav-quick-replies", permission: "quick_replies.manage" },
  { href: "/settings/teams", label: "teams", icon: UsersRoundIcon, testId: "nav-teams", permission: "teams.manage" },
];
const allowed = (items: Gated[], permissions: string[]): NavItem[] =>
  items.filter((i) => permissions.includes(i.permission)).map(({ permission: _, ...item }) => item);

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
    ...allowed(INBOX_SETTINGS, permissions),
    { href: "/settings/profile", label: "profile", icon: CircleUserIcon, testId: "nav-profile" },
  ];
  const workspace = allowed(WORKSPACE, permissions);
  const groups: NavGroup[] = [...(workspace.length ? [{ label: "workspace" as const, items: workspace }] : []), { label: "settings", items: settings }];
  const developer: NavItem[] = [
    ...(devMailbox ? [{ href: "/dev/mailbox", label: "devMailbox" as const, icon: MailIcon, testId: "nav-dev-mailbox" }] : []),
    ...(devTools && permissions.includes("sandbox.use") ? [{ href: "/sandbox", label: "sandbox" as const, icon: SmartphoneIcon, testId: "nav-sandbox" }] : []),
  ];
  if (developer.length) groups.push({ label: "developer", items: developer });
  return groups;
}
