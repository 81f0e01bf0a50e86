"use client";

import { useState } from "react";
import { DownloadIcon, FileTextIcon, ImageOffIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import type { ThreadMessage } from "@/lib/client/thread";

type Media = NonNullable<ThreadMessage["media"]>;

function MediaViewer({ open, setOpen, media, type }: { open: boolean; setOpen: (v: boolean) => void; media: Media & { url: string }; type: string }) {
  const t = useTranslations("thread.media");
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogContent className="max-w-[min(96vw,1000px)] gap-3 bg-zinc-950 p-3 text-zinc-100 sm:max-w-[min(96vw,1000px)]" data-testid="media-viewer">
        <DialogTitle className="truncate pr-8 text-sm font-medium">{media.filename ?? t(type === "VIDEO" ? "video" : "image")}</DialogTitle>
        <DialogDescription className="sr-only">{media.caption ?? t("viewerHint")}</DialogDescription>
        <div className="flex max-h-[75dvh] items-center justify-center overflow-hidden rounded-md">
          {type === "VIDEO" ? (
            <video src={media.url} controls autoPlay className="max-h-[75dvh] w-full" />
          ) : (
            // eslint-disable-next-line @next/next/no-img-element -- member-only file served by our API, not an optimisable asset
            <img src={media.url} alt={media.caption ?? ""} className="max-h-[75dvh] max-w-full object-contain" />
          )}
        </div>
        <div className="flex items-center justify-between gap-3 text-sm">
          <p className="min-w-0 truncate text-zinc-300">{media.caption}</p>
          <a href={media.url} download={media.filename ?? true} className="inline-flex items-center gap-1.5 rounded-md px-2 py-1 hover:bg-white/10" data-testid="media-download">
            <DownloadIcon className="size-4" aria-hidden="true" />
            {t("download")}
          </a>
        </div>
      </DialogContent>
    </Dialog>
  );
}

/** Image, video, audio, sticker or document inside a bubble; images and videos open full size in a viewer. */
export function MessageMedia({ m }: { m: ThreadMessage }) {
  const t = useTranslations("thread.media");
  const [open, setOpen] = useState(false);
  const media = m.media!;
  const url = media.url;
  if (!url) {
    const failed = media.status === "FAILED" || m.local?.state === "failed";
    return (
      <div className="flex h-32 w-56 max-w-full flex-col items-center justify-center gap-2 rounded-md bg-black/5 text-xs text-zinc-500 dark:bg-white/5 dark:text-zinc-400">
        {failed ? <ImageOffIcon className="size-5" aria-hidden="true" /> : <Spinner />}
        {m.local ? (media.filename ?? t("uploading")) : failed ? t("failed") : t("downloading")}
      </div>
    );
  }
  if (m.type === "AUDIO") return <audio src={url} controls className="h-10 w-64 max-w-full" aria-label={t("audio")} />;
  if (m.type === "STICKER") {
    // eslint-disable-next-line @next/next/no-img-element -- member-only file served by our API
    return <img src={url} alt={t("sticker")} className="size-32 object-contain" />;
  }
  if (m.type === "IMAGE" || m.type === "VIDEO" || (m.type === "TEMPLATE" && /^(image|video)\//.test(media.mimeType ?? ""))) {
    const video = m.type === "VIDEO" || media.mimeType?.startsWith("video/");
    return (
      <>
        <button
          type="button"
          onClick={() => setOpen(true)}
          className="block overflow-hidden rounded-md outline-none focus-visible:ring-2 focus-visible:ring-emerald-500"
          aria-label={t(video ? "openVideo" : "openImage")}
          data-testid={`media-open-${m.id}`}
        >
          {video ? (
            <video src={url} muted preload="metadata" className="max-h-64 w-64 max-w-full bg-black object-cover" />
          ) : (
            // eslint-disable-next-line @next/next/no-img-element -- member-only file served by our API
            <img src={url} alt={media.caption ?? t("image")} className="max-h-72 w-full min-w-40 object-cover" loading="lazy" />
          )}
        </button>
        <MediaViewer open={open} setOpen={setOpen} media={{ ...media, url }} type={video ? "VIDEO" : "IMAGE"} />
      </>
    );
  }
  return (
    <a href={url} target="_blank" rel="noreferrer" className="flex items-center gap-2.5 rounded-md bg-black/5 px-3 py-2.5 text-sm hover:bg-black/10 dark:bg-white/5 dark:hover:bg-white/10">
      <FileTextIcon className="size-6 shrink-0 text-rose-500" aria-hidden="true" />
      <span className="min-w-0 truncate">{media.filename ?? t("document")}</span>
    </a>
  );
}
