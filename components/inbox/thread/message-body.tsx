"use client";

import { ContactIcon, ListIcon, MapPinIcon, ReplyIcon, ShoppingCartIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ThreadMessage } from "@/lib/client/thread";
import { MessageMedia } from "./message-media";
import { RichText } from "./rich-text";

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const str = (v: unknown) => (typeof v === "string" && v ? v : null);
const num = (v: unknown) => (typeof v === "number" ? v : Number.isFinite(Number(v)) && v !== null && v !== "" ? Number(v) : null);

const CHIP = "flex items-center justify-center gap-1.5 rounded-md border border-black/10 bg-white/60 px-2 py-1 text-xs font-medium text-sky-700 dark:border-white/10 dark:bg-white/5 dark:text-sky-400";

function Location({ c, body }: { c: Obj; body: string | null }) {
  const t = useTranslations("thread.types");
  const lat = num(c.latitude);
  const lng = num(c.longitude);
  const href = lat !== null && lng !== null ? `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=16/${lat}/${lng}` : undefined;
  return (
    <a href={href} target="_blank" rel="noreferrer" className="flex w-64 max-w-full items-center gap-3 rounded-md bg-black/5 px-3 py-2.5 hover:bg-black/10 dark:bg-white/5 dark:hover:bg-white/10" data-testid="message-location">
      <MapPinIcon className="size-7 shrink-0 fill-red-500 text-red-700" aria-hidden="true" />
      <span className="min-w-0">
        <span className="block truncate text-sm font-medium">{str(c.name) ?? body ?? t("LOCATION")}</span>
        <span className="block truncate text-xs text-zinc-500 dark:text-zinc-400">{str(c.address) ?? (lat !== null && lng !== null ? `${lat.toFixed(4)}, ${lng.toFixed(4)}` : "")}</span>
      </span>
    </a>
  );
}

