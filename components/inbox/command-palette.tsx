"use client";

import { useState, type KeyboardEvent, type ReactNode } from "react";
import {
  CheckCircle2Icon,
  EyeIcon,
  HandIcon,
  InboxIcon,
  KeyboardIcon,
  MessageSquareIcon,
  PanelRightIcon,
  RotateCcwIcon,
  SearchIcon,
  UserMinusIcon,
  UserPlusIcon,
} from "lucide-react";
import { useTranslations } from "next-intl";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { useDebounced } from "@/components/common/use-debounced";
import { useConversationList } from "@/lib/client/conversations";
import { cn } from "@/lib/utils";
import { contactName } from "./list/row-parts";
import type { CommandName } from "./use-conversation-commands";
import { VIEWS, type InboxView } from "./use-inbox-params";

type Item = { id: string; group: "conversations" | "views" | "actions"; label: string; hint?: string; icon: ReactNode; run: () => void };

export type PaletteProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  hasCurrent: boolean;
  onOpenConversation: (id: string) => void;
  onView: (view: InboxView) => void;
  onCommand: (name: CommandName) => void;
  onSearchMessages: (q: string) => void;
  onToggleContact: () => void;
  onHelp: () => void;
};

const COMMAND_ICONS: Record<CommandName, ReactNode> = {
  resolve: <CheckCircle2Icon />,
  assignMe: <UserPlusIcon />,
  takeover: <HandIcon />,
  unassign: <UserMinusIcon />,
  reopen: <RotateCcwIcon />,
  markRead: <EyeIcon />,
};

function usePaletteItems(q: string, p: PaletteProps) {
  const t = useTranslations("inbox.palette");
  const tv = useTranslations("inbox.views");
  const debounced = useDebounced(q.trim(), 200);
  // No search, no request: without one the palette shows views and actions only.
  const found = useConversationList({ search: debounced || undefined, limit: 8 }, Boolean(debounced));
  const conversations: Item[] = debounced
    ? (found.data?.pages[0]?.data ?? []).map((c) => ({
        id: `c-${c.id}`,
        group: "conversations",
        label: contactName(c),
        hint: `#${c.displayId}`,
        icon: <MessageSquareIcon />,
        run: () => p.onOpenConversation(c.id),
      }))
    : [];
  const views: Item[] = VIEWS.map((v) => ({ id: `v-${v}`, group: "views", label: t("goTo", { view: tv(v) }), icon: <InboxIcon />, run: () => p.onView(v) }));
  const commands: Item[] = p.hasCurrent
    ? (Object.keys(COMMAND_ICONS) as CommandName[]).map((name) => ({
        id: `a-${name}`,
        group: "actions",
        label: t(`commands.${name}`),
        icon: COMMAND_ICONS[name],
        run: () => p.onCommand(name),
      }))
    : [];
  const extra: Item[] = [
    ...(p.hasCurrent ? [{ id: "a-contact", group: "actions" as const, label: t("contact"), icon: <PanelRightIcon />, run: p.onToggleContact }] : []),
    { id: "a-help", group: "actions", label: t("help"), icon: <KeyboardIcon />, run: p.onHelp },
  ];
  const needle = q.trim().toLowerCase();
  const matches = (i: Item) => !needle || i.label.toLowerCase().includes(needle);
  const search: Item[] = needle
    ? [{ id: "s-messages", group: "actions", label: t("searchMessages", { q: q.trim() }), icon: <SearchIcon />, run: () => p.onSearchMessages(q.trim()) }]
    : [];
  return { items: [...conversations, ...views.filter(matches), ...commands.filter(matches), ...extra.filter(matches), ...search], loading: found.isFetching && Boolean(debounced) };
}

function Palette(props: PaletteProps) {
  const t = useTranslations("inbox.palette");
  const [q, setQ] = useState("");
  const [cursor, setCursor] = useState(0);
  const { items, loading } = usePaletteItems(q, props);
  const active = Math.min(cursor, Math.max(0, items.length - 1));

  const choose = (item: Item | undefined) => {
    if (!item) return;
    props.onOpenChange(false);
    item.run();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const delta = e.key === "ArrowDown" ? 1 : -1;
      setCursor((active + delta + items.length) % Math.max(1, items.length));
    } else if (e.key === "Enter") {
      e.preventDefault();
      choose(items[active]);
    }
  };

  return (
    <>
      <div className="flex items-center gap-2 border-b px-3">
        <SearchIcon className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
        <input
          autoFocus
          role="combobox"
          aria-expanded="true"
          aria-controls="command-palette-list"
          aria-activedescendant={items[active] ? `palette-${items[active].id}` : undefined}
          aria-label={t("placeholder")}
          placeholder={t("placeholder")}
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setCursor(0);
          }}
          onKeyDown={onKeyDown}
          data-testid="command-palette-input"
          className="h-12 min-w-0 flex-1 bg-transparent text-sm outline-none placeholder:text-muted-foreground"
        />
        {loading && <Spinner />}
      </div>
      <div id="command-palette-list" role="listbox" aria-label={t("results")} className="max-h-[min(24rem,60dvh)] overflow-y-auto p-1.5">
        {items.length === 0 && <p className="px-3 py-6 text-center text-sm text-muted-foreground">{t("empty")}</p>}
        {items.map((item, i) => {
          const header = i === 0 || items[i - 1].group !== item.group ? t(`groups.${item.group}`) : null;
          return (
            <div key={item.id}>
              {header && <p className="px-2 pt-2 pb-1 text-[11px] font-medium tracking-wider text-muted-foreground uppercase" aria-hidden="true">{header}</p>}
              <div
                id={`palette-${item.id}`}
                role="option"
                aria-selected={i === active}
                data-testid={`palette-item-${item.id}`}
                onMouseMove={() => i !== active && setCursor(i)}
                onClick={() => choose(item)}
                className={cn(
                  "flex h-9 cursor-pointer items-center gap-2.5 rounded-md px-2 text-sm [&_svg]:size-4 [&_svg]:text-muted-foreground",
                  i === active && "bg-accent text-accent-foreground",
                )}
              >
                {item.icon}
                <span className="min-w-0 flex-1 truncate">{item.label}</span>
                {item.hint && <span className="text-xs text-muted-foreground tabular-nums">{item.hint}</span>}
              </div>
            </div>
          );
        })}
      </div>
    </>
  );
}

/** ⌘K / Ctrl-K: jump to a conversation, switch views, act on the open conversation. */
export function CommandPalette(props: PaletteProps) {
  const t = useTranslations("inbox.palette");
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      <DialogContent showCloseButton={false} className="top-[15%] translate-y-0 gap-0 overflow-hidden p-0 sm:max-w-lg" data-testid="command-palette">
        <DialogTitle className="sr-only">{t("title")}</DialogTitle>
        <DialogDescription className="sr-only">{t("description")}</DialogDescription>
        {props.open && <Palette {...props} />}
      </DialogContent>
    </Dialog>
  );
}
