"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { BotIcon, CopyIcon, FlaskConicalIcon, PencilIcon, PlusIcon, SparklesIcon, Trash2Icon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { QueryState } from "@/components/common/query-state";
import { RelativeTime } from "@/components/common/relative-time";
import { RowActions } from "@/components/common/row-actions";
import { useConfirmAction } from "@/components/common/use-confirm-action";
import { useBotConfigs, useDeleteConfig, type BotConfig } from "@/lib/client/bot";
import { BotEnabledSwitch } from "../settings/bot-enabled-switch";
import { ActivateConfigDialog } from "./activate-config-dialog";
import { BotPageHeader } from "./bot-header";
import { ConfigNameDialog, type NameDialogState } from "./config-name-dialog";
import { UsageMeter } from "./usage-meter";

export const configHref = (path: string, c: Pick<BotConfig, "id" | "status">) => (c.status === "ACTIVE" ? path : `${path}?configId=${c.id}`);

/** /bot: is the bot on, how much of the month's budget is used, and the configs (one active, the rest drafts). */
export function BotOverview() {
  const t = useTranslations("bot.overview");
  const router = useRouter();
  const configs = useBotConfigs();
  const remove = useDeleteConfig();
  const [naming, setNaming] = useState<NameDialogState | null>(null);
  const [activating, setActivating] = useState<BotConfig | null>(null);
  const removal = useConfirmAction<BotConfig>(remove, (config) => t("deleted", { name: config.name }));

  const list = configs.data ?? [];
  const active = list.find((c) => c.status === "ACTIVE") ?? null;
  const ordered = active ? [active, ...list.filter((c) => c !== active)] : list;

  const create = () => setNaming({ mode: "create" });

  return (
    <div className="flex flex-col gap-6" data-testid="bot-overview">
      <BotPageHeader tab="overview" />
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t("statusTitle")}</CardTitle>
          </CardHeader>
          <CardContent>
            <BotEnabledSwitch />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("usageTitle")}</CardTitle>
          </CardHeader>
          <CardContent>
            <UsageMeter />
          </CardContent>
        </Card>
      </div>

      {configs.isSuccess && !active && list.length > 0 && (
        <Alert data-testid="bot-no-active">
          <BotIcon />
          <AlertTitle>{t("noActiveTitle")}</AlertTitle>
          <AlertDescription>{t("noActiveText")}</AlertDescription>
        </Alert>
      )}
      {active && !active.aiConfigured && (
        <Alert data-testid="bot-ai-not-configured">
          <SparklesIcon />
          <AlertTitle>{t("noAiTitle")}</AlertTitle>
          <AlertDescription>
            <p>{t("noAiText")}</p>
            <Button asChild variant="outline" size="sm" className="mt-1">
              <Link href="/bot/settings" data-testid="bot-ai-configure">
                {t("noAiAction")}
              </Link>
            </Button>
          </AlertDescription>
        </Alert>
      )}

      <section aria-labelledby="bot-configs-heading" className="flex flex-col gap-3">
        <div className="flex items-center justify-between gap-2">
          <h2 id="bot-configs-heading" className="text-base font-semibold">
            {t("configsTitle")}
          </h2>
          <Button onClick={create} data-testid="bot-config-create">
            <PlusIcon />
            {t("create")}
          </Button>
        </div>
        <div className="overflow-hidden rounded-lg border bg-card">
          <QueryState
            query={configs}
            skeleton={{ rows: 3, columns: 3 }}
            empty={
              <EmptyState
                icon={BotIcon}
                className="py-14"
                title={t("emptyTitle")}
                description={t("emptyText")}
                action={
                  <Button variant="outline" onClick={create} data-testid="bot-config-create-empty">
                    {t("create")}
                  </Button>
                }
              />
            }
          >
            {() => (
              <ul className="divide-y" data-testid="bot-config-list">
                {ordered.map((c) => (
                  <ConfigRow
                    key={c.id}
                    config={c}
                    onActivate={() => setActivating(c)}
                    onRename={() => setNaming({ mode: "rename", config: c })}
                    onDuplicate={() => setNaming({ mode: "duplicate", config: c })}
                    onDelete={() => removal.ask(c)}
                  />
                ))}
              </ul>
            )}
          </QueryState>
        </div>
      </section>

      <ConfigNameDialog
        state={naming}
        onClose={() => setNaming(null)}
        onDone={(c, mode) => mode !== "rename" && router.push(configHref("/bot/intents", c))}
      />
      <ActivateConfigDialog config={activating} active={active} onClose={() => setActivating(null)} />
      <ConfirmDialog
        {...removal.dialog}
        title={t("deleteTitle", { name: removal.target?.name ?? "" })}
        description={t("deleteText")}
        confirmLabel={t("deleteConfirm")}
        cancelLabel={t("cancel")}
        testId="config-delete-confirm"
      />
    </div>
  );
}

function ConfigRow({ config: c, onActivate, onRename, onDuplicate, onDelete }: { config: BotConfig; onActivate: () => void; onRename: () => void; onDuplicate: () => void; onDelete: () => void }) {
  const t = useTranslations("bot.overview");
  const router = useRouter();
  const isActive = c.status === "ACTIVE";
  return (
    <li className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center" data-testid="bot-config-row" data-name={c.name} data-status={c.status}>
      <div className="min-w-0 flex-1 space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <Link href={configHref("/bot/intents", c)} className="truncate font-medium hover:underline" data-testid="bot-config-open">
            {c.name}
          </Link>
          <Badge variant={isActive ? "success" : "muted"}>{isActive ? t("active") : t("draft")}</Badge>
          {!c.aiConfigured && <Badge variant="outline">{t("noAiBadge")}</Badge>}
        </div>
        <p className="flex flex-wrap gap-x-2 text-xs text-muted-foreground">
          <span>{c.provider ? `${t(`providers.${c.provider}`)}${c.model ? ` · ${c.model}` : ""}` : c.presetId ? t("usesPreset") : t("noProvider")}</span>
          <span aria-hidden="true">·</span>
          <span>{t("intents", { count: c.intentCount })}</span>
          <span aria-hidden="true">·</span>
          <span>
            {t("updated")} <RelativeTime value={c.updatedAt} />
          </span>
        </p>
      </div>
      <div className="flex items-center gap-2 self-end sm:self-auto">
        <Button asChild variant="ghost" size="sm">
          <Link href={configHref("/bot/sandbox", c)} data-testid="bot-config-try">
            <FlaskConicalIcon />
            {t("try")}
          </Link>
        </Button>
        {!isActive && (
          <Button variant="outline" size="sm" onClick={onActivate} data-testid="config-activate">
            {t("activate")}
          </Button>
        )}
        <RowActions
          label={t("actions", { name: c.name })}
          testId="bot-config-actions"
          actions={[
            { label: t("editPrompt"), icon: PencilIcon, onSelect: () => router.push(configHref("/bot/prompt", c)), testId: "config-edit-prompt" },
            { label: t("rename"), icon: PencilIcon, onSelect: onRename, testId: "config-rename" },
            { label: t("duplicate"), icon: CopyIcon, onSelect: onDuplicate, testId: "config-duplicate" },
            !isActive && { label: t("delete"), icon: Trash2Icon, onSelect: onDelete, destructive: true, testId: "config-delete" },
          ]}
        />
      </div>
    </li>
  );
}
