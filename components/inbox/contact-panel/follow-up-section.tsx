"use client";

import { useState, type FormEvent } from "react";
import { AlarmClockIcon, BellPlusIcon, Trash2Icon } from "lucide-react";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { RelativeTime } from "@/components/common/relative-time";
import type { Conversation } from "@/lib/client/conversations";
import { useCan } from "@/lib/client/me";
import { cn } from "@/lib/utils";
import { useRunConversationAction } from "../use-conversation-commands";
import { FOLLOW_UP_PRESETS, presetDate, toLocalInput } from "./follow-up";

function FollowUpForm({ conversation, onDone }: { conversation: Conversation; onDone: () => void }) {
  const t = useTranslations("contacts.followUp");
  const format = useFormatter();
  const action = useRunConversationAction();
  const [note, setNote] = useState(conversation.followUp?.note ?? "");
  const [at, setAt] = useState(() => toLocalInput(presetDate("tomorrow")));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const when = new Date(at);
    if (Number.isNaN(when.getTime())) return;
    action.run(
      { id: conversation.id, action: "follow-up", note: note.trim() || undefined, at: when.toISOString() },
      t("saved", { when: format.dateTime(when, { dateStyle: "medium", timeStyle: "short" }) }),
      onDone,
    );
  };

  return (
    <form onSubmit={submit} className="grid gap-3" data-testid="follow-up-form">
      <div className="flex flex-wrap gap-1.5" role="group" aria-label={t("presets")}>
        {FOLLOW_UP_PRESETS.map((p) => (
          <Button key={p} type="button" variant="outline" size="sm" className="h-7 px-2 text-xs" onClick={() => setAt(toLocalInput(presetDate(p)))} data-testid={`follow-up-preset-${p}`}>
            {t(`preset.${p}`)}
          </Button>
        ))}
      </div>
      <FormField label={t("when")}>
        <Input type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} required data-testid="follow-up-at" />
      </FormField>
      <FormField label={t("note")}>
        <Textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} rows={3} placeholder={t("notePlaceholder")} data-testid="follow-up-note" />
      </FormField>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="ghost" size="sm" onClick={onDone}>
          {t("cancel")}
        </Button>
        <Button type="submit" size="sm" disabled={action.pending} data-testid="follow-up-save">
          {action.pending && <Spinner />}
          {t("save")}
        </Button>
      </div>
    </form>
  );
}

/** The reminder on this conversation: when it is due (red once overdue), its note, and set / change / remove. */
export function FollowUpSection({ conversation }: { conversation: Conversation }) {
  const t = useTranslations("contacts.followUp");
  const canWrite = useCan("conversations.write");
  const now = useNow({ updateInterval: 60_000 });
  const [open, setOpen] = useState(false);
  const action = useRunConversationAction();
  const followUp = conversation.followUp;
  const overdue = followUp ? new Date(followUp.at) <= now : false;

  const remove = () => action.run({ id: conversation.id, action: "remove-follow-up" }, t("removed"));

  return (
    <div className="flex flex-col gap-2" data-testid="follow-up">
      {followUp ? (
        <div className={cn("flex flex-col gap-1 rounded-md border p-2.5 text-sm", overdue ? "border-destructive/40 bg-destructive/5" : "bg-muted/40")} data-testid="follow-up-current" data-overdue={overdue || undefined}>
          <span className={cn("flex items-center gap-1.5 font-medium", overdue && "text-destructive")}>
            <AlarmClockIcon className="size-4" aria-hidden="true" />
            <span>
              {overdue ? t("overdue") : t("due")} <RelativeTime value={followUp.at} />
            </span>
          </span>
          {followUp.note && <p className="whitespace-pre-wrap text-muted-foreground">{followUp.note}</p>}
          {followUp.by && <p className="text-xs text-muted-foreground">{t("by", { name: followUp.by.name })}</p>}
        </div>
      ) : (
        <p className="text-sm text-muted-foreground">{t("none")}</p>
      )}
      {canWrite && (
        <div className="flex flex-wrap gap-1.5">
          <Popover open={open} onOpenChange={setOpen}>
            <PopoverTrigger asChild>
              <Button variant="outline" size="sm" className="h-7 px-2 text-xs" data-testid="follow-up-set">
                <BellPlusIcon />
                {followUp ? t("change") : t("set")}
              </Button>
            </PopoverTrigger>
            <PopoverContent align="start" className="w-80 max-w-[calc(100vw-2rem)]">
              {open && <FollowUpForm conversation={conversation} onDone={() => setOpen(false)} />}
            </PopoverContent>
          </Popover>
          {followUp && (
            <Button variant="ghost" size="sm" className="h-7 px-2 text-xs text-destructive hover:text-destructive" onClick={remove} disabled={action.pending} data-testid="follow-up-remove">
              <Trash2Icon />
              {t("remove")}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
