"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/sonner";
import { FormDialogFooter } from "@/components/common/form-dialog-footer";
import { useErrorMessage, useFieldErrors } from "@/components/common/use-api-errors";
import { useAttachQuickReplyMedia, useCreateQuickReply, useRemoveQuickReplyMedia, useUpdateQuickReply, type QuickReply } from "@/lib/client/quick-replies";
import { PlaceholderHelp } from "./placeholder-help";
import { QuickReplyMedia, type MediaInfo } from "./quick-reply-media";

/** `reply` null creates; otherwise edits. `categories` feed the category suggestions. */
export function QuickReplyDialog({ open, reply, categories, onClose }: { open: boolean; reply: QuickReply | null; categories: string[]; onClose: () => void }) {
  const t = useTranslations("quickRepliesSettings.dialog");
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="max-h-[90dvh] overflow-y-auto sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{reply ? t("editTitle") : t("createTitle")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        {open && <QuickReplyForm key={reply?.id ?? "new"} reply={reply} categories={categories} onClose={onClose} />}
      </DialogContent>
    </Dialog>
  );
}

function QuickReplyForm({ reply, categories, onClose }: { reply: QuickReply | null; categories: string[]; onClose: () => void }) {
  const t = useTranslations("quickRepliesSettings.dialog");
  const tf = useTranslations("errors.field");
  const create = useCreateQuickReply();
  const update = useUpdateQuickReply();
  const attach = useAttachQuickReplyMedia();
  const detach = useRemoveQuickReplyMedia();
  const errorMessage = useErrorMessage();
  const { errors, setErrors, report, clear } = useFieldErrors();
  const [shortcut, setShortcut] = useState(reply?.shortcut ?? "");
  const [title, setTitle] = useState(reply?.title ?? "");
  const [body, setBody] = useState(reply?.body ?? "");
  const [category, setCategory] = useState(reply?.category ?? "");
  const [isActive, setIsActive] = useState(reply?.isActive ?? true);
  // An existing reply's media changes at once; a new reply's file waits for the reply to exist.
  const [media, setMedia] = useState<MediaInfo | null>(reply?.media ?? null);
  const [pendingFile, setPendingFile] = useState<File | null>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const activeId = useId();
  const pending = create.isPending || update.isPending || attach.isPending;

  const insert = (token: string) => {
    const el = bodyRef.current;
    const start = el?.selectionStart ?? body.length;
    const end = el?.selectionEnd ?? body.length;
    setBody(body.slice(0, start) + token + body.slice(end));
    clear("body");
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const pickFile = (file: File) => {
    if (!reply) {
      setPendingFile(file);
      setMedia({ filename: file.name, size: file.size });
      return;
    }
    attach.mutate({ id: reply.id, file }, { onSuccess: (r) => (setMedia(r.media), toast.success(t("mediaAttached"))), onError: (e) => toast.error(errorMessage(e)) });
  };
  const removeFile = () => {
    if (!reply) {
      setPendingFile(null);
      setMedia(null);
      return;
    }
    detach.mutate(reply.id, { onSuccess: (r) => (setMedia(r.media), toast.success(t("mediaRemoved"))), onError: (e) => toast.error(errorMessage(e)) });
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    const missing = Object.fromEntries(Object.entries({ shortcut, title, body }).filter(([, v]) => !v.trim()).map(([k]) => [k, tf("required")]));
    if (Object.keys(missing).length) return setErrors(missing);
    const input = { shortcut: shortcut.trim().replace(/^\//, ""), title: title.trim(), body: body.trim(), category: category.trim() || null, isActive };
    try {
      const saved = reply ? await update.mutateAsync({ id: reply.id, ...input }) : await create.mutateAsync(input);
      if (pendingFile) {
        try {
          await attach.mutateAsync({ id: saved.id, file: pendingFile });
        } catch (err) {
          toast.error(t("mediaFailed", { error: errorMessage(err) }));
        }
      }
      toast.success(reply ? t("updated", { shortcut: saved.shortcut }) : t("created", { shortcut: saved.shortcut }));
      onClose();
    } catch (err) {
      report(err, { shortcut: t("shortcutTaken") });
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <div className="grid gap-4 sm:grid-cols-[10rem_minmax(0,1fr)]">
        <FormField label={t("shortcut")} error={errors.shortcut} required description={t("shortcutHelp")}>
          {(props) => (
            <div className="relative">
              <span className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-sm text-muted-foreground" aria-hidden="true">
                /
              </span>
              <Input
                {...props}
                className="pl-6 font-mono"
                maxLength={33}
                autoCapitalize="none"
                value={shortcut}
                onChange={(e) => (setShortcut(e.target.value.toLowerCase().replace(/\s/g, "")), clear("shortcut"))}
                data-testid="quick-reply-shortcut"
              />
            </div>
          )}
        </FormField>
        <FormField label={t("titleLabel")} error={errors.title} required>
          <Input maxLength={120} value={title} onChange={(e) => (setTitle(e.target.value), clear("title"))} data-testid="quick-reply-title" />
        </FormField>
      </div>
      <FormField label={t("body")} error={errors.body} required>
        <Textarea ref={bodyRef} rows={5} maxLength={4096} value={body} onChange={(e) => (setBody(e.target.value), clear("body"))} data-testid="quick-reply-body" />
      </FormField>
      <PlaceholderHelp body={body} onInsert={insert} />
      <FormField label={t("category")} error={errors.category}>
        <Input list={listId} maxLength={60} value={category} onChange={(e) => setCategory(e.target.value)} placeholder={t("categoryPlaceholder")} data-testid="quick-reply-category" />
      </FormField>
      <datalist id={listId}>
        {categories.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <div className="grid gap-1.5">
        <Label>{t("media")}</Label>
        <QuickReplyMedia media={media} pending={attach.isPending || detach.isPending} onPick={pickFile} onRemove={removeFile} />
      </div>
      <div className="flex items-center gap-2">
        <Switch id={activeId} checked={isActive} onCheckedChange={setIsActive} data-testid="quick-reply-active" />
        <Label htmlFor={activeId}>{t("active")}</Label>
      </div>
      <FormDialogFooter onCancel={onClose} cancelLabel={t("cancel")} submitLabel={reply ? t("save") : t("create")} pendingLabel={t("saving")} pending={pending} submitTestId="quick-reply-submit" />
    </form>
  );
}
