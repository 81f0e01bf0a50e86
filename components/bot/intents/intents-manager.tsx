"use client";

import dynamic from "next/dynamic";
import { useState, type DragEvent } from "react";
import { ArrowDownIcon, ArrowUpIcon, GripVerticalIcon, ListChecksIcon, PencilIcon, PlusIcon, Trash2Icon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/sonner";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { QueryState } from "@/components/common/query-state";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { useConfirmAction } from "@/components/common/use-confirm-action";
import { useDeleteIntent, useIntents, useReorderIntents, useUpdateIntent, type BotConfig, type Intent } from "@/lib/client/bot";
import { cn } from "@/lib/utils";
import { BotPageHeader } from "../configs/bot-header";
import { ConfigGate } from "../configs/config-gate";

const IntentDialog = dynamic(() => import("./intent-dialog").then((m) => m.IntentDialog), { ssr: false });

/** /bot/intents: evaluated top to bottom, the first intent that matches answers. */
export function IntentsPage() {
  return (
    <div className="flex flex-col gap-5">
      <BotPageHeader tab="intents" />
      <ConfigGate>{(config) => <IntentsManager key={config.id} config={config} />}</ConfigGate>
    </div>
  );
}

export function moveItem<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

function IntentsManager({ config }: { config: BotConfig }) {
  const t = useTranslations("bot.intents");
  const intents = useIntents(config.id);
  const reorder = useReorderIntents(config.id);
  const remove = useDeleteIntent();
  const errorMessage = useErrorMessage();
  const [editing, setEditing] = useState<{ intent: Intent | null } | null>(null);
  const removal = useConfirmAction<Intent>(remove, (intent) => t("deleted", { name: intent.name }));
  const [dragId, setDragId] = useState<string | null>(null);
  const [dropIndex, setDropIndex] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState("");

  const list = intents.data ?? [];

  const move = (from: number, to: number) => {
    if (to < 0 || to >= list.length || from === to) return;
    const next = moveItem(list, from, to);
    setAnnouncement(t("moved", { name: list[from].name, position: to + 1, total: list.length }));
    reorder.mutate(
      next.map((i) => i.id),
      { onError: (e) => toast.error(errorMessage(e)) },
    );
  };

  const onDrop = (e: DragEvent, index: number) => {
    e.preventDefault();
    const from = list.findIndex((i) => i.id === dragId);
    setDragId(null);
    setDropIndex(null);
    if (from < 0) return;
    // Dropping below itself: the gap the row leaves shifts the target up by one.
    move(from, index > from ? index - 1 : index);
  };

  const create = () => setEditing({ intent: null });

  return (
    <div className="flex flex-col gap-4" data-testid="intents-page">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-muted-foreground">{t("help")}</p>
        <Button onClick={create} data-testid="intent-create" className="self-start sm:self-auto">
          <PlusIcon />
          {t("new")}
        </Button>
      </div>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      <div className="overflow-hidden rounded-lg border bg-card">
        <QueryState
          query={intents}
          skeleton={{ rows: 4, columns: 3 }}
          empty={
            <EmptyState
              icon={ListChecksIcon}
              className="py-14"
              title={t("emptyTitle")}
              description={t("emptyText")}
              action={
                <Button variant="outline" onClick={create} data-testid="intent-create-empty">
                  {t("new")}
                </Button>
              }
            />
          }
        >
          {() => (
            <ol
              className="divide-y"
              data-testid="intent-list"
              onDragOver={(e) => dragId && e.preventDefault()}
              onDrop={(e) => onDrop(e, dropIndex ?? list.length)}
              onDragLeave={(e) => !e.currentTarget.contains(e.relatedTarget as Node) && setDropIndex(null)}
            >
              {list.map((intent, index) => (
                <IntentRow
                  key={intent.id}
                  intent={intent}
                  index={index}
                  total={list.length}
                  dragging={dragId === intent.id}
                  dropBefore={dropIndex === index && dragId !== null}
                  dropAfter={dropIndex === list.length && index === list.length - 1 && dragId !== null}
                  onDragStart={(e) => {
                    e.dataTransfer.effectAllowed = "move";
                    e.dataTransfer.setData("text/plain", intent.id);
                    setDragId(intent.id);
                  }}
                  onDragEnd={() => {
                    setDragId(null);
                    setDropIndex(null);
                  }}
                  onDragOver={(e) => {
                    if (!dragId) return;
                    e.preventDefault();
                    const rect = e.currentTarget.getBoundingClientRect();
                    setDropIndex(e.clientY > rect.top + rect.height / 2 ? index + 1 : index);
                  }}
                  onMove={(delta) => move(index, index + delta)}
                  onEdit={() => setEditing({ intent })}
                  onDelete={() => removal.ask(intent)}
                />
              ))}
            </ol>
          )}
        </QueryState>
      </div>
      {editing && <IntentDialog configId={config.id} intent={editing.intent} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        {...removal.dialog}
        title={t("deleteTitle", { name: removal.target?.name ?? "" })}
        description={t("deleteText")}
        confirmLabel={t("deleteConfirm")}
        cancelLabel={t("cancel")}
        testId="intent-delete-confirm"
      />
    </div>
  );
}

function IntentRow(props: {
  intent: Intent;
  index: number;
  total: number;
  dragging: boolean;
  dropBefore: boolean;
  dropAfter: boolean;
  onDragStart: (e: DragEvent<HTMLLIElement>) => void;
  onDragEnd: () => void;
  onDragOver: (e: DragEvent<HTMLLIElement>) => void;
  onMove: (delta: -1 | 1) => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const t = useTranslations("bot.intents");
  const update = useUpdateIntent();
  const errorMessage = useErrorMessage();
  const { intent, index, total } = props;
  const triggers = [...intent.keywords, ...intent.patterns.map((p) => `/${p}/`)];
  return (
    <li
      draggable
      onDragStart={props.onDragStart}
      onDragEnd={props.onDragEnd}
      onDragOver={props.onDragOver}
      className={cn(
        "relative flex flex-wrap items-start gap-x-2 gap-y-1 px-2 py-3 sm:flex-nowrap sm:gap-x-3 sm:px-3",
        props.dragging && "opacity-50",
        !intent.isActive && "bg-muted/40",
        props.dropBefore && "before:absolute before:inset-x-0 before:-top-px before:h-0.5 before:bg-primary",
        props.dropAfter && "after:absolute after:inset-x-0 after:-bottom-px after:h-0.5 after:bg-primary",
      )}
      data-testid="intent-row"
      data-name={intent.name}
    >
      <span className="mt-1 hidden cursor-grab text-muted-foreground active:cursor-grabbing sm:block" aria-hidden="true" title={t("dragHint")}>
        <GripVerticalIcon className="size-4" />
      </span>
      <span className="mt-0.5 w-5 shrink-0 text-right text-xs tabular-nums text-muted-foreground">{index + 1}</span>
      <div className="min-w-0 flex-1 basis-52 space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" onClick={props.onEdit} className="truncate text-left font-medium hover:underline focus-visible:underline focus-visible:outline-none" data-testid="intent-open">
            {intent.name}
          </button>
          <Badge variant="outline">{t(`actions.${intent.action}`)}</Badge>
          {!intent.isActive && <Badge variant="muted">{t("inactive")}</Badge>}
        </div>
        {triggers.length > 0 ? (
          <p className="flex flex-wrap gap-1">
            {triggers.slice(0, 5).map((k, i) => (
              <span key={`${k}-${i}`} className="max-w-40 truncate rounded bg-secondary px-1.5 py-0.5 text-xs text-secondary-foreground">
                {k}
              </span>
            ))}
            {triggers.length > 5 && <span className="text-xs text-muted-foreground">{t("more", { count: triggers.length - 5 })}</span>}
          </p>
        ) : (
          <p className="text-xs text-muted-foreground">{intent.examples.length ? t("examplesOnly", { count: intent.examples.length }) : t("noTriggers")}</p>
        )}
        {intent.response && <p className="line-clamp-1 text-xs text-muted-foreground">{intent.response}</p>}
      </div>
      <div className="ml-auto flex shrink-0 items-center justify-end gap-0.5">
        <Switch
          checked={intent.isActive}
          disabled={update.isPending}
          aria-label={t("activeToggle", { name: intent.name })}
          onCheckedChange={(isActive) => update.mutate({ id: intent.id, body: { isActive } }, { onError: (e) => toast.error(errorMessage(e)) })}
          className="mr-1"
          data-testid="intent-active-toggle"
        />
        <Button variant="ghost" size="icon-sm" disabled={index === 0} onClick={() => props.onMove(-1)} aria-label={t("moveUp", { name: intent.name })} data-testid="intent-move-up">
          <ArrowUpIcon />
        </Button>
        <Button variant="ghost" size="icon-sm" disabled={index === total - 1} onClick={() => props.onMove(1)} aria-label={t("moveDown", { name: intent.name })} data-testid="intent-move-down">
          <ArrowDownIcon />
        </Button>
        <Button variant="ghost" size="icon-sm" onClick={props.onEdit} aria-label={t("edit", { name: intent.name })} data-testid="intent-edit">
          <PencilIcon />
        </Button>
        <Button variant="ghost" size="icon-sm" onClick={props.onDelete} aria-label={t("delete", { name: intent.name })} data-testid="intent-delete" className="text-destructive hover:text-destructive">
          <Trash2Icon />
        </Button>
      </div>
    </li>
  );
}
