"use client";

import { useEffect, useState } from "react";
import { FileAudioIcon, FileTextIcon, ReplyIcon, XIcon } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";

const CLOSE = "rounded-full p-1 text-muted-foreground hover:bg-black/5 hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring/50 focus-visible:outline-none dark:hover:bg-white/10";

/** The message being quoted, above the input, with a way to drop the quote. */
export function QuotePreview({ text, onCancel }: { text: string; onCancel: () => void }) {
  const t = useTranslations("thread.composer");
  return (
    <div className="flex items-start gap-2 rounded-lg border-l-4 border-emerald-500 bg-muted/60 px-2.5 py-1.5 text-xs" data-testid="composer-quote">
      <ReplyIcon className="mt-0.5 size-3.5 shrink-0 text-emerald-600" aria-hidden="true" />
      <div className="min-w-0 flex-1">
        <p className="font-medium text-emerald-700 dark:text-emerald-400">{t("replyingTo")}</p>
        <p className="truncate text-muted-foreground">{text}</p>
      </div>
      <button type="button" onClick={onCancel} className={CLOSE} aria-label={t("cancelQuote")} data-testid="composer-quote-cancel">
        <XIcon className="size-3.5" aria-hidden="true" />
      </button>
    </div>
  );
}

/** The file about to be sent: a thumbnail for images and videos, an icon and its size for the rest. */
export function AttachmentPreview({ file, onRemove }: { file: File; onRemove: () => void }) {
  const t = useTranslations("thread.composer");
  const format = useFormatter();
  const [url, setUrl] = useState<string | null>(null);
  const visual = file.type.startsWith("image/") || file.type.startsWith("video/");
  useEffect(() => {
    if (!visual) return;
    const u = URL.createObjectURL(file);
    // An object URL is an external resource tied to this file; it is created and revoked with it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [file, visual]);
  const Icon = file.type.startsWith("audio/") ? FileAudioIcon : FileTextIcon;
  return (
    <div className="flex items-center gap-3 rounded-lg border bg-background px-2.5 py-2" data-testid="composer-attachment">
      {url && file.type.startsWith("image/") ? (
        // eslint-disable-next-line @next/next/no-img-element -- a local object URL
        <img src={url} alt="" className="size-12 rounded object-cover" />
      ) : url ? (
        <video src={url} muted className="size-12 rounded bg-black object-cover" />
      ) : (
        <Icon className="size-8 shrink-0 text-rose-500" aria-hidden="true" />
      )}
      <div className="min-w-0 flex-1 text-xs">
        <p className="truncate font-medium">{file.name}</p>
        <p className="text-muted-foreground">{format.number(file.size / 1024 / 1024, { maximumFractionDigits: 1 })} MB</p>
      </div>
      <button type="button" onClick={onRemove} className={CLOSE} aria-label={t("removeAttachment")} data-testid="composer-attachment-remove">
        <XIcon className="size-4" aria-hidden="true" />
      </button>
    </div>
  );
}
