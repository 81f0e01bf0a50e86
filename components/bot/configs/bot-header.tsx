"use client";

import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/common/page-header";
import { useLiveBot } from "@/lib/client/bot";
import { BotTabs, CONFIG_TABS, currentTab, type BotTab } from "../bot-tabs";
import { ConfigSwitcher } from "../config-switcher";

/** The tab bar, and on pages that edit one config, which config that is; keeps every bot query live. */
export function BotHeader() {
  const tab = currentTab(usePathname());
  useLiveBot();
  return (
    <div className="flex flex-col gap-3">
      <BotTabs />
      {CONFIG_TABS.has(tab) && (
        <div className="flex justify-end">
          <ConfigSwitcher />
        </div>
      )}
    </div>
  );
}

/** Each builder page's title and description (the tab bar sits above it, in the layout). */
export function BotPageHeader({ tab, actions }: { tab: BotTab; actions?: ReactNode }) {
  const t = useTranslations("bot.pages");
  return <PageHeader title={t(`${tab}.title`)} description={t(`${tab}.description`)} actions={actions} />;
}