function Contacts({ c }: { c: Obj }) {
  const t = useTranslations("thread.types");
  const list = arr(c.contacts);
  return (
    <ul className="flex w-64 max-w-full flex-col gap-1.5">
      {list.map((p, i) => {
        const name = str(obj(p.name).formatted_name) ?? t("CONTACTS");
        const phones = arr(p.phones)
          .map((ph) => str(ph.phone) ?? str(ph.wa_id))
          .filter(Boolean);
        return (
          <li key={i} className="flex items-center gap-2.5 rounded-md bg-black/5 px-3 py-2 dark:bg-white/5">
            <ContactIcon className="size-5 shrink-0 text-emerald-600" aria-hidden="true" />
            <span className="min-w-0">
              <span className="block truncate text-sm font-medium">{name}</span>
              {phones.length > 0 && <span className="block truncate text-xs text-zinc-500 dark:text-zinc-400">{phones.join(" · ")}</span>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** The buttons or list an outbound interactive message (or a template) offered, drawn as WhatsApp shows them. */
function OfferedButtons({ labels, list }: { labels: string[]; list?: string | null }) {
  if (!labels.length && !list) return null;
  return (
    <div className="mt-1 flex flex-col gap-1">
      {list && (
        <span className={CHIP}>
          <ListIcon className="size-3.5" aria-hidden="true" />
          {list}
        </span>
      )}
      {labels.map((l, i) => (
        <span key={i} className={CHIP}>
          <ReplyIcon className="size-3.5" aria-hidden="true" />
          {l}
        </span>
      ))}
    </div>
  );
}

function Interactive({ m, mentions }: { m: ThreadMessage; mentions: string[] }) {
  const t = useTranslations("thread.types");
  const c = obj(m.content);
  if (m.direction === "INBOUND") {
    const label = c.type === "list_reply" ? t("listReply") : t("buttonReply");
    return (
      <div className="flex flex-col gap-0.5">
        <span className="text-[11px] font-medium text-emerald-700 dark:text-emerald-400">{label}</span>
        <p className="font-medium">{m.body ?? str(c.title) ?? "…"}</p>
        {str(c.description) && <p className="text-xs text-zinc-500 dark:text-zinc-400">{str(c.description)}</p>}
      </div>
    );
  }
  const i = obj(c.interactive);
  const action = obj(i.action);
  const labels = arr(action.buttons).map((b) => str(obj(b.reply).title) ?? str(b.title) ?? "");
  return (
    <div className="flex flex-col gap-1">
      {str(obj(i.header).text) && <p className="font-semibold">{str(obj(i.header).text)}</p>}
      {m.body && <p className="break-words whitespace-pre-wrap"><RichText text={m.body} mentions={mentions} /></p>}
      {str(obj(i.footer).text) && <p className="text-xs text-zinc-500 dark:text-zinc-400">{str(obj(i.footer).text)}</p>}
      <OfferedButtons labels={labels.filter(Boolean)} list={str(action.button)} />
    </div>
  );
}

function Template({ m }: { m: ThreadMessage }) {
  const t = useTranslations("thread.types");
  const r = obj(obj(m.content).rendered);
  return (
    <div className="flex flex-col gap-1">
      <p className="text-[11px] font-medium text-emerald-700 dark:text-emerald-400">{t("template", { name: m.templateName ?? "" })}</p>
      {m.media && <MessageMedia m={m} />}
      {str(r.header) && <p className="font-semibold">{str(r.header)}</p>}
      {(str(r.body) ?? m.body) && <p className="break-words whitespace-pre-wrap"><RichText text={(str(r.body) ?? m.body)!} /></p>}
      {str(r.footer) && <p className="text-xs text-zinc-500 dark:text-zinc-400">{str(r.footer)}</p>}
      <OfferedButtons labels={arr(r.buttons).map((b) => str(b.text) ?? "").filter(Boolean)} />
    </div>
  );
}

const MEDIA = new Set(["IMAGE", "VIDEO", "AUDIO", "DOCUMENT", "STICKER"]);
const LABELLED = ["IMAGE", "VIDEO", "AUDIO", "DOCUMENT", "STICKER", "LOCATION", "CONTACTS", "ORDER", "SYSTEM", "UNSUPPORTED"] as const;
const isLabelled = (type: string): type is (typeof LABELLED)[number] => (LABELLED as readonly string[]).includes(type);

/** What a message shows inside its bubble, whatever its type. `mentions` are names to highlight (notes). */
export function MessageBody({ m, mentions = [] }: { m: ThreadMessage; mentions?: string[] }) {
  const t = useTranslations("thread.types");
  const c = obj(m.content);
  if (m.type === "TEMPLATE") return <Template m={m} />;
  if (m.type === "INTERACTIVE") return <Interactive m={m} mentions={mentions} />;
  if (m.type === "LOCATION") return <Location c={c} body={m.body} />;
  if (m.type === "CONTACTS") return <Contacts c={c} />;
  const text = MEDIA.has(m.type) ? (m.media?.caption ?? (m.type === "DOCUMENT" ? null : m.body)) : m.body;
  const hasMedia = MEDIA.has(m.type) && Boolean(m.media);
  return (
    <div className="flex flex-col gap-1">
      {m.type === "BUTTON" && <span className="text-[11px] font-medium text-emerald-700 dark:text-emerald-400">{t("buttonReply")}</span>}
      {m.type === "ORDER" && (
        <span className="flex items-center gap-1.5 text-sm font-medium">
          <ShoppingCartIcon className="size-4" aria-hidden="true" />
          {t("ORDER")}
        </span>
      )}
      {hasMedia && <MessageMedia m={m} />}
      {text && (
        <p className="break-words whitespace-pre-wrap">
          <RichText text={text} mentions={mentions} />
        </p>
      )}
      {!text && !hasMedia && m.type !== "ORDER" && <p className="text-zinc-500 italic dark:text-zinc-400">{isLabelled(m.type) ? t(m.type) : m.type}</p>}
    </div>
  );
}
