"use client";

import { useRef, useState, type FormEvent } from "react";
import { ImageIcon, MapPinIcon, PaperclipIcon, SendHorizontalIcon, XIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/sonner";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { useUploadSandboxMedia, type CustomerMessageInput, type SandboxMessage } from "@/lib/client/sandbox";
import { LocationDialog } from "./location-dialog";

const ICON_BUTTON =
  "flex size-10 shrink-0 items-center justify-center rounded-full text-zinc-600 outline-none transition-colors hover:bg-black/5 focus-visible:ring-2 focus-visible:ring-emerald-500 disabled:opacity-50 dark:text-zinc-300 dark:hover:bg-white/10";

/** The customer's input bar: text (Enter sends), a photo or a location, optionally quoting a business message. */
export function Composer({
  disabled,
  replyTo,
  businessName,
  onCancelReply,
  onSend,
}: {
  disabled: boolean;
  replyTo: SandboxMessage | null;
  businessName: string;
  onCancelReply: () => void;
  onSend: (input: CustomerMessageInput, preview: string | null) => void;
}) {
  const t = useTranslations("sandbox.phone");
  const [text, setText] = useState("");
  const [locationOpen, setLocationOpen] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const upload = useUploadSandboxMedia();
  const errorMessage = useErrorMessage();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = text.trim();
    if (!body || disabled) return;
    onSend({ type: "text", text: body, ...(replyTo ? { replyToMessageId: replyTo.id } : {}) }, body);
    setText("");
    onCancelReply();
  };

  const sendPhoto = async (file: File | undefined) => {
    if (!file) return;
    try {
      const { mediaId } = await upload.mutateAsync(file);
      const caption = text.trim();
      onSend({ type: "image", mediaId, ...(caption ? { caption } : {}) }, caption || t("types.IMAGE"));
      setText("");
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      if (fileRef.current) fileRef.current.value = "";
    }
  };

  return (
    <div className="border-t border-black/5 bg-[#f0f2f5] px-2 py-2 dark:border-white/5 dark:bg-[#1f2c34]">
      {replyTo && (
        <div className="mb-2 flex items-start gap-2 rounded-lg border-l-4 border-emerald-500 bg-white/80 px-2.5 py-1.5 text-xs dark:bg-white/5">
          <div className="min-w-0 flex-1">
            <p className="font-medium text-emerald-700 dark:text-emerald-400">{t("replyingTo", { name: businessName })}</p>
            <p className="truncate text-zinc-600 dark:text-zinc-300">{replyTo.body ?? replyTo.header ?? "…"}</p>
          </div>
          <button type="button" onClick={onCancelReply} className="rounded-full p-0.5 text-zinc-500 hover:bg-black/5" aria-label={t("cancelReply")}>
            <XIcon className="size-3.5" aria-hidden="true" />
          </button>
        </div>
      )}
      <form onSubmit={submit} className="flex items-center gap-1">
        <DropdownMenu>
          <DropdownMenuTrigger className={ICON_BUTTON} disabled={disabled || upload.isPending} aria-label={t("attach")} data-testid="sandbox-attach">
            {upload.isPending ? <Spinner /> : <PaperclipIcon className="size-5" aria-hidden="true" />}
          </DropdownMenuTrigger>
          <DropdownMenuContent side="top" align="start">
            <DropdownMenuItem onSelect={() => fileRef.current?.click()} data-testid="sandbox-attach-photo">
              <ImageIcon className="text-violet-500" />
              {t("photo")}
            </DropdownMenuItem>
            <DropdownMenuItem onSelect={() => setLocationOpen(true)} data-testid="sandbox-attach-location">
              <MapPinIcon className="text-emerald-600" />
              {t("location")}
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
        <input
          ref={fileRef}
          type="file"
          accept="image/jpeg,image/png"
          className="hidden"
          onChange={(e) => void sendPhoto(e.target.files?.[0])}
          data-testid="sandbox-photo-input"
        />
        <input
          value={text}
          onChange={(e) => setText(e.target.value)}
          disabled={disabled}
          placeholder={t("placeholder")}
          aria-label={t("placeholder")}
          maxLength={4096}
          className="h-10 min-w-0 flex-1 rounded-full bg-white px-4 text-[15px] text-zinc-900 outline-none placeholder:text-zinc-400 focus-visible:ring-2 focus-visible:ring-emerald-500/60 disabled:opacity-60 dark:bg-[#2a3942] dark:text-zinc-100"
          data-testid="sandbox-input"
        />
        <button
          type="submit"
          disabled={disabled || !text.trim()}
          className="flex size-10 shrink-0 items-center justify-center rounded-full bg-emerald-600 text-white outline-none transition-colors hover:bg-emerald-700 focus-visible:ring-2 focus-visible:ring-emerald-500 focus-visible:ring-offset-2 disabled:opacity-50"
          aria-label={t("send")}
          data-testid="sandbox-send"
        >
          <SendHorizontalIcon className="size-5" aria-hidden="true" />
        </button>
      </form>
      <LocationDialog open={locationOpen} setOpen={setLocationOpen} onShare={(p) => onSend({ type: "location", ...p }, `📍 ${p.name ?? t("types.LOCATION")}`)} />
    </div>
  );
}
