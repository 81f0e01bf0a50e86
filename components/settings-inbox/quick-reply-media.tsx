"use client";

import { useRef } from "react";
import { PaperclipIcon, Trash2Icon, UploadIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

// What WhatsApp can send as media; the server checks type and size per kind (415/413 name the allowed ones).
export const MEDIA_ACCEPT = "image/jpeg,image/png,image/webp,audio/*,video/mp4,video/3gpp,application/pdf,text/plain,.doc,.docx,.xls,.xlsx,.ppt,.pptx";

export type MediaInfo = { filename: string | null; size: number; url?: string; mimeType?: string };

export function formatBytes(n: number) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** The attachment of a quick reply: what is attached (if anything), pick/replace a file, remove it. */
export function QuickReplyMedia({ media, pending, onPick, onRemove }: { media: MediaInfo | null; pending: boolean; onPick: (file: File) => void; onRemove: () => void }) {
  const t = useTranslations("quickRepliesSettings.media");
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-md border border-dashed p-2.5 text-sm" data-testid="quick-reply-media">
      <PaperclipIcon className="size-4 text-muted-foreground" aria-hidden="true" />
      {media ? (
        <span className="min-w-0 flex-1 truncate">
          {media.url ? (
            <a href={media.url} target="_blank" rel="noreferrer" className="underline-offset-2 hover:underline">
              {media.filename ?? t("file")}
            </a>
          ) : (
            (media.filename ?? t("file"))
          )}{" "}
          <span className="text-muted-foreground">({formatBytes(media.size)})</span>
        </span>
      ) : (
        <span className="flex-1 text-muted-foreground">{t("none")}</span>
      )}
      {pending && <Spinner />}
      <input
        ref={input}
        type="file"
        accept={MEDIA_ACCEPT}
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onPick(file);
          e.target.value = "";
        }}
        data-testid="quick-reply-media-input"
      />
      <Button type="button" variant="outline" size="sm" disabled={pending} onClick={() => input.current?.click()} data-testid="quick-reply-media-attach">
        <UploadIcon />
        {media ? t("replace") : t("attach")}
      </Button>
      {media && (
        <Button type="button" variant="ghost" size="sm" disabled={pending} className="text-destructive hover:text-destructive" onClick={onRemove} data-testid="quick-reply-media-remove">
          <Trash2Icon />
          {t("remove")}
        </Button>
      )}
    </div>
  );
}
