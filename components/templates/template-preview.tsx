"use client";

import { Fragment, type ReactNode } from "react";
import { ExternalLinkIcon, FileTextIcon, ImageIcon, PhoneIcon, ReplyIcon, VideoIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";
import type { EditorState } from "./editor-state";

/**
 * WhatsApp's inline formatting: *bold*, _italic_, ~strike~ and ```monospace```, with {{n}} replaced by its sample
 * value (or shown as a chip while it has none).
 */
const TOKEN = /(```[\s\S]+?```|\*[^*\n]+\*|_[^_\n]+_|~[^~\n]+~|\{\{\s*\d+\s*\}\})/g;

function formatted(text: string, samples: string[]): ReactNode[] {
  return text.split(TOKEN).map((part, i) => {
    if (!part) return null;
    const variable = /^\{\{\s*(\d+)\s*\}\}$/.exec(part);
    if (variable) {
      const value = samples[Number(variable[1]) - 1]?.trim();
      return value ? (
        <Fragment key={i}>{value}</Fragment>
      ) : (
        <span key={i} className="rounded bg-emerald-100 px-1 font-mono text-[0.8em] text-emerald-800 dark:bg-emerald-500/20 dark:text-emerald-200">
          {part.replace(/\s/g, "")}
        </span>
      );
    }
    if (part.startsWith("```")) return <code key={i} className="font-mono text-[0.9em]">{part.slice(3, -3)}</code>;
    const inner = part.slice(1, -1);
    if (part.startsWith("*")) return <strong key={i}>{formatted(inner, samples)}</strong>;
    if (part.startsWith("_")) return <em key={i}>{formatted(inner, samples)}</em>;
    if (part.startsWith("~")) return <s key={i}>{formatted(inner, samples)}</s>;
    return <Fragment key={i}>{part}</Fragment>;
  });
}

const MEDIA_ICON = { IMAGE: ImageIcon, VIDEO: VideoIcon, DOCUMENT: FileTextIcon } as const;

function MediaHeader({ state }: { state: EditorState }) {
  const t = useTranslations("templates.preview");
  const format = state.headerFormat as keyof typeof MEDIA_ICON;
  const Icon = MEDIA_ICON[format];
  if (format === "IMAGE" && state.headerPreviewUrl) {
    // eslint-disable-next-line @next/next/no-img-element -- a member-only file served by our API, not an optimisable asset
    return <img src={state.headerPreviewUrl} alt="" className="aspect-[1.91/1] w-full rounded-md object-cover" />;
  }
  if (format === "VIDEO" && state.headerPreviewUrl) return <video src={state.headerPreviewUrl} className="aspect-video w-full rounded-md bg-black object-cover" muted />;
  return (
    <div className={cn("flex items-center justify-center gap-2 rounded-md bg-black/5 text-xs text-black/50 dark:bg-white/10 dark:text-white/60", format === "DOCUMENT" ? "h-14" : "aspect-[1.91/1]")}>
      <Icon className="size-5" />
      {format === "DOCUMENT" ? (state.headerFileName ?? t("document")) : t(format === "IMAGE" ? "image" : "video")}
    </div>
  );
}

const BUTTON_ICON = { QUICK_REPLY: ReplyIcon, URL: ExternalLinkIcon, PHONE_NUMBER: PhoneIcon } as const;

/** The template as a customer sees it: a business bubble on WhatsApp's wallpaper, with its buttons underneath. */
export function TemplatePreview({ state }: { state: EditorState }) {
  const t = useTranslations("templates.preview");
  const empty = !state.body.trim() && state.headerFormat === "NONE" && !state.footer.trim() && state.category !== "AUTHENTICATION";
  const body = state.category === "AUTHENTICATION" ? t("authBody") : state.body;
  return (
    <div className="flex flex-col gap-2" data-testid="template-preview">
      <p className="text-xs font-medium text-muted-foreground">{t("title")}</p>
      <div className="rounded-xl bg-[#efe7dd] bg-[radial-gradient(rgba(0,0,0,0.05)_1px,transparent_1px)] [background-size:14px_14px] p-3 dark:bg-[#0b141a] dark:bg-[radial-gradient(rgba(255,255,255,0.04)_1px,transparent_1px)]">
        {empty ? (
          <p className="py-10 text-center text-xs text-black/50 dark:text-white/50">{t("empty")}</p>
        ) : (
          <div className="max-w-[92%]">
            <div className="relative rounded-lg rounded-tl-none bg-white p-1.5 text-[13.5px] leading-[1.35] text-[#111b21] shadow-sm dark:bg-[#202c33] dark:text-[#e9edef]">
              <div className="flex flex-col gap-1 px-1.5 pt-0.5">
                {state.headerFormat === "TEXT" && state.headerText && (
                  <p className="font-semibold" data-testid="preview-header">
                    {formatted(state.headerText, [state.headerExample])}
                  </p>
                )}
                {state.headerFormat !== "NONE" && state.headerFormat !== "TEXT" && (
                  <div className="-mx-1.5 -mt-0.5">
                    <MediaHeader state={state} />
                  </div>
                )}
                {body && (
                  <p className="break-words whitespace-pre-wrap" data-testid="preview-body">
                    {formatted(body, state.bodyExamples)}
                  </p>
                )}
                {state.footer.trim() && (
                  <p className="text-[12px] text-black/45 dark:text-white/50" data-testid="preview-footer">
                    {state.footer}
                  </p>
                )}
              </div>
              <p className="px-1.5 pt-0.5 text-right text-[10.5px] text-black/40 dark:text-white/45">12:00</p>
            </div>
            {state.buttons.length > 0 && (
              <div className="mt-1 flex flex-col gap-1" data-testid="preview-buttons">
                {state.buttons.map((b) => {
                  const Icon = BUTTON_ICON[b.type];
                  return (
                    <div key={b.key} className="flex items-center justify-center gap-1.5 rounded-lg bg-white py-2 text-[13px] font-medium text-[#027eb5] shadow-sm dark:bg-[#202c33] dark:text-[#53bdeb]">
                      <Icon className="size-3.5" />
                      {b.text || t("buttonPlaceholder")}
                    </div>
                  );
                })}
              </div>
            )}
          </div>
        )}
      </div>
      <p className="text-xs text-muted-foreground">{t("samplesHint")}</p>
    </div>
  );
}
