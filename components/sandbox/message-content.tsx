"use client";

import { FileTextIcon, ImageOffIcon, MapPinIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Spinner } from "@/components/ui/spinner";
import type { SandboxMessage } from "@/lib/client/sandbox";

const MEDIA_TYPES = new Set(["IMAGE", "VIDEO", "AUDIO", "DOCUMENT", "STICKER"]);
/** Types shown by name when they have nothing else to show (their labels are under sandbox.phone.types). */
const LABELLED = ["IMAGE", "VIDEO", "AUDIO", "DOCUMENT", "STICKER", "LOCATION", "CONTACTS", "ORDER", "SYSTEM", "UNSUPPORTED"] as const;
const isLabelled = (type: string): type is (typeof LABELLED)[number] => (LABELLED as readonly string[]).includes(type);

function Media({ m }: { m: SandboxMessage }) {
  const t = useTranslations("sandbox.phone");
  const media = m.media!;
  if (!media.url) {
    const failed = media.status === "FAILED";
    return (
      <div className="flex h-40 w-60 max-w-full flex-col items-center justify-center gap-2 rounded-md bg-black/5 text-xs text-zinc-500 dark:bg-white/5 dark:text-zinc-400">
        {failed ? <ImageOffIcon className="size-5" aria-hidden="true" /> : <Spinner />}
        {failed ? t("mediaFailed") : t("downloading")}
      </div>
    );
  }
  if (m.type === "IMAGE" || m.type === "STICKER") {
    return (
      <a href={media.url} target="_blank" rel="noreferrer" className="block overflow-hidden rounded-md">
        {/* Same-origin, member-only file URLs: next/image's optimizer cannot fetch them with the session. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={media.url} alt={m.body ?? t("types.IMAGE")} className={m.type === "STICKER" ? "size-32 object-contain" : "max-h-72 w-full min-w-40 object-cover"} data-testid="sandbox-image" />
      </a>
    );
  }
  if (m.type === "VIDEO") return <video src={media.url} controls className="max-h-72 w-full rounded-md bg-black" />;
  if (m.type === "AUDIO") return <audio src={media.url} controls className="h-10 w-60 max-w-full" />;
  return (
    <a href={media.url} target="_blank" rel="noreferrer" className="flex items-center gap-2.5 rounded-md bg-black/5 px-3 py-2.5 text-sm hover:bg-black/10 dark:bg-white/5">
      <FileTextIcon className="size-6 shrink-0 text-rose-500" aria-hidden="true" />
      <span className="min-w-0 truncate">{media.filename ?? t("types.DOCUMENT")}</span>
    </a>
  );
}

function Location({ loc }: { loc: NonNullable<SandboxMessage["location"]> }) {
  const t = useTranslations("sandbox.phone");
  const href = `https://www.openstreetmap.org/?mlat=${loc.latitude}&mlon=${loc.longitude}#map=16/${loc.latitude}/${loc.longitude}`;
  return (
    <a href={href} target="_blank" rel="noreferrer" className="block w-60 max-w-full overflow-hidden rounded-md bg-black/5 hover:bg-black/10 dark:bg-white/5" data-testid="sandbox-location">
      <div className="flex h-24 items-center justify-center bg-[radial-gradient(circle_at_30%_40%,#cde8d6_0,#e6efe0_40%,#d8e4ef_100%)] dark:bg-[radial-gradient(circle_at_30%_40%,#1f3b2d_0,#1b2a24_40%,#17222e_100%)]">
        <MapPinIcon className="size-8 fill-red-500 text-red-700" aria-hidden="true" />
      </div>
      <div className="px-3 py-2">
        <p className="truncate text-sm font-medium">{loc.name ?? t("types.LOCATION")}</p>
        <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">{loc.address ?? `${loc.latitude.toFixed(4)}, ${loc.longitude.toFixed(4)}`}</p>
      </div>
    </a>
  );
}

/** What a message shows inside its bubble: header, media or place, text, footer. */
export function MessageContent({ m }: { m: SandboxMessage }) {
  const t = useTranslations("sandbox.phone");
  const hasMedia = Boolean(m.media && (MEDIA_TYPES.has(m.type) || m.type === "TEMPLATE"));
  const empty = !m.body && !hasMedia && !m.location && !m.header;
  return (
    <div className="flex flex-col gap-1">
      {m.type === "TEMPLATE" && m.templateName && <p className="text-[11px] font-medium text-emerald-700 dark:text-emerald-400">{t("template", { name: m.templateName })}</p>}
      {m.header && <p className="font-semibold">{m.header}</p>}
      {hasMedia && <Media m={m} />}
      {m.location && <Location loc={m.location} />}
      {m.body && m.type !== "LOCATION" && <p className="break-words whitespace-pre-wrap">{m.body}</p>}
      {empty && <p className="text-zinc-500 italic dark:text-zinc-400">{isLabelled(m.type) ? t(`types.${m.type}`) : m.type}</p>}
      {m.footer && <p className="text-xs text-zinc-500 dark:text-zinc-400">{m.footer}</p>}
    </div>
  );
}
