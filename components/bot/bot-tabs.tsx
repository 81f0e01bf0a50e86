"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";

const TABS = [
  { href: "/bot", key: "overview" },
  { href: "/bot/prompt", key: "prompt" },
  { href: "/bot/intents", key: "intents" },
  { href: "/bot/knowledge", key: "knowledge" },
  { href: "/bot/tools", key: "tools" },
  { href: "/bot/sandbox", key: "sandbox" },
  { href: "/bot/versions", key: "versions" },
  { href: "/bot/templates", key: "templates" },
  { href: "/bot/metrics", key: "metrics" },
  { href: "/bot/settings", key: "settings" },
] as const;

export type BotTab = (typeof TABS)[number]["key"];

/** Tabs whose page edits one config: the chosen config (?configId) travels with the link. */
export const CONFIG_TABS: ReadonlySet<BotTab> = new Set(["prompt", "intents", "sandbox", "versions", "settings"]);

export function currentTab(pathname: string): BotTab {
  const match = [...TABS].reverse().find((t) => pathname === t.href || pathname.startsWith(`${t.href}/`));
  return match?.key ?? "overview";
}

/** The builder's tab bar: links (each tab is a page), scrollable sideways on phones, the active tab kept in view. */
export function BotTabs() {
  const t = useTranslations("bot.tabs");
  const pathname = usePathname();
  const configId = useSearchParams().get("configId");
  const active = currentTab(pathname);
  const activeRef = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    activeRef.current?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [active]);

  return (
    <nav aria-label={t("label")} className="-mx-4 overflow-x-auto px-4 [scrollbar-width:none] sm:mx-0 sm:px-0 [&::-webkit-scrollbar]:hidden" data-testid="bot-tabs">
      <ul className="flex w-max min-w-full gap-1 border-b">
        {TABS.map((tab) => {
          const isActive = tab.key === active;
          const href = configId && CONFIG_TABS.has(tab.key) ? `${tab.href}?configId=${encodeURIComponent(configId)}` : tab.href;
          return (
            <li key={tab.key}>
              <Link
                ref={isActive ? activeRef : undefined}
                href={href}
                aria-current={isActive ? "page" : undefined}
                data-testid={`bot-tab-${tab.key}`}
                className={cn(
                  "-mb-px flex h-10 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap transition-colors outline-none",
                  "focus-visible:rounded-t-md focus-visible:ring-[3px] focus-visible:ring-ring/50",
                  isActive ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:border-border hover:text-foreground",
                )}
              >
                {t(tab.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
