"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useId, useState } from "react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import { currentConfigOf, useBotConfigs, type BotConfig } from "@/lib/client/bot";
import { ActivateConfigDialog } from "./configs/activate-config-dialog";

/** The config the builder pages edit: `?configId=` (a draft, usually) or, without it, the active config. */
export function useSelectedConfigId(): string | null {
  return useSearchParams().get("configId");
}

/** Moves the current page to another config, keeping every other query parameter. */
export function useSelectConfig() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  return useCallback(
    (configId: string | null) => {
      const next = new URLSearchParams(params.toString());
      if (configId) next.set("configId", configId);
      else next.delete("configId");
      const qs = next.toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [params, pathname, router],
  );
}

/** The config a page shows: the chosen one, else what GET /bot-config shows (the active config, else the latest draft). */
export function useEditedConfigRow(): BotConfig | null {
  return currentConfigOf(useBotConfigs().data ?? [], useSelectedConfigId());
}

/** Choose which config the builder edits; a draft being edited can be activated from here. */
export function ConfigSwitcher() {
  const t = useTranslations("bot.switcher");
  const id = useId();
  const configs = useBotConfigs();
  const configId = useSelectedConfigId();
  const select = useSelectConfig();
  const [activating, setActivating] = useState<BotConfig | null>(null);

  if (configs.isPending) return <Skeleton className="h-9 w-full sm:w-64" />;
  if (configs.isError || !configs.data.length) return null;

  const active = configs.data.find((c) => c.status === "ACTIVE") ?? null;
  const current = currentConfigOf(configs.data, configId);
  const value = current?.id ?? "";

  return (
    <div className="flex w-full flex-wrap items-center gap-2 sm:w-auto" data-testid="config-switcher">
      <label htmlFor={id} className="text-sm text-muted-foreground">
        {t("label")}
      </label>
      <NativeSelect
        id={id}
        className="min-w-0 flex-1 sm:w-64 sm:flex-none"
        value={value}
        onChange={(e) => select(e.target.value === active?.id ? null : e.target.value || null)}
        data-testid="config-switcher-select"
      >
        {!current && <option value="">{t("none")}</option>}
        {configs.data.map((c) => (
          <option key={c.id} value={c.id}>
            {c.status === "ACTIVE" ? t("activeOption", { name: c.name }) : t("draftOption", { name: c.name })}
          </option>
        ))}
      </NativeSelect>
      {current && (
        <Badge variant={current.status === "ACTIVE" ? "success" : "muted"} data-testid="config-switcher-status">
          {current.status === "ACTIVE" ? t("active") : t("draft")}
        </Badge>
      )}
      {current?.status === "DRAFT" && (
        <Button size="sm" variant="outline" onClick={() => setActivating(current)} data-testid="config-switcher-activate">
          {t("activate")}
        </Button>
      )}
      <ActivateConfigDialog config={activating} active={active} onClose={() => setActivating(null)} onActivated={() => select(null)} />
    </div>
  );
}
