"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { NativeSelect } from "@/components/ui/native-select";
import { SearchInput } from "@/components/common/search-input";
import { cn } from "@/lib/utils";
import { STATUSES, SUB_FILTERS, type InboxParams, type StatusFilter } from "../use-inbox-params";
import { FiltersPopover } from "./filters-popover";

type Update = (patch: Partial<InboxParams>) => void;

const chip = (on: boolean) =>
  cn(
    "h-9 shrink-0 rounded-md border px-2.5 text-xs font-medium outline-none transition-colors focus-visible:ring-[3px] focus-visible:ring-ring/50",
    on ? "border-primary/40 bg-primary/10 text-foreground" : "border-input text-muted-foreground hover:text-foreground",
  );

/** Typing stays local and snappy; the address (and so the query) follows 300 ms after the last key. */
function SearchBox({ params, update }: { params: InboxParams; update: Update }) {
  const t = useTranslations("inbox.search");
  const [text, setText] = useState(params.q);
  const [synced, setSynced] = useState(params.q);
  // Another source changed the address (command palette, back button): adopt it.
  if (params.q !== synced) {
    setSynced(params.q);
    setText(params.q);
  }
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onChange = (value: string) => {
    setText(value);
    clearTimeout(timer.current);
    // Clearing the box applies at once; typing waits for a pause.
    timer.current = setTimeout(
      () => {
        setSynced(value);
        update({ q: value });
      },
      value ? 300 : 0,
    );
  };
  return (
    <SearchInput
      value={text}
      onValueChange={onChange}
      placeholder={params.tab === "messages" ? t("messagesPlaceholder") : t("placeholder")}
      aria-label={params.tab === "messages" ? t("messagesPlaceholder") : t("placeholder")}
      data-testid="inbox-search"
      className="min-w-0 flex-1"
    />
  );
}

export function ListToolbar({ params, update }: { params: InboxParams; update: Update }) {
  const t = useTranslations("inbox");
  const messages = params.tab === "messages";
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center gap-2">
        <SearchBox params={params} update={update} />
        <div role="tablist" aria-label={t("search.scope")} className="flex shrink-0 rounded-md border p-0.5">
          {(["conversations", "messages"] as const).map((tab) => (
            <button
              key={tab}
              type="button"
              role="tab"
              aria-selected={params.tab === tab}
              data-testid={`inbox-search-${tab}`}
              onClick={() => update({ tab })}
              className={cn(
                "h-7 rounded px-2 text-xs font-medium outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50",
                params.tab === tab ? "bg-muted text-foreground" : "text-muted-foreground hover:text-foreground",
              )}
            >
              {t(`search.${tab}`)}
            </button>
          ))}
        </div>
      </div>
      {!messages && (
        <div className="flex items-center gap-1.5">
          <NativeSelect
            className="w-auto min-w-0 flex-1"
            value={params.status ?? ""}
            onChange={(e) => update({ status: (e.target.value || undefined) as StatusFilter | undefined })}
            aria-label={t("filters.status")}
            data-testid="inbox-status"
          >
            <option value="">{t("filters.activeStatuses")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
            <option value="snoozed">{t("filters.snoozed")}</option>
          </NativeSelect>
          {SUB_FILTERS.map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={params.sub === s}
              data-testid={`inbox-sub-${s}`}
              onClick={() => update({ sub: params.sub === s ? undefined : s })}
              className={chip(params.sub === s)}
            >
              {t(`filters.sub.${s}`)}
            </button>
          ))}
          <FiltersPopover params={params} update={update} />
        </div>
      )}
    </div>
  );
}
