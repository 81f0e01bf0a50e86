"use client";

import { useId } from "react";
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

type Option = { value: string; label: string };

/** A labelled native select; `any` adds the empty "no filter" option first. */
function Field({ label, value, onChange, testId, options, any }: { label: string; value: string; onChange: (v: string) => void; testId: string; options: Option[]; any?: string }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id} className="text-xs text-muted-foreground">
        {label}
      </Label>
      <NativeSelect id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {any !== undefined && <option value="">{any}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
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
        <Field
          label={t("sort")}
          value={params.sort ?? "newest"}
          onChange={(v) => update({ sort: v === "newest" ? undefined : (v as InboxParams["sort"]) })}
          options={SORTS.map((s) => ({ value: s, label: t(`sorts.${s}`) }))}
          testId="inbox-sort"
        />
        <Field
          label={t("priority")}
          value={params.priority ?? ""}
          onChange={(v) => update({ priority: (v || undefined) as InboxParams["priority"] })}
          any={t("any")}
          options={PRIORITIES.map((p) => ({ value: p, label: tp(p) }))}
          testId="inbox-filter-priority"
        />
        <Field
          label={t("tag")}
          value={params.tag ?? ""}
          onChange={(v) => update({ tag: v || undefined })}
          any={t("any")}
          options={tags.map((tag) => ({ value: tag.id, label: tag.name }))}
          testId="inbox-filter-tag"
        />
        {teams.length > 0 && (
          <Field
            label={t("team")}
            value={params.team ?? ""}
            onChange={(v) => update({ team: v || undefined })}
            any={t("any")}
            options={teams.map((team) => ({ value: team.id, label: team.name }))}
            testId="inbox-filter-team"
          />
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
