"use client";

import { useCallback, useMemo, useState } from "react";
import dynamic from "next/dynamic";
import { MessagesSquareIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";
import { useKeyedState } from "@/components/common/use-keyed-state";
import { useMediaQuery } from "@/components/common/use-media-query";
import { ConversationThread } from "@/components/inbox/thread/thread";
import { useConversationCounts, useConversationList, useConversationRealtime } from "@/lib/client/conversations";
import { useLiveTags } from "@/lib/client/tags";
import { cn } from "@/lib/utils";
import { InboxLayoutContext, type InboxLayout } from "./inbox-context";
import { ListPane } from "./list/list-pane";
import { useConversationCommands } from "./use-conversation-commands";
import { listFilters, useInboxParams } from "./use-inbox-params";
import { useInboxShortcuts } from "./use-inbox-shortcuts";

// Opened on demand: their code is fetched the first time, not with the page (first-load budget).
const CommandPalette = dynamic(() => import("./command-palette").then((m) => m.CommandPalette), { ssr: false });
// Secondary content (closed at phone width): fetched right after the page instead of with it.
const ContactPanel = dynamic(() => import("@/components/inbox/contact-panel/contact-panel").then((m) => m.ContactPanel), { ssr: false });
const ShortcutsDialog = dynamic(() => import("./shortcuts-dialog").then((m) => m.ShortcutsDialog), { ssr: false });

/** The contact panel sits inline from this width (the panel itself switches to a sheet below it). */
const WIDE = "(min-width: 1280px)";

/**
 * The agent inbox: list | thread | contact panel. At phone width one pane at a time (the open conversation replaces
 * the list; back returns). Everything that names what is on screen lives in the address: /inbox?c=<id>&view=…
 */
export function InboxView() {
  const t = useTranslations("inbox");
  const [params, update] = useInboxParams();
  const filters = useMemo(() => listFilters(params), [params]);
  const list = useConversationList(filters);
  const counts = useConversationCounts();
  useConversationRealtime();
  // Tag renames/recolors show in the rows, so the page (not only the contact panel) listens.
  useLiveTags();
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.data) ?? [], [list.data]);
  const current = params.c;

  const wide = useMediaQuery(WIDE);
  // Wide screens remember the choice across conversations; narrow ones start every conversation without the sheet.
  const [contactPref, setContactPref] = useKeyedState<boolean | null>(null, wide ? "wide" : `narrow-${current}`);
  const contactOpen = contactPref ?? wide;
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const commands = useConversationCommands(current);

  const open = useCallback((id: string) => update({ c: id }, { push: true }), [update]);
  const back = useCallback(() => update({ c: null }), [update]);
  const toggleContact = useCallback(() => setContactPref(!contactOpen), [setContactPref, contactOpen]);

  useInboxShortcuts({
    move: (delta) => {
      if (!items.length) return;
      const at = current ? items.findIndex((c) => c.id === current) : -1;
      const next = items[at < 0 ? 0 : Math.max(0, Math.min(items.length - 1, at + delta))];
      if (next && next.id !== current) open(next.id);
      if (delta > 0 && at >= items.length - 5 && list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
    },
    resolve: () => commands.run("resolve"),
    assignMe: () => commands.run("assignMe"),
    toggleContact: () => current && toggleContact(),
    back: () => {
      if (current && !wide && contactOpen) setContactPref(false);
      else if (current) back();
    },
    palette: () => setPaletteOpen(true),
    help: () => setHelpOpen(true),
  });

  const layout: InboxLayout = useMemo(() => ({ contactOpen, toggleContact, openConversation: open }), [contactOpen, toggleContact, open]);

  return (
    <InboxLayoutContext.Provider value={layout}>
      <h1 className="sr-only">{t("title")}</h1>
      <div className="flex h-[calc(100dvh-3.5rem)] min-h-0 w-full overflow-hidden" data-testid="inbox">
        <section
          aria-label={t("panes.list")}
          className={cn("h-full min-h-0 w-full shrink-0 flex-col border-r bg-background md:flex md:w-[320px] xl:w-[340px] 2xl:w-[380px]", current ? "hidden" : "flex")}
          data-testid="inbox-list-pane"
        >
          <ListPane params={params} update={update} list={list} items={items} counts={counts.data} onOpen={open} />
        </section>
        <section aria-label={t("panes.thread")} className={cn("h-full min-h-0 min-w-0 flex-1 flex-col", current ? "flex" : "hidden md:flex")} data-testid="inbox-thread-pane">
          {current ? (
            <ConversationThread key={current} conversationId={current} onBack={back} />
          ) : (
            <EmptyState icon={MessagesSquareIcon} title={t("noSelection")} description={t("noSelectionHint")} className="h-full" data-testid="inbox-no-selection" />
          )}
        </section>
        {current && contactOpen && <ContactPanel key={current} conversationId={current} onClose={() => setContactPref(false)} />}
      </div>
      {paletteOpen && (
        <CommandPalette
          open={paletteOpen}
          onOpenChange={setPaletteOpen}
          hasCurrent={commands.enabled}
          onOpenConversation={open}
          onView={(view) => update({ view, tab: "conversations" })}
          onCommand={commands.run}
          onSearchMessages={(q) => update({ q, tab: "messages" })}
          onToggleContact={toggleContact}
          onHelp={() => setHelpOpen(true)}
        />
      )}
      {helpOpen && <ShortcutsDialog open={helpOpen} onOpenChange={setHelpOpen} />}
    </InboxLayoutContext.Provider>
  );
}
