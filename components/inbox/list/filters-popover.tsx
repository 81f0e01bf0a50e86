"use client";

import { useId, type ReactNode } from "react";
import { SlidersHorizontalIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { useTags } from "@/lib/client/tags";
import { useTeams } from "@/lib/client/teams";
import { PRIORITIES, SORTS, type InboxParams } from "../use-inbox-params";

type Update = (patch: Partial<InboxParams>) => void;

function Field({ label, value, onChange, testId, children }: { label: string; value: string; onChange: (v: string) => void; testId: string; children: ReactNode }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id} className="text-xs text-muted-foreground">
        {label}
      </Label>
      <NativeSelect id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {children}
      </NativeSelect>
    </div>
  );
}

/** Sort and the less frequent filters (tag, team, priority) behind one button; the badge counts the active ones. */
export function FiltersPopover({ params, update }: { params: InboxParams; update: Update }) {
  const t = useTranslations("inbox.filters");
  const tp = useTranslations("inbox.priority");
  const tags = useTags().data ?? [];
  const teams = useTeams().data ?? [];
  const active = [params.tag, params.team, params.priority, params.sort].filter(Boolean).length;
  return (
    <Popover>
      <PopoverTrigger asChild>
        <Button variant="outline" size="icon-sm" className="relative size-9 shrink-0" aria-label={t("more", { count: active })} data-testid="inbox-filters">
          <SlidersHorizontalIcon />
          {active > 0 && (
            <span className="absolute -top-1 -right-1 flex size-4 items-center justify-center rounded-full bg-primary text-[10px] font-semibold text-primary-foreground" aria-hidden="true">
              {active}
            </span>
          )}
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" className="flex w-72 flex-col gap-3">
        <Field label={t("sort")} value={params.sort ?? "newest"} onChange={(v) => update({ sort: v === "newest" ? undefined : (v as InboxParams["sort"]) })} testId="inbox-sort">
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`sorts.${s}`)}
            </option>
          ))}
        </Field>
        <Field label={t("priority")} value={params.priority ?? ""} onChange={(v) => update({ priority: (v || undefined) as InboxParams["priority"] })} testId="inbox-filter-priority">
          <option value="">{t("any")}</option>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {tp(p)}
            </option>
          ))}
        </Field>
        <Field label={t("tag")} value={params.tag ?? ""} onChange={(v) => update({ tag: v || undefined })} testId="inbox-filter-tag">
          <option value="">{t("any")}</option>
          {tags.map((tag) => (
            <option key={tag.id} value={tag.id}>
              {tag.name}
            </option>
          ))}
        </Field>
        {teams.length > 0 && (
          <Field label={t("team")} value={params.team ?? ""} onChange={(v) => update({ team: v || undefined })} testId="inbox-filter-team">
            <option value="">{t("any")}</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </Field>
        )}
        <Button
          variant="ghost"
          size="sm"
          disabled={!active}
          data-testid="inbox-filters-clear"
          onClick={() => update({ sort: undefined, priority: undefined, tag: undefined, team: undefined })}
        >
          {t("clear")}
        </Button>
      </PopoverContent>
    </Popover>
  );
}
