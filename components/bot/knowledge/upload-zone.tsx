"use client";

import { useRef, useState, type DragEvent } from "react";
import { FileUpIcon, RotateCwIcon, UploadCloudIcon, XIcon } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { cn } from "@/lib/utils";
import { ProgressBar } from "./progress-bar";
import { ACCEPT, useUploads } from "./use-uploads";

/** Drop files here or pick them; each file uploads on its own with its progress. */
export function UploadZone() {
  const t = useTranslations("botKnowledge.upload");
  const format = useFormatter();
  const errorMessage = useErrorMessage();
  const { uploads, add, retry, dismiss } = useUploads();
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (e.dataTransfer.files.length) add(e.dataTransfer.files);
  };

  return (
    <div className="flex flex-col gap-3">
      <div
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        className={cn(
          "flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-4 py-8 text-center transition-colors",
          over ? "border-primary bg-primary/5" : "border-muted-foreground/25 bg-card",
        )}
        data-testid="knowledge-dropzone"
      >
        <UploadCloudIcon className="size-8 text-muted-foreground" aria-hidden="true" />
        <p className="text-sm font-medium">{t("drop")}</p>
        <p className="text-xs text-muted-foreground">{t("formats")}</p>
        <Button type="button" variant="outline" size="sm" onClick={() => input.current?.click()} data-testid="knowledge-upload-button">
          <FileUpIcon />
          {t("pick")}
        </Button>
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPT}
          className="sr-only"
          tabIndex={-1}
          aria-label={t("pick")}
          onChange={(e) => {
            if (e.target.files?.length) add(e.target.files);
            e.target.value = "";
          }}
          data-testid="knowledge-upload-input"
        />
      </div>
      {uploads.length > 0 && (
        <ul className="flex flex-col gap-2" aria-label={t("queue")} aria-live="polite">
          {uploads.map((u) => (
            <li key={u.key} className="flex items-center gap-3 rounded-md border bg-card px-3 py-2" data-testid="knowledge-upload-row" data-state={u.state}>
              <div className="min-w-0 flex-1">
                <div className="flex items-baseline justify-between gap-2 text-sm">
                  <span className="truncate font-medium">{u.file.name}</span>
                  <span className="shrink-0 text-xs text-muted-foreground tabular-nums">
                    {u.state === "failed" ? t("failed") : u.progress >= 100 ? t("processing") : `${u.progress}%`} · {format.number(u.file.size / 1024, { maximumFractionDigits: 0 })} KB
                  </span>
                </div>
                <ProgressBar value={u.state === "failed" ? 100 : u.progress} tone={u.state === "failed" ? "destructive" : "primary"} label={t("progress", { name: u.file.name })} className="mt-1.5" />
                {u.state === "failed" && (
                  <p className="mt-1 text-xs text-destructive" role="alert" data-testid="knowledge-upload-error">
                    {errorMessage(u.error)}
                  </p>
                )}
              </div>
              {u.state === "failed" && (
                <Button variant="ghost" size="icon-sm" onClick={() => retry(u.key)} aria-label={t("retry", { name: u.file.name })} data-testid="knowledge-upload-retry">
                  <RotateCwIcon />
                </Button>
              )}
              <Button variant="ghost" size="icon-sm" onClick={() => dismiss(u.key)} aria-label={u.state === "failed" ? t("dismiss", { name: u.file.name }) : t("cancel", { name: u.file.name })} data-testid="knowledge-upload-dismiss">
                <XIcon />
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
